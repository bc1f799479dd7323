//! The explorer's state, mirrored in the address bar (the URL contract in the README).
//! Switching views pushes a history entry, so Back and Forward work; other changes replace it.

use leptos::prelude::*;

use crate::core::filter::Filters;
use crate::core::i18n::{t, Msg};
use crate::core::url_state::{has_param, UrlState, View};
use crate::core::Lang;

#[derive(Clone, Copy)]
pub struct AppState {
    pub url: RwSignal<UrlState>,
}

/// How a change reaches the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    Push,
    Replace,
}

impl AppState {
    /// Reads the address bar and follows Back and Forward.
    pub fn from_location() -> Self {
        let query = current_query();
        let mut initial = UrlState::parse(&query);
        // A link's language wins; otherwise the visitor's last choice on this site.
        if !has_param(&query, "lang") {
            if let Some(lang) = stored_lang() {
                initial.lang = lang;
            }
        }
        let url = RwSignal::new(initial);
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            url.set(UrlState::parse(&current_query()));
        });
        AppState { url }
    }

    pub fn lang(&self) -> Lang {
        self.url.with(|url| url.lang)
    }

    pub fn view(&self) -> View {
        self.url.with(|url| url.view)
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        t(self.lang(), msg)
    }

    pub fn show(&self, view: View) {
        self.update(History::Push, |url| {
            url.view = view;
            url.item = None;
        });
    }

    pub fn set_lang(&self, lang: Lang) {
        if let Ok(Some(storage)) = window().local_storage() {
            // Private modes may refuse storage; the choice then lasts for this page only.
            let _ = storage.set_item(LANG_KEY, lang.code());
        }
        self.update(History::Replace, |url| url.lang = lang);
    }

    /// Changes the shared filters. Typing replaces the history entry rather than adding one.
    pub fn update_filters(&self, change: impl FnOnce(&mut Filters)) {
        self.update(History::Replace, |url| change(&mut url.filters));
    }

    pub fn clear_filters(&self) {
        self.update_filters(|filters| *filters = Filters::default());
    }

    /// Opens the details panel of the item with this id.
    pub fn open(&self, id: &str) {
        let id = id.to_owned();
        self.update(History::Replace, |url| url.item = Some(id));
    }

    pub fn close(&self) {
        self.update(History::Replace, |url| url.item = None);
    }

    fn update(&self, history: History, change: impl FnOnce(&mut UrlState)) {
        let mut next = self.url.get_untracked();
        change(&mut next);
        if next == self.url.get_untracked() {
            return;
        }
        write_history(&next, history);
        self.url.set(next);
    }
}

const LANG_KEY: &str = "iom-lao-explorer.lang";

fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok()??;
    Lang::from_code(&storage.get_item(LANG_KEY).ok()??)
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

fn write_history(state: &UrlState, history: History) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{}{hash}", state.to_query());
    let Ok(browser_history) = window().history() else {
        return;
    };
    let _ = match history {
        History::Push => {
            browser_history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
        History::Replace => {
            browser_history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    };
}
