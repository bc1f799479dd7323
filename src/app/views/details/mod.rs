//! The details panel of the open item (`?item=`): its text, everything it links to (each a
//! button, so a visitor can walk theme → partner → province → event), its notes and sources.
//! Escape or Close shuts it and gives focus back to where it was.

mod body;
mod original;
mod related;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{SourceLinks, Tx};
use crate::app::views::Data;
use crate::core::i18n::{fill, Msg};
use crate::core::items::{kind_label, sources, title};
use crate::core::kinds::ItemRef;

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let index = data.index.clone();
    let open_item = Memo::new(move |_| {
        state
            .url
            .with(|url| url.item.as_deref().and_then(|id| index.resolve(id)))
    });

    // Remember the opener on open; give focus back on close. (Escape is handled on the root.)
    // Each explorer's panel keeps its own: two embeds on a page each return focus in their own.
    let root = expect_context::<crate::app::views::Root>().0;
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open_item.get().is_some();
        let active = || {
            active_element(root.get_untracked())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        };
        match (was_open.unwrap_or(false), is_open) {
            (false, true) => opener.set_value(active()),
            (true, false) => {
                let element = opener.try_update_value(Option::take).flatten();
                if let Some(element) = element.filter(|e| e.is_connected()) {
                    let _ = element.focus();
                }
            }
            _ => {}
        }
        is_open
    });

    move || {
        let item = open_item.get()?;
        Some(view! { <div class="iom-details-wrap"><Panel item /></div> })
    }
}

/// The focused element, looked up in the explorer's own tree (a shadow root in an embed).
fn active_element(root: Option<web_sys::HtmlDivElement>) -> Option<web_sys::Element> {
    let shadow = root.and_then(|r| r.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok());
    match shadow {
        Some(shadow) => shadow.active_element(),
        None => document().active_element(),
    }
}

#[component]
fn Panel(item: ItemRef) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let s = data.snapshot.clone();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let name = title(&s, item);
    let aria_label = {
        let name = name.clone();
        move || fill(state.t(Msg::DetailsOf), &[name.get(state.lang()).text])
    };
    view! {
        // A `div`: `aside` may not take the dialog role.
        <div class="iom-details" role="dialog" aria-label=aria_label>
            <div class="iom-details__bar">
                <p class="iom-details__kind">{tr(state, kind_label(item.kind))}</p>
                <button type="button" class="iom-details__close" on:click=move |_| state.close()>
                    {tr(state, Msg::Close)}
                </button>
            </div>
            <h2 node_ref=heading tabindex="-1"><Tx text=name /></h2>
            <original::Original item />
            <body::Body item />
            <related::Related links=data.index.links(item).clone() />
            <SourceLinks data=s.clone() ids=sources(&s, item).to_vec() open=true />
        </div>
    }
}
