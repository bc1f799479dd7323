//! "Share and export": copy the link of the current view, download what the filters show as
//! CSV (one file per kind) or as a JSON snapshot, and the current timeline or map as SVG/PNG.
//! Also the print-only header (active filters) and footer (sources of what is shown).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::widgets::part;
use super::Data;
use crate::app::download::{copy_text, download, download_png, download_svg};
use crate::app::state::{tr, AppState};
use crate::core::embed::{iframe_snippet, script_snippet};
use crate::core::export::{csv, subset_json, CsvKind};
use crate::core::filter::{cited_sources, describe};
use crate::core::i18n::Msg;
use crate::core::url_state::View;

/// The drawing of the current view that can be exported as an image, if any.
fn drawing(view: View) -> Option<(&'static str, &'static str)> {
    match view {
        View::Timeline => Some(("svg.iom-tl-svg", "iom-lao-timeline")),
        View::Map => Some(("svg.iom-map-svg", "iom-lao-province-map")),
        View::Partners => Some(("svg.iom-network-svg", "iom-lao-partner-network")),
        _ => None,
    }
}

/// Finds a drawing inside this explorer (not elsewhere on a host page).
fn find(root: super::Root, selector: &str) -> Option<web_sys::Element> {
    root.0
        .get_untracked()?
        .query_selector(selector)
        .ok()
        .flatten()
}

#[component]
pub fn ShareBar(view: Memo<View>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let status = RwSignal::new(None::<Msg>);
    let root = expect_context::<super::Root>();

    let copy_link = move |_| {
        state.flush_url();
        let url = window().location().href().unwrap_or_default();
        leptos::task::spawn_local(async move {
            let copied = copy_text(&url).await;
            status.set(Some(if copied {
                Msg::LinkCopied
            } else {
                Msg::CopyFailed
            }));
        });
    };
    // A download the browser refused (a blocked Blob URL, an SVG it cannot decode, a canvas it
    // will not read back) is said in the status line, not dropped.
    let report = move |made: Result<(), JsValue>| {
        status.set(made.err().map(|_| Msg::DownloadFailed));
    };
    let csv_button = {
        let data = data.clone();
        move |kind: CsvKind, label: Msg| {
            let data = data.clone();
            view! {
                <button
                    type="button"
                    class="iom-chip"
                    on:click=move |_| {
                        let text = data.visible.with_untracked(|v| csv(kind, &data.snapshot, &data.index, v, state.lang()));
                        report(download(kind.file_name(), "text/csv;charset=utf-8", &text));
                    }
                >
                    {tr(state, label)}
                </button>
            }
        }
    };
    let json = {
        let data = data.clone();
        move |_| {
            let text = data
                .visible
                .with_untracked(|v| subset_json(&data.snapshot, &data.index, v));
            report(download(
                "iom-lao-strategy-subset.json",
                "application/json",
                &text,
            ));
        }
    };
    let images = part(move || {
        let (selector, name) = drawing(view.get())?;
        Some(view! {
            <button type="button" class="iom-chip" on:click=move |_| {
                let made = find(root, selector).ok_or(JsValue::NULL).and_then(|svg| download_svg(&svg, &format!("{name}.svg")));
                report(made);
            }>{tr(state, Msg::SvgImage)}</button>
            <button type="button" class="iom-chip" on:click=move |_| {
                let svg = find(root, selector);
                leptos::task::spawn_local(async move {
                    report(match svg {
                        Some(svg) => download_png(&svg, &format!("{name}.png")).await,
                        None => Err(JsValue::NULL),
                    });
                });
            }>{tr(state, Msg::PngImage)}</button>
        })
    });
    view! {
        <details class="iom-share">
            <summary>{tr(state, Msg::ShareExport)}</summary>
            <div class="iom-share__actions">
                <button type="button" class="iom-chip" on:click=copy_link>{tr(state, Msg::CopyLink)}</button>
                {csv_button(CsvKind::Events, Msg::CsvEvents)}
                {csv_button(CsvKind::Projects, Msg::CsvProjects)}
                {csv_button(CsvKind::Partners, Msg::CsvPartners)}
                <button type="button" class="iom-chip" on:click=json>{tr(state, Msg::JsonSubset)}</button>
                {images}
                <EmbedDialog />
            </div>
            <p class="iom-share__status" role="status" aria-live="polite">{part(move || status.get().map(|m| state.t(m)))}</p>
        </details>
    }
}

/// A modal dialog (the browser's own: it traps and returns focus, Escape closes it) with the
/// iframe and script snippets for the current view and filters, each with a Copy button.
#[component]
fn EmbedDialog() -> impl IntoView {
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

/// Printed above the view: where it comes from and which filters are on.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let filters = part(move || {
        let lang = state.lang();
        let words = state
            .url
            .with(|url| describe(&url.filters, &data.snapshot, &data.index, lang));
        if words.is_empty() {
            state.t(Msg::PrintNoFilters).to_owned()
        } else {
            format!("{}: {}", state.t(Msg::PrintFilters), words.join(" · "))
        }
    });
    let address = part(move || {
        let _ = state.url.get();
        state.flush_url();
        window().location().href().unwrap_or_default()
    });
    view! {
        <div class="iom-print-only iom-print-header">
            <p><strong>{tr(state, Msg::AppName)}</strong></p>
            <p>{filters}</p>
            <p>{tr(state, Msg::Printed)} ": " {address}</p>
        </div>
    }
}

/// Printed after the view: the sources of everything the filters show.
#[component]
pub fn PrintSources() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    // Recomputed on each filter change, but the list is only redrawn when it differs.
    let cited = {
        let data = data.clone();
        Memo::new(move |_| data.visible.with(|v| cited_sources(&data.snapshot, v)))
    };
    let list = part(move || {
        let s = &data.snapshot;
        cited
            .get()
            .into_iter()
            .map(|i| {
                let source = &s.sources[i];
                view! { <li lang="en">{source.title.clone()} " · " {source.publisher.clone()} " · " {source.url.clone()}</li> }
            })
            .collect_view()
    });
    view! {
        <section class="iom-print-only iom-print-sources">
            <h2>{tr(state, Msg::PrintSources)}</h2>
            <ol>{list}</ol>
        </section>
    }
}
