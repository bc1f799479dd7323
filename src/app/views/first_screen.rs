//! What the standalone page shows before the app draws: a loading status and, on the
//! Overview, the Timeline, Themes and the Map, that view prerendered at build time (`scripts/prerender.mjs`),
//! chosen by the page's early script (`scripts/embed-hook.mjs`), which marks the choice on
//! `<html>`: `data-first` (`en` or `lo`; `none` when the URL asks for something else) and
//! `data-first-view` (`overview`, `timeline`, `themes` or `map`).
//!
//! The app takes a copy over with the same markup, live, so that nothing moves. The Overview
//! is in the first Wasm file, so it replaces its copy as soon as it is drawn. A view whose code
//! is a part of its own (the Timeline, Themes, the Map) is drawn behind its copy, laid out at the same width but
//! unseen, and shown once its part has drawn (or failed to download): until then the visitor
//! keeps reading the copy instead of a view that says it is loading.

use std::cell::RefCell;

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
    // Which views have a copy is the build's list (scripts/copied-views.mjs); the page says
    // which one it shows, and the copy's presence below confirms it.
    let view = View::from_code(&html.get_attribute(CHOSEN_VIEW)?)?;
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
        run_when_seen();
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(CHOICE);
        let _ = html.remove_attribute(CHOSEN_VIEW);
    }
}

/// Once a view drawn behind its copy is in the document (its part has drawn, or failed to
/// download): shows it two frames later. The first lays it out, still unseen, and makes the
/// drawings that wait for their first width (`resize::use_measure`), at the copy's width, the
/// one they are seen at; the second shows it. Shown in the first, what a drawing moved would
/// count as a layout shift (the browser compares each box with where it last was, seen or
/// not). Without a view behind a copy, does nothing.
pub fn reveal_soon(root: Option<web_sys::Element>) {
    let Some(host) = root
        .filter(|root| root.class_list().contains(BEHIND))
        .and_then(|root| root.parent_element())
    else {
        return;
    };
    request_animation_frame(move || request_animation_frame(move || remove(&host)));
}

thread_local! {
    /// What waits for the view behind the copy to be seen.
    static WHEN_SEEN: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `then` once the page's first view is seen: now, unless it is still behind its copy.
/// (The benchmark's marks say when a view answers input, which it cannot do unseen.)
pub fn when_seen(then: impl FnOnce() + 'static) {
    let behind = document()
        .query_selector(&format!("#iom-explorer > .{BEHIND}"))
        .ok()
        .flatten()
        .is_some();
    if behind {
        WHEN_SEEN.with(|waiting| waiting.borrow_mut().push(Box::new(then)));
    } else {
        then();
    }
}

fn run_when_seen() {
    let waiting = WHEN_SEEN.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
    for then in waiting {
        then();
    }
}
