//! The editor's views: they draw the state and hand every change to it.

mod collections;
mod controls;
mod form;
mod items;
mod problems;
mod toolbar;
mod workbench;

use std::sync::Arc;

use leptos::prelude::*;

use iom_lao_editor::core::draft::{known_items, Known};
use iom_lao_editor::core::fields::{locate, Place};
use iom_lao_editor::core::ui_text::{fill, Ui};
use iom_lao_explorer::core::{load_snapshot, Lang, Problem};

use crate::files::{self, PUBLISHED};
use crate::state::{EditorState, Mode};
use crate::store;

/// Each problem of the draft with its place in the editor (`None`: the file as a whole).
pub type Located = Arc<Vec<(Option<Place>, Problem)>>;

/// What the views share besides the state: the draft's items for the pickers, and each
/// problem with its place.
#[derive(Clone, Copy)]
pub struct Derived {
    pub known: Memo<Arc<Vec<Known>>>,
    pub located: Memo<Located>,
}

#[component]
pub fn Editor() -> impl IntoView {
    let state = EditorState::new();
    provide_context(state);
    // Refreshed with the checks (once typing pauses), not on every key.
    let known = Memo::new(move |_| {
        state.checked.track();
        Arc::new(
            state
                .draft
                .with_untracked(|draft| draft.as_ref().map(known_items).unwrap_or_default()),
        )
    });
    let located = Memo::new(move |_| {
        Arc::new(state.checked.with(|checked| {
            checked
                .as_ref()
                .map(|checked| {
                    checked
                        .problems
                        .iter()
                        .map(|problem| (locate(&problem.path), problem.clone()))
                        .collect()
                })
                .unwrap_or_default()
        }))
    });
    provide_context(Derived { known, located });

    files::register_service_worker();
    leptos::task::spawn_local(start(state));
    warn_before_leaving(state);
    Effect::new(move |_| {
        let lang = state.lang.get();
        let root = document().document_element();
        if let Some(root) = root {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(&format!("{} · IOM Lao PDR", state.t(Ui::Title)));
    });

    view! {
        <div
            class="editor"
            on:dragover=|event| event.prevent_default()
            on:drop=move |event| {
                event.prevent_default();
                let file = event.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0));
                if let Some(file) = file {
                    toolbar::open_file(state, file);
                }
            }
        >
            <a class="skip" href="#editor-main">{move || state.t(Ui::Items)}</a>
            <header class="editor-head">
                <div>
                    <h1>{move || state.t(Ui::Title)}</h1>
                    <p class="intro">{move || state.t(Ui::Intro)}</p>
                </div>
                <LanguageSwitch />
            </header>
            <toolbar::Toolbar />
            <toolbar::NoticeBar />
            <Show
                when=move || state.draft.with(Option::is_some)
                fallback=move || view! { <p class="loading" role="status">{move || state.t(Ui::Loading)}</p> }
            >
                <div class="editor-body">
                    <collections::Collections />
                    <main id="editor-main" class="editor-main" tabindex="-1">
                        {move || match state.mode.get() {
                            Mode::Items => view! { <items::ItemsAndForm /> }.into_any(),
                            Mode::Translations => view! { <workbench::Workbench /> }.into_any(),
                        }}
                    </main>
                    <aside class="editor-side">
                        <problems::Problems />
                        <problems::Changes />
                    </aside>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let button = move |lang: Lang, name: &'static str| {
        view! {
            <button
                type="button"
                lang=lang.code()
                aria-pressed=move || (state.lang.get() == lang).to_string()
                on:click=move |_| state.lang.set(lang)
            >
                {name}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || state.t(Ui::Language)>
            {button(Lang::En, "English")}
            {button(Lang::Lo, "ລາວ")}
        </div>
    }
}

/// Restores the kept draft, or opens the published snapshot.
async fn start(state: EditorState) {
    if let Some(kept) = store::load().await {
        let from = kept.opened_from.clone();
        if state.restore(kept) {
            state.say(fill(state.t(Ui::Restored), &from), Vec::new(), false);
            return;
        }
    }
    open_published(state).await;
}

/// Opens the published snapshot (also "start over").
pub async fn open_published(state: EditorState) {
    match files::fetch_text(PUBLISHED).await {
        Ok(text) => open_text(state, text, PUBLISHED.to_owned()),
        Err(error) => {
            state.say(state.t(Ui::LoadFailed).to_owned(), vec![error], true);
        }
    }
}

/// Opens `text` if it is a snapshot: one the explorer refuses still opens (so that its
/// problems can be fixed here), as long as it is JSON of a version this editor knows.
pub fn open_text(state: EditorState, text: String, from: String) {
    let parsed = serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'));
    let refused = |details: Vec<String>| {
        state.say(fill(state.t(Ui::OpenRefused), &from), details, true);
    };
    let root = match parsed {
        Ok(root) => root,
        Err(err) => {
            return refused(vec![format!("not valid JSON: {err}")]);
        }
    };
    // Problems that make the file no snapshot at all (not an object, an unknown schema
    // version, too large) refuse it; problems of its content are shown in the editor.
    if let Err(problems) = load_snapshot(&text) {
        if let Some(whole) = problems
            .iter()
            .find(|problem| problem.path == "$" || problem.path == "$.schema_version")
        {
            return refused(vec![whole.to_string()]);
        }
    }
    state.open(text, root, from.clone());
    let message = if from == PUBLISHED {
        state.t(Ui::Opened).to_owned()
    } else {
        fill(state.t(Ui::OpenedFile), &from)
    };
    state.say(message, Vec::new(), false);
}

/// The browser asks before a tab with changes not downloaded is closed or reloaded (the draft
/// is kept either way; this is for the person who forgot to download).
fn warn_before_leaving(state: EditorState) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |event| {
        if state.unsaved() {
            event.prevent_default();
            event.set_return_value("");
        }
    });
    on_cleanup(move || handle.remove());
}
