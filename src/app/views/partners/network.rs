//! The partner network's frame (sized to its container), its legend, and the delegated
//! handlers that open and light its nodes.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::shapes::{kind_class, kind_msg, node_shape};
use super::{network_drawing, target_id};
use crate::app::resize::use_width;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::NoResults;
use crate::app::views::Data;
use crate::core::kinds::ItemRef;
use crate::core::model::PartnerKind;
use crate::core::network::{self, Network, NodeKind};

#[component]
pub fn NetworkLegend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let kinds = [NodeKind::Theme, NodeKind::Project]
        .into_iter()
        .chain(PartnerKind::ALL.into_iter().map(NodeKind::Partner))
        .map(|kind| {
            view! {
                <li>
                    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
                        <path d=node_shape(kind, 9.0, 9.0, 7.0) class=format!("iom-node {}", kind_class(kind)) />
                    </svg>
                    {tr(state, kind_msg(kind))}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="iom-network-legend">{kinds}</ul> }
}

#[component]
pub fn Network() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let frame = NodeRef::<Div>::new();
    let width = use_width(frame);
    let net = {
        let data = data.clone();
        Memo::new(move |_| {
            // Nothing is drawn until the frame has been measured.
            let width = width.get();
            if width <= 0.0 {
                return Arc::new(Network::default());
            }
            let size = width.clamp(280.0, 900.0);
            Arc::new(
                data.visible
                    .with(|v| network::layout(&data.snapshot, &data.index, v, size)),
            )
        })
    };
    // The node under the pointer or the keyboard's focus lights up with its links.
    let focused = RwSignal::new(None::<ItemRef>);
    let host = NodeRef::<Div>::new();
    network_drawing::keep_drawing(host, width, net, focused, data.clone());
    let node_id = |event: &leptos::ev::Event| target_id(event, "[data-id]");
    let light = move |event: &leptos::ev::Event| {
        let item = node_id(event).and_then(|id| data.index.resolve(&id));
        if focused.get_untracked() != item {
            focused.set(item);
        }
    };
    let light_focus = light.clone();
    view! {
        <div class="iom-network-frame" node_ref=frame>
            {move || (width.get() > 0.0 && net.with(|net| net.nodes.is_empty())).then(|| view! { <NoResults /> })}
            <div
                class="iom-network-host"
                node_ref=host
                on:click=move |event| {
                    if let Some(id) = node_id(&event) {
                        state.open(&id);
                    }
                }
                on:keydown=move |event| {
                    if event.key() == "Enter" || event.key() == " " {
                        if let Some(id) = node_id(&event) {
                            event.prevent_default();
                            state.open(&id);
                        }
                    }
                }
                on:pointerover=move |event| light(&event)
                on:focusin=move |event| light_focus(&event)
                on:pointerleave=move |_| focused.set(None)
                on:focusout=move |_| focused.set(None)
            ></div>
        </div>
    }
}
