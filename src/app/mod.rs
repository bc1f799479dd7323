//! The browser app: thin Leptos views over the core.

mod download;
mod fetch;
mod intl;
mod resize;
mod state;
mod views;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the explorer into `#iom-explorer` (or the body when the page has none).
pub fn start() {
    console_error_panic_hook::set_once();
    let host = document()
        .get_element_by_id("iom-explorer")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(host) => {
            host.set_inner_html("");
            mount_to(host, views::App).forget();
        }
        None => mount_to_body(views::App),
    }
}
