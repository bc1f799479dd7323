//! What the standalone page shows before the app draws: a loading status and, on the
//! Overview and the Timeline, that view prerendered at build time (`scripts/prerender.mjs`),
//! chosen by the page's early script (`scripts/embed-hook.mjs`), which marks the choice on
//! `<html>`: `data-first` (`en` or `lo`; `none` when the URL asks for something else) and
//! `data-first-view` (`overview` or `timeline`).
//!
//! The app takes a copy over with the same markup, live, so that nothing moves. The Overview
//! is in the first Wasm file, so it replaces its copy as soon as it is drawn. A view whose code
//! is a part of its own (the Timeline) is drawn behind its copy, laid out at the same width but
//! unseen, and shown in the frame after its part has drawn (or failed to download): until
//! then the visitor keeps reading the copy instead of a view that says it is loading.

use leptos::prelude::{document, request_animation_frame};

use crate::core::url_state::View;

/// The attribute on `<html>` that says which language's copy the page shows.
const CHOICE: &str = "data-first";
/// …and of which view.
const CHOSEN_VIEW: &str = "data-first-view";
/// The class of the app's root while it is drawn behind a copy (`style/page.css`; the root's
/// view in `mod.rs` sets it).
const BEHIND: &str = "iom-explorer--behind";

/// The view whose prerendered copy the page shows, if it shows one.
pub fn shown() -> Option<View> {
    let html = document().document_element()?;
    let lang = html.get_attribute(CHOICE)?;
    if lang != "en" && lang != "lo" {
        return None;
    }
    let view = match html.get_attribute(CHOSEN_VIEW)?.as_str() {
        "overview" => View::Overview,
        "timeline" => View::Timeline,
        _ => return None,
    };
    let copy = format!(
        "#iom-explorer > .iom-prerendered[data-view=\"{}\"][lang=\"{lang}\"]",
        view.code()
    );
    document()
        .query_selector(&copy)
        .ok()
        .flatten()
        .map(|_| view)
}

/// Removes the loading status and the prerendered copies from `host`, and shows the app's root
/// if it was drawn behind them: in the same frame, so the copy is replaced by the same markup.
pub fn remove(host: &web_sys::Element) {
    while let Ok(Some(before)) =
        host.query_selector(":scope > .iom-boot, :scope > .iom-prerendered")
    {
        before.remove();
    }
    if let Ok(Some(root)) = host.query_selector(&format!(":scope > .{BEHIND}")) {
        let _ = root.class_list().remove_1(BEHIND);
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(CHOICE);
        let _ = html.remove_attribute(CHOSEN_VIEW);
    }
}

/// Once a view drawn behind its copy is complete (its part has drawn, or failed to download):
/// shows it in the next frame, before the frame's layout, so a drawing that waits for its
/// first width (`resize::use_measure`) is made at the width it is seen at, before it is
/// painted. Then runs `after`. Without a copy, runs `after` now.
pub fn reveal_then(root: Option<web_sys::Element>, after: impl FnOnce() + 'static) {
    let host = root
        .filter(|root| root.class_list().contains(BEHIND))
        .and_then(|root| root.parent_element());
    match host {
        Some(host) => request_animation_frame(move || {
            remove(&host);
            after();
        }),
        None => after(),
    }
}
