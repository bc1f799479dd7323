//! Performance marks for the benchmark (README, "Performance"): where a visit's start-up time
//! goes. Each is marked once per page, the first time it happens.

use leptos::prelude::window;

/// The Wasm has started running the standalone page (`start_page`).
pub const STARTED: &str = "iom-wasm-started";
/// The snapshot has arrived, been parsed, checked and indexed.
pub const SNAPSHOT: &str = "iom-snapshot-ready";
/// The explorer's first view is drawn with the snapshot's content and answers input (the first
/// view's own mark, such as `TIMELINE`, may come later).
pub const VIEW: &str = "iom-view-ready";
/// The timeline's markers are in the document: the explorer is interactive.
pub const TIMELINE: &str = "iom-timeline-ready";

pub fn mark_once(name: &str) {
    let Some(performance) = window().performance() else {
        return;
    };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}
