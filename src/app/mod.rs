//! The browser app: thin Leptos views over the core.
//!
//! Two ways in: the standalone page (`index.html` calls [`start_page`], which mounts into
//! `#iom-explorer`), and the script embed (`embed.js` calls [`mount_explorer`] once per
//! `data-iom-explorer` element).

mod download;
mod fetch;
mod http;
mod intl;
mod panic;
mod perf;
mod print;
mod resize;
mod state;
mod tasks;
mod views;

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

use crate::core::url_state::UrlState;
use state::{Mount, UrlSync};

/// Numbers the explorers on a page, so that two embeds never share an id or a hash key.
static MOUNTED: AtomicU32 = AtomicU32::new(0);

fn next_root_id() -> String {
    format!(
        "iom-explorer-{}",
        MOUNTED.fetch_add(1, Ordering::Relaxed) + 1
    )
}

/// Mounts the standalone explorer into `#iom-explorer`: called by `index.html`'s start-up
/// script only (see `main.rs`).
#[wasm_bindgen]
pub fn start_page() {
    perf::mark_once(perf::STARTED);
    panic::install();
    let Some(host) = document().get_element_by_id("iom-explorer") else {
        return;
    };
    let Ok(host) = host.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    panic::watch(&host);
    register_service_worker();
    panic::deliberate_if_asked();
    let mount = Mount {
        sync: UrlSync::Query,
        base: String::new(),
        script_embed: false,
        initial: UrlState::default(),
        root_id: next_root_id(),
        snapshot: None,
    };
    mount_to(host, move || view! { <views::App mount /> }).forget();
}

/// Mounts one script embed into `target` (inside the host element's shadow root), configured by
/// the host element's `data-*` attributes. `base` is the loader's folder, ending in `/`.
#[wasm_bindgen]
pub fn mount_explorer(target: web_sys::HtmlElement, host: web_sys::HtmlElement, base: String) {
    panic::install();
    panic::watch(&target);
    let attr = |name: &str| {
        host.get_attribute(name)
            .filter(|value| !value.trim().is_empty())
    };
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(view) = attr("data-view") {
        query.append_pair("view", &view);
    }
    if let Some(lang) = attr("data-lang") {
        query.append_pair("lang", &lang);
    }
    let mut query = query.finish();
    if let Some(filters) = attr("data-filters") {
        query.push('&');
        query.push_str(filters.trim_start_matches('?'));
    }
    let root_id = next_root_id();
    let sync = match attr("data-sync-url").as_deref() {
        // The hash key is named after the element's id, or numbered when it has none.
        Some("hash") if host.id().is_empty() => UrlSync::Hash(root_id.clone()),
        Some("hash") => UrlSync::Hash(format!("iom-{}", host.id())),
        _ => UrlSync::Off,
    };
    let mount = Mount {
        sync,
        base,
        script_embed: true,
        initial: UrlState::parse(&query),
        root_id,
        snapshot: attr("data-snapshot"),
    };
    mount_to(target, move || view! { <views::App mount /> }).forget();
}

/// Offline visits: `sw.js` keeps the app and the last good snapshot (standalone page only; an
/// embed never installs a worker on its host's site).
fn register_service_worker() {
    // Missing outside secure contexts.
    let workers = window().navigator().service_worker();
    if !workers.is_undefined() {
        let _ = workers.register("sw.js");
    }
}
