//! The toolbar: open, undo and redo, preview, download, the translation sheet, and whether
//! the draft is kept; and the bar that says what just happened.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use iom_lao_editor::core::layout::to_repository_json_like;
use iom_lao_editor::core::translation_sheet;
use iom_lao_editor::core::ui_text::{fill, Ui};

use crate::files::{self, PREVIEW};
use crate::state::EditorState;
use crate::store;

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let t = move |key| move || state.t(key);
    let refused = RwSignal::new(false);
    let has_draft = move || state.draft.with(Option::is_some);
    let preview_href = move || {
        let lang = state.lang.get().code();
        format!("index.html?snapshot={PREVIEW}&lang={lang}")
    };
    let download = move |anyway: bool| {
        state.check_now();
        let checked = state.checked.get_untracked();
        let Some(checked) = checked else {
            return;
        };
        let text = match (&checked.snapshot, anyway) {
            (Some(snapshot), _) => {
                to_repository_json_like(snapshot, &state.original.get_untracked())
            }
            (None, false) => {
                refused.set(true);
                return;
            }
            (None, true) => state.draft.with_untracked(|draft| {
                let mut text = serde_json::to_string_pretty(draft).unwrap_or_default();
                text.push('\n');
                text
            }),
        };
        refused.set(false);
        files::download("strategy.json", "application/json", &text);
        state.downloaded();
        state.say(state.t(Ui::Downloaded).to_owned(), Vec::new(), false);
    };
    let export_sheet = move |_| {
        let Some(snapshot) = state.accepted_snapshot() else {
            state.say(state.t(Ui::NeedsValid).to_owned(), Vec::new(), true);
            return;
        };
        let sheet = translation_sheet::export(&snapshot);
        files::download(
            "strategy-translations.csv",
            "text/csv;charset=utf-8",
            &sheet,
        );
    };
    let problem_count = move || {
        state
            .checked
            .with(|checked| checked.as_ref().map_or(0, |checked| checked.problems.len()))
    };

    view! {
        <div class="toolbar" role="group" aria-label=t(Ui::Title)>
            <div class="group">
                <FilePicker label=Ui::OpenFile accept=".json,application/json" picked=move |file| open_file(state, file) />
                <button
                    type="button"
                    on:click=move |_| {
                        // Asked only when something would be lost.
                        if state.unsaved() && !window().confirm_with_message(state.t(Ui::DiscardConfirm)).unwrap_or(false) {
                            return;
                        }
                        leptos::task::spawn_local(async move {
                            store::clear().await;
                            super::open_published(state).await;
                        })
                    }
                >
                    {t(Ui::StartOver)}
                </button>
            </div>
            <Show when=has_draft>
                <div class="group">
                    <button
                        type="button"
                        disabled=move || state.history.get().0 == 0
                        on:click=move |_| state.undo()
                    >
                        {t(Ui::Undo)}
                    </button>
                    <button
                        type="button"
                        disabled=move || state.history.get().1 == 0
                        on:click=move |_| state.redo()
                    >
                        {t(Ui::Redo)}
                    </button>
                </div>
                <div class="group">
                    <a class="button" href=preview_href target="_blank" title=t(Ui::PreviewHint)>
                        {t(Ui::Preview)}
                    </a>
                    <button type="button" class="primary" on:click=move |_| download(false)>
                        {t(Ui::Download)}
                    </button>
                    <span class="kept" role="status">
                        {move || match state.kept.get() {
                            Some(false) => state.t(Ui::SaveFailed),
                            _ if state.unsaved() => state.t(Ui::Unsaved),
                            _ => state.t(Ui::Saved),
                        }}
                    </span>
                </div>
                <div class="group">
                    <button type="button" on:click=export_sheet>
                        {t(Ui::ExportSheet)}
                    </button>
                    <FilePicker label=Ui::ImportSheet accept=".csv,text/csv" picked=move |file| import_sheet(state, file) />
                </div>
            </Show>
        </div>
        <Show when=move || { refused.get() && problem_count() > 0 }>
            <div class="refusal" role="alert">
                <p>{move || fill(state.t(Ui::DownloadRefused), &problem_count().to_string())}</p>
                <button type="button" on:click=move |_| download(true)>
                    {t(Ui::DownloadAnyway)}
                </button>
                <button type="button" on:click=move |_| refused.set(false)>
                    {t(Ui::Cancel)}
                </button>
            </div>
        </Show>
    }
}

/// A button that opens the browser's file picker (the input inside its label, so that the
/// keyboard and screen readers reach it as a file input).
#[component]
fn FilePicker(
    label: Ui,
    accept: &'static str,
    picked: impl Fn(web_sys::File) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    view! {
        <label class="button file">
            {move || state.t(label)}
            <input
                type="file"
                accept=accept
                class="visually-hidden"
                on:change=move |event| {
                    if let Some(file) = first_file(&event) {
                        picked(file);
                    }
                    // The same file can be picked again (after it was fixed, say).
                    clear_input(&event);
                }
            />
        </label>
    }
}

/// What just happened: opened, restored, refused, imported.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = expect_context::<EditorState>();
    move || {
        state.notice.get().map(|notice| {
            let class = if notice.is_problem { "notice problem" } else { "notice" };
            let role = if notice.is_problem { "alert" } else { "status" };
            view! {
                <div class=class role=role>
                    <p>{notice.text}</p>
                    {(!notice.details.is_empty()).then(|| view! {
                        <ul>{notice.details.into_iter().map(|detail| view! { <li>{detail}</li> }).collect_view()}</ul>
                    })}
                </div>
            }
        })
    }
}

fn first_file(event: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    input.files()?.get(0)
}

fn clear_input(event: &leptos::ev::Event) {
    if let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// Opens a snapshot file the person picked or dropped.
pub fn open_file(state: EditorState, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let refused = |detail: String| {
            state.say(fill(state.t(Ui::OpenRefused), &name), vec![detail], true);
        };
        let bytes = match files::read(&file).await {
            Ok(bytes) => bytes,
            Err(error) => return refused(error),
        };
        match String::from_utf8(bytes) {
            Ok(text) => super::open_text(state, text, name.clone()),
            Err(err) => refused(format!(
                "not UTF-8 text: byte {} is not valid UTF-8; save the file as UTF-8",
                err.utf8_error().valid_up_to()
            )),
        }
    });
}

fn import_sheet(state: EditorState, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let Some(snapshot) = state.accepted_snapshot() else {
            state.say(state.t(Ui::NeedsValid).to_owned(), Vec::new(), true);
            return;
        };
        let bytes = match files::read(&file).await {
            Ok(bytes) => bytes,
            Err(error) => {
                state.say(state.t(Ui::SheetRefused).to_owned(), vec![error], true);
                return;
            }
        };
        match translation_sheet::import(&snapshot, &bytes) {
            Ok(imported) => {
                let Ok(root) = serde_json::to_value(&imported.snapshot) else {
                    return;
                };
                state.edit(None, move |draft| *draft = root);
                let count = imported.changed.to_string();
                state.say(fill(state.t(Ui::SheetImported), &count), Vec::new(), false);
            }
            Err(problems) => {
                let details = problems.iter().map(ToString::to_string).collect();
                state.say(state.t(Ui::SheetRefused).to_owned(), details, true);
            }
        }
    });
}
