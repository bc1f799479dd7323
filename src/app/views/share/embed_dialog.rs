//! The "Embed" dialog: iframe and script snippets for the current view and filters.

use leptos::prelude::*;

use crate::app::download::copy_text;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::core::embed::{iframe_snippet, script_snippet};
use crate::core::i18n::Msg;

/// A modal dialog (the browser's own: it traps and returns focus, Escape closes it) with the
/// iframe and script snippets for the current view and filters, each with a Copy button.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let copied = RwSignal::new(None::<usize>);
    // The snippets follow the URL; they are built only while the dialog is open.
    let is_open = RwSignal::new(false);
    let snippets = move || {
        if !is_open.get() {
            return Vec::new();
        }
        let base = state.base_url();
        state.url.with(|url| {
            vec![
                (Msg::EmbedIframe, iframe_snippet(&base, url)),
                (Msg::EmbedScript, script_snippet(&base, url)),
            ]
        })
    };
    let body = part(move || {
        snippets()
            .into_iter()
            .enumerate()
            .map(|(i, (label, code))| {
                let id = format!("{}-embed-{i}", state.root_id());
                let text = code.clone();
                view! {
                    <div class="iom-snippet">
                        <label for=id.clone()>{state.t(label)}</label>
                        <textarea id=id readonly rows="6" spellcheck="false">{code}</textarea>
                        <button type="button" class="iom-chip" on:click=move |_| {
                            let text = text.clone();
                            leptos::task::spawn_local(async move {
                                if copy_text(&text).await { copied.set(Some(i)); }
                            });
                        }>
                            {part(move || state.t(if copied.get() == Some(i) { Msg::Copied } else { Msg::Copy }))}
                        </button>
                    </div>
                }
            })
            .collect_view()
    });
    let title_id = format!("{}-embed-title", state.root_id());
    let labelled_by = title_id.clone();
    view! {
        <button type="button" class="iom-chip" on:click=move |_| {
            copied.set(None);
            is_open.set(true);
            // Shown once its snippets are drawn, so that focus lands on the first of them.
            request_animation_frame(move || {
                if let Some(dialog) = dialog.get_untracked() { let _ = dialog.show_modal(); }
            });
        }>{tr(state, Msg::Embed)}</button>
        <dialog node_ref=dialog class="iom-embed-dialog" aria-labelledby=labelled_by on:close=move |_| is_open.set(false)>
            <h2 id=title_id>{tr(state, Msg::EmbedTitle)}</h2>
            {body}
            <p class="iom-hint">{tr(state, Msg::EmbedHelp)}</p>
            <button type="button" class="iom-button" on:click=move |_| {
                if let Some(dialog) = dialog.get() { dialog.close(); }
            }>{tr(state, Msg::Close)}</button>
        </dialog>
    }
}
