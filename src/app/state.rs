//! The explorer's state and where it is mirrored.
//!
//! - The standalone page (and iframe mode) mirrors it in its own query string (the URL contract
//!   in the README): switching views pushes a history entry, so Back and Forward work; other
//!   changes replace it. In an iframe every change replaces, so the host's Back button is not
//!   filled with the explorer's steps.
//! - A script embed leaves the host's URL alone, unless the host asks for `data-sync-url="hash"`:
//!   then the state lives under the explorer's own key in the hash, and nothing else is touched.

use leptos::prelude::*;

use crate::core::embed::standalone_link;
use crate::core::facets::Facets;
use crate::core::filter::Filters;
use crate::core::i18n::{t, Msg};
use crate::core::url_state::{has_param, UrlState, View};
use crate::core::years::Years;
use crate::core::Lang;

/// Where the state is mirrored.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum UrlSync {
    /// The page's own query string (standalone page, iframe mode).
    Query,
    /// One key of the host page's hash, e.g. `#iom-explorer-1=view%3Dtimeline`.
    Hash(String),
    /// Nowhere: the host's URL is never touched.
    Off,
}

/// How this explorer was started.
#[derive(Clone, Debug)]
pub struct Mount {
    pub sync: UrlSync,
    /// Prefix for the files shipped with the explorer (snapshot, boundaries): "" on the
    /// standalone page, the loader's folder for a script embed.
    pub base: String,
    /// Mounted by the script loader into a host page.
    pub script_embed: bool,
    /// The state to start from when nothing in the URL says otherwise.
    pub initial: UrlState,
    /// The id of the explorer's root element (unique on the page).
    pub root_id: String,
    /// The snapshot URL a host chose (`data-snapshot`); by default the one shipped with it.
    pub snapshot: Option<String>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The whole state, for what shows all of it (embed snippets).
    pub url: ReadSignal<UrlState>,
    /// The whole state as it was when changes last paused: it follows `url` when the URL is
    /// written (see [`AppState::mirror`]). The views' links carry it, so a keystroke does not
    /// rewrite every link on the page.
    pub at_rest: ReadSignal<UrlState>,
    mount: StoredValue<Mount>,
    /// The replacing write of the URL that is waiting (see [`AppState::mirror`]).
    waiting_write: StoredValue<WaitingWrite>,
    // Parts of the state in signals of their own, each set only when it changes: typing in the
    // search box then wakes only what depends on the filters. (As memos of the whole state,
    // every text in the interface language was woken on each keystroke to check its language.)
    lang: ReadSignal<Lang>,
    view: ReadSignal<View>,
    /// The shared filters.
    pub filters: ReadSignal<Filters>,
    /// The checkbox facets only (not the search or the years).
    pub facets: ReadSignal<Facets>,
    pub years: ReadSignal<Years>,
    set: Setters,
}

#[derive(Clone, Copy)]
struct Setters {
    url: WriteSignal<UrlState>,
    at_rest: WriteSignal<UrlState>,
    lang: WriteSignal<Lang>,
    view: WriteSignal<View>,
    filters: WriteSignal<Filters>,
    facets: WriteSignal<Facets>,
    years: WriteSignal<Years>,
}

/// A replacing write of the URL that waits for the changes to pause.
#[derive(Clone, Copy, Default)]
struct WaitingWrite {
    /// A change has not been written yet.
    waiting: bool,
    /// When the last change came (ms since the epoch).
    last_change: f64,
    /// A timer is set to check for the pause.
    timer: bool,
}

/// How a change reaches the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    Push,
    Replace,
}

impl AppState {
    /// Reads the state from where this mount keeps it, and follows changes made outside
    /// (Back and Forward, or a host editing the hash).
    pub fn new(mount: Mount) -> Self {
        let initial = match &mount.sync {
            UrlSync::Query => {
                let query = current_query();
                let mut state = UrlState::parse(&query);
                // A link's language wins; otherwise the visitor's last choice on this site.
                if !has_param(&query, "lang") {
                    if let Some(lang) = stored_lang() {
                        state.lang = lang;
                    }
                }
                state
            }
            UrlSync::Hash(key) => hash_value(key)
                .map(|q| parse_host_hash(&q))
                .unwrap_or_else(|| mount.initial.clone()),
            UrlSync::Off => mount.initial.clone(),
        };
        let (url, set_url) = signal(initial.clone());
        let (at_rest, set_at_rest) = signal(initial.clone());
        let (lang, set_lang) = signal(initial.lang);
        let (view, set_view) = signal(initial.view);
        let (filters, set_filters) = signal(initial.filters.clone());
        let (facets, set_facets) = signal(Facets::of(&initial.filters));
        let (years, set_years) = signal(initial.filters.years);
        let state = AppState {
            url,
            at_rest,
            mount: StoredValue::new(mount.clone()),
            waiting_write: StoredValue::new(WaitingWrite::default()),
            lang,
            view,
            filters,
            facets,
            years,
            set: Setters {
                url: set_url,
                at_rest: set_at_rest,
                lang: set_lang,
                view: set_view,
                filters: set_filters,
                facets: set_facets,
                years: set_years,
            },
        };
        match mount.sync {
            UrlSync::Query => {
                let _ = window_event_listener(leptos::ev::popstate, move |_| {
                    state.arrive(UrlState::parse(&current_query()));
                });
            }
            UrlSync::Hash(key) => {
                let _ = window_event_listener(leptos::ev::hashchange, move |_| {
                    if let Some(query) = hash_value(&key) {
                        let next = parse_host_hash(&query);
                        if next != url.get_untracked() {
                            state.arrive(next);
                        }
                    }
                });
            }
            UrlSync::Off => {}
        }
        state
    }

    /// Takes `next`, from a navigation (Back, Forward, a host editing the hash): it is at rest
    /// at once.
    fn arrive(&self, next: UrlState) {
        self.replace(next);
        self.rest();
    }

    /// Takes `next` as the whole state, and sets each part that changed.
    fn replace(&self, next: UrlState) {
        fn changed<T: PartialEq + Send + Sync + 'static>(
            read: ReadSignal<T>,
            write: WriteSignal<T>,
            value: T,
        ) {
            if read.with_untracked(|now| *now != value) {
                write.set(value);
            }
        }
        changed(self.lang, self.set.lang, next.lang);
        changed(self.view, self.set.view, next.view);
        changed(self.facets, self.set.facets, Facets::of(&next.filters));
        changed(self.years, self.set.years, next.filters.years);
        changed(self.filters, self.set.filters, next.filters.clone());
        self.set.url.set(next);
    }

    /// The language now, without subscribing to it (for work done once, outside the views).
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn view(&self) -> View {
        self.view.get()
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        t(self.lang(), msg)
    }

    /// The standalone page (not a script embed and not iframe mode): it owns the document's
    /// title and `lang`.
    pub fn owns_page(&self) -> bool {
        !self.mount.with_value(|m| m.script_embed) && !self.url.with_untracked(|url| url.embed)
    }

    pub fn is_script_embed(&self) -> bool {
        self.mount.with_value(|m| m.script_embed)
    }

    /// A URL for a file shipped with the explorer.
    pub fn asset(&self, path: &str) -> String {
        self.mount.with_value(|m| format!("{}{path}", m.base))
    }

    /// The absolute URL of the explorer's folder, ending in `/` (for embed snippets).
    pub fn base_url(&self) -> String {
        let base = self.mount.with_value(|m| m.base.clone());
        if !base.is_empty() {
            return base;
        }
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        format!("{}{folder}", location.origin().unwrap_or_default())
    }

    /// The link that reproduces this explorer as it is now (Copy link, printouts): for a script
    /// embed that keeps its state in its host's hash, the host page with that hash; otherwise
    /// the standalone explorer (the page itself, outside iframe mode).
    pub fn share_link(&self, url: &UrlState) -> String {
        let location = window().location();
        let origin = location.origin().unwrap_or_default();
        match self.mount.with_value(|m| m.sync.clone()) {
            UrlSync::Query => {
                let page = format!("{origin}{}", location.pathname().unwrap_or_default());
                standalone_link(&page, url)
            }
            UrlSync::Hash(key) => format!("{origin}{}", hash_url(&key, url)),
            UrlSync::Off => standalone_link(&format!("{}index.html", self.base_url()), url),
        }
    }

    pub fn root_id(&self) -> String {
        self.mount.with_value(|m| m.root_id.clone())
    }

    /// The snapshot to load: a preview from the URL (a path in the explorer's folder), or the
    /// published one.
    pub fn snapshot_url(&self) -> String {
        // Only a navigation changes it, which is at rest at once: typing does not ask again.
        let preview = self.at_rest.with(|url| url.snapshot.clone());
        preview
            .map(|path| self.asset(&path))
            .unwrap_or_else(|| self.published_snapshot_url())
    }

    /// The published snapshot: the host's choice (`data-snapshot`), or the one shipped with the
    /// explorer.
    pub fn published_snapshot_url(&self) -> String {
        self.mount
            .with_value(|m| m.snapshot.clone())
            .unwrap_or_else(|| self.asset(DEFAULT_SNAPSHOT))
    }

    pub fn show(&self, view: View) {
        self.update(History::Push, |url| {
            url.view = view;
            url.item = None;
        });
    }

    pub fn set_lang(&self, lang: Lang) {
        if self.owns_page() {
            if let Ok(Some(storage)) = window().local_storage() {
                // Private modes may refuse storage; the choice then lasts for this page only.
                let _ = storage.set_item(LANG_KEY, lang.code());
            }
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

    /// Leaves a preview for the published snapshot, keeping the view and filters.
    pub fn show_published(&self) {
        self.update(History::Push, |url| url.snapshot = None);
    }

    /// Shows step `step` (0-based) of the story, as a new history entry, so that Back and
    /// Forward move between steps.
    pub fn show_step(&self, step: usize) {
        self.update(History::Push, |url| {
            url.view = View::Story;
            url.step = Some(step + 1);
            url.item = None;
        });
    }

    /// Goes to another state of the explorer (a link into another view), as a new entry.
    pub fn go_to(&self, next: UrlState) {
        self.update(History::Push, |url| *url = next);
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
        if self.url.with_untracked(|url| *url == next) {
            return;
        }
        if history == History::Push {
            // The entry being left keeps what was typed into it (Back returns to it).
            self.flush_url();
        }
        self.replace(next);
        self.mirror(history);
    }

    /// Writes the state where this mount keeps it. A new history entry is written at once.
    /// Replacing writes (typing, dragging a year handle) wait until the changes pause, then
    /// write once: a keystroke never waits for the History API, which the browser also
    /// throttles when it is called too often. A mount that keeps its state nowhere still
    /// waits, for [`AppState::at_rest`].
    fn mirror(&self, history: History) {
        if history == History::Push && !self.url.with_untracked(|url| url.embed) {
            self.waiting_write.update_value(|p| p.waiting = false);
            let sync = self.mount.with_value(|m| m.sync.clone());
            self.write(&sync, History::Push);
            self.rest();
            return;
        }
        let now = js_sys::Date::now();
        let mut arm = false;
        self.waiting_write.update_value(|p| {
            p.waiting = true;
            p.last_change = now;
            arm = !std::mem::replace(&mut p.timer, true);
        });
        // One timer for a burst of changes, not one per keystroke: when it fires early (the
        // changes went on), it waits again for what is left of the pause.
        if arm {
            self.wait_for_pause(URL_WRITE_PAUSE);
        }
    }

    fn wait_for_pause(&self, wait: std::time::Duration) {
        let state = *self;
        set_timeout(
            move || {
                let pending = state.waiting_write.get_value();
                let quiet = js_sys::Date::now() - pending.last_change;
                let pause = URL_WRITE_PAUSE.as_secs_f64() * 1000.0;
                if pending.waiting && quiet < pause {
                    state.wait_for_pause(std::time::Duration::from_secs_f64(
                        (pause - quiet) / 1000.0,
                    ));
                } else {
                    state.waiting_write.update_value(|p| p.timer = false);
                    state.flush_url();
                }
            },
            wait,
        );
    }

    /// Writes a waiting change to the URL now (before the URL is read, e.g. to copy it).
    pub fn flush_url(&self) {
        if self.waiting_write.with_value(|p| p.waiting) {
            self.waiting_write.update_value(|p| p.waiting = false);
            let sync = self.mount.with_value(|m| m.sync.clone());
            self.write(&sync, History::Replace);
            self.rest();
        }
    }

    /// The changes have paused: what carries the whole state catches up.
    fn rest(&self) {
        let now = self.url.get_untracked();
        if self.at_rest.with_untracked(|at_rest| *at_rest != now) {
            self.set.at_rest.set(now);
        }
    }

    fn write(&self, sync: &UrlSync, history: History) {
        self.url.with_untracked(|url| match sync {
            UrlSync::Query => write_query(url, history),
            UrlSync::Hash(key) => write_hash(key, url),
            UrlSync::Off => {}
        });
    }
}

/// UI text that follows the language. Every call returns the same closure type, so the
/// renderer is compiled once for all UI strings instead of once per string (a smaller Wasm).
pub fn tr(state: AppState, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || state.t(msg)
}

/// The snapshot shipped with the explorer, relative to its folder.
pub const DEFAULT_SNAPSHOT: &str = "data/strategy.json";

/// How long replacing URL writes wait for the changes to pause.
const URL_WRITE_PAUSE: std::time::Duration = std::time::Duration::from_millis(200);

const LANG_KEY: &str = "iom-lao-explorer.lang";

fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok()??;
    Lang::from_code(&storage.get_item(LANG_KEY).ok()??)
}

/// The state a script embed keeps in its host page's hash. Anyone can link to the host page
/// with any hash, so the hash never chooses the snapshot: that stays the host's
/// `data-snapshot` (or the published one).
fn parse_host_hash(query: &str) -> UrlState {
    UrlState {
        snapshot: None,
        ..UrlState::parse(query)
    }
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

fn write_query(state: &UrlState, history: History) {
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

/// The hash as `key=value` pairs (form encoding), so the explorer's key sits beside others.
fn hash_pairs() -> Vec<(String, String)> {
    let hash = window().location().hash().unwrap_or_default();
    let hash = hash.strip_prefix('#').unwrap_or(&hash);
    form_urlencoded::parse(hash.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn hash_value(key: &str) -> Option<String> {
    hash_pairs()
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The page's address (path, query and hash) with the explorer's key of the hash set to
/// `state`, the other keys as they are.
fn hash_url(key: &str, state: &UrlState) -> String {
    let value = state.to_query();
    let value = value.strip_prefix('?').unwrap_or(&value);
    let mut pairs = hash_pairs();
    match pairs.iter_mut().find(|(k, _)| k == key) {
        Some(pair) => pair.1 = value.to_owned(),
        None => pairs.push((key.to_owned(), value.to_owned())),
    }
    let mut encoded = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        encoded.append_pair(k, v);
    }
    let location = window().location();
    format!(
        "{}{}#{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        encoded.finish()
    )
}

/// Rewrites only the explorer's key of the hash, replacing the history entry.
fn write_hash(key: &str, state: &UrlState) {
    let url = hash_url(key, state);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
