//! "Share and export": copy the link of the current view, download what the filters show as
//! CSV (one file per kind) or as a JSON snapshot, and the current timeline or map as SVG/PNG.
//! Its parts: `embed_dialog` (the snippets), `print` (the print-only header with the active
//! filters and the footer with the sources of what is shown).

mod embed_dialog;
mod print;

pub use print::{PrintHeader, PrintSources};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::download::{copy_text, download, download_png, download_svg};
use crate::app::state::{tr, AppState};
use crate::app::views::chunks::{lazy, Part};
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::export::{csv, subset_json, CsvKind};
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
fn find(root: crate::app::views::Root, selector: &str) -> Option<web_sys::Element> {
    root.0
        .get_untracked()?
        .query_selector(selector)
        .ok()
        .flatten()
}

/// The "Share and export" panel, closed at first. Its actions' code (the exporters, the embed
/// snippets) is downloaded when a visitor first opens it (`chunks::Part::ShareActions`).
#[component]
pub fn ShareBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let opened = RwSignal::new(false);
    let retries = RwSignal::new(0_u32);
    let on_toggle = move |event: leptos::ev::Event| {
        let open = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|details| details.has_attribute("open"));
        if open {
            opened.set(true);
        }
    };
    view! {
        <details class="iom-share" on:toggle=on_toggle>
            <summary>{tr(state, Msg::ShareExport)}</summary>
            {part(move || opened.get().then(|| lazy(Part::ShareActions, retries)))}
        </details>
    }
}

/// What the share panel holds: copy the link, the downloads and the embed snippets, with a
/// status line that says what happened.
#[component]
pub fn ShareActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let view = Memo::new(move |_| state.view());
    let status = RwSignal::new(None::<Msg>);
    let root = expect_context::<crate::app::views::Root>();

    let copy_link = move |_| {
        let url = state.url.with_untracked(|url| state.share_link(url));
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
            <div class="iom-share__actions">
                <button type="button" class="iom-chip" on:click=copy_link>{tr(state, Msg::CopyLink)}</button>
                {csv_button(CsvKind::Events, Msg::CsvEvents)}
                {csv_button(CsvKind::Projects, Msg::CsvProjects)}
                {csv_button(CsvKind::Partners, Msg::CsvPartners)}
                <button type="button" class="iom-chip" on:click=json>{tr(state, Msg::JsonSubset)}</button>
                {images}
                <embed_dialog::EmbedDialog />
            </div>
            <p class="iom-share__status" role="status" aria-live="polite">{part(move || status.get().map(|m| state.t(m)))}</p>
    }
}
