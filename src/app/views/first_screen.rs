//! What the standalone page shows before the app draws: a loading status and, on the
//! Overview, that view prerendered at build time (`scripts/prerender.mjs`), chosen by the
//! page's early script (`scripts/embed-hook.mjs`), which marks the choice on `<html>` as
//! `data-first` (`en` or `lo`; `none` when the URL asks for something else).

use leptos::prelude::document;

/// The attribute on `<html>` that says which prerendered copy the page shows.
const CHOICE: &str = "data-first";

/// Whether the page shows a prerendered copy of the first view.
pub fn shown() -> bool {
    let chosen = document()
        .document_element()
        .and_then(|html| html.get_attribute(CHOICE))
        .is_some_and(|lang| lang == "en" || lang == "lo");
    let present = document()
        .query_selector("#iom-explorer > .iom-prerendered")
        .ok()
        .flatten()
        .is_some();
    chosen && present
}

/// Removes the loading status and the prerendered copies from `host`, once the app has drawn
/// beside them (in the same frame, so the copy is replaced by the same markup, live).
pub fn remove(host: &web_sys::Element) {
    while let Ok(Some(before)) =
        host.query_selector(":scope > .iom-boot, :scope > .iom-prerendered")
    {
        before.remove();
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(CHOICE);
    }
}
