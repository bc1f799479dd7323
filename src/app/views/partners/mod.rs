//! The partners view: a network of partners, thematic areas and funded projects (laid out by
//! the core, the same picture for the same snapshot), and beside it a sortable directory that is
//! also its accessible alternative. On phones the directory comes first.
//!
//! Its parts: `network` (the drawing's frame and legend), `network_drawing` (its nodes, kept by
//! item), `shapes`, `directory` (the table) and `directory_rows` (its rows, kept by partner).

mod directory;
mod directory_rows;
mod network;
mod network_drawing;
mod shapes;

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;

/// The item id (`data-id`) of the element matching `selector` that an event happened in: the
/// drawing and the directory have one handler each, not one per node or button.
pub(crate) fn target_id(event: &leptos::ev::Event, selector: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|target| target.closest(selector).ok().flatten())
        .and_then(|element| element.get_attribute("data-id"))
}

#[component]
pub fn Partners() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <article class="iom-partners">
            <h1>{tr(state, Msg::ViewPartners)}</h1>
            <p class="iom-intro">{tr(state, Msg::PartnersIntro)}</p>
            <div class="iom-partners-layout">
                <section class="iom-network-section" aria-labelledby="iom-network-title">
                    <h2 id="iom-network-title">{tr(state, Msg::NetworkLabel)}</h2>
                    <p class="iom-hint">{tr(state, Msg::NetworkHint)}</p>
                    <network::NetworkLegend />
                    <network::Network />
                </section>
                <section class="iom-directory-section" aria-labelledby="iom-directory-title">
                    <h2 id="iom-directory-title">{tr(state, Msg::DirectoryTitle)}</h2>
                    <directory::Directory />
                </section>
            </div>
        </article>
    }
}
