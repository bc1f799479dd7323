//! The partners view: a network of partners, thematic areas and funded projects (laid out by
//! the core, the same picture for the same snapshot), and beside it a sortable directory that is
//! also its accessible alternative. On phones the directory comes first.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::widgets::{more_rows, part, NoResults, PAGE};
use super::Data;
use super::{directory_rows, network_drawing};
use crate::app::resize::use_width;
use crate::app::state::{tr, AppState};
use crate::core::directory::{self, SortKey};
use crate::core::i18n::Msg;
use crate::core::index::ItemRef;
use crate::core::items::partner_kind_label;
use crate::core::model::PartnerKind;
use crate::core::network::{self, Network, NodeKind};
use crate::core::num::tenths;

pub(super) fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Theme => "iom-node--theme",
        NodeKind::Project => "iom-node--project",
        NodeKind::Partner(PartnerKind::Government) => "iom-node--government",
        NodeKind::Partner(PartnerKind::Un) => "iom-node--un",
        NodeKind::Partner(PartnerKind::Donor) => "iom-node--donor",
        NodeKind::Partner(PartnerKind::CivilSociety) => "iom-node--civil_society",
        NodeKind::Partner(PartnerKind::PrivateSector) => "iom-node--private_sector",
    }
}

/// Each kind has its own shape as well as its own colour, so colour never carries meaning alone.
pub(super) fn node_shape(kind: NodeKind, x: f64, y: f64, r: f64) -> String {
    let n = tenths;
    match kind {
        NodeKind::Theme | NodeKind::Partner(PartnerKind::Government) => {
            let (r, d) = (n(r), n(2.0 * r));
            format!(
                "M{},{}a{r},{r} 0 1,0 {d},0a{r},{r} 0 1,0 -{d},0",
                n(x - r.value()),
                n(y)
            )
        }
        NodeKind::Partner(PartnerKind::Un) => {
            let r = n(r);
            format!("M{},{}l{r},{r}l-{r},{r}l-{r},-{r}z", n(x), n(y - r.value()))
        }
        NodeKind::Partner(PartnerKind::Donor) => {
            let s = r * 0.9;
            let side = n(2.0 * s);
            format!("M{},{}h{side}v{side}h-{side}z", n(x - s), n(y - s))
        }
        NodeKind::Partner(PartnerKind::CivilSociety) => {
            format!(
                "M{},{}l{},{}h-{}z",
                n(x),
                n(y - r),
                n(r),
                n(1.7 * r),
                n(2.0 * r)
            )
        }
        NodeKind::Partner(PartnerKind::PrivateSector) => {
            // A triangle pointing down.
            format!(
                "M{},{}h{}l-{},{}z",
                n(x - r),
                n(y - 0.8 * r),
                n(2.0 * r),
                n(r),
                n(1.7 * r)
            )
        }
        NodeKind::Project => {
            let (w, h) = (n(2.0 * r), n(1.2 * r));
            format!("M{},{}h{w}v{h}h-{w}z", n(x - r), n(y - r * 0.6))
        }
    }
}

/// The item id (`data-id`) of the element matching `selector` that an event happened in: the
/// drawing and the directory have one handler each, not one per node or button.
fn target_id(event: &leptos::ev::Event, selector: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|target| target.closest(selector).ok().flatten())
        .and_then(|element| element.get_attribute("data-id"))
}

pub(super) fn kind_msg(kind: NodeKind) -> Msg {
    match kind {
        NodeKind::Theme => Msg::ItemTheme,
        NodeKind::Project => Msg::ItemProject,
        NodeKind::Partner(kind) => partner_kind_label(kind),
    }
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
                    <NetworkLegend />
                    <Network />
                </section>
                <section class="iom-directory-section" aria-labelledby="iom-directory-title">
                    <h2 id="iom-directory-title">{tr(state, Msg::DirectoryTitle)}</h2>
                    <Directory />
                </section>
            </div>
        </article>
    }
}

#[component]
fn NetworkLegend() -> impl IntoView {
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
fn Network() -> impl IntoView {
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

#[component]
fn Directory() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let sort = RwSignal::new((SortKey::Name, true));
    // A new filter or order starts again from the first page.
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        data.visible.track();
        sort.track();
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    // Every partner in the chosen order, sorted again only when the order or the language
    // changes: a filter change picks the visible ones from it.
    let order = {
        let data = data.clone();
        Memo::new(move |_| {
            let (key, ascending) = sort.get();
            directory::partner_order(&data.snapshot, &data.index, key, ascending, state.lang())
        })
    };
    let matching = {
        let data = data.clone();
        Memo::new(move |_| {
            let visible = data.visible.get();
            order.with(|order| {
                order
                    .iter()
                    .copied()
                    .filter(|&i| visible.partners[i])
                    .collect::<Vec<usize>>()
            })
        })
    };
    let empty = move || matching.with(Vec::is_empty);
    let body = NodeRef::<leptos::html::Tbody>::new();
    let rows = Memo::new(move |_| {
        matching.with(|m| m.iter().take(shown.get()).copied().collect::<Vec<usize>>())
    });
    directory_rows::keep_rows(body, rows, data);
    view! {
        {move || empty().then(|| view! { <NoResults /> })}
        <div class="iom-table-wrap" hidden=empty>
            <table
                class="iom-table iom-directory"
                on:click=move |event| {
                    if let Some(id) = target_id(&event, "button[data-id]") {
                        state.open(&id);
                    }
                }
            >
                <thead>
                    <tr>
                        <SortHeader key=SortKey::Name label=Msg::ColName sort />
                        <SortHeader key=SortKey::Kind label=Msg::Kind sort />
                        <th scope="col">{tr(state, Msg::RelatedThemes)}</th>
                        <th scope="col">{tr(state, Msg::RelatedProvinces)}</th>
                        <SortHeader key=SortKey::Years label=Msg::ColYears sort />
                    </tr>
                </thead>
                <tbody node_ref=body></tbody>
            </table>
        </div>
        {part(move || more_rows(shown, matching.with(Vec::len)))}
    }
}

#[component]
fn SortHeader(key: SortKey, label: Msg, sort: RwSignal<(SortKey, bool)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let aria_sort = move || match sort.get() {
        (current, true) if current == key => "ascending",
        (current, false) if current == key => "descending",
        _ => "none",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button
                type="button"
                class="iom-sort"
                on:click=move |_| sort.update(|(current, ascending)| {
                    if *current == key {
                        *ascending = !*ascending;
                    } else {
                        *current = key;
                        *ascending = true;
                    }
                })
            >
                {tr(state, label)}
                <span aria-hidden="true">{part(move || match sort.get() {
                    (current, true) if current == key => " ▲",
                    (current, false) if current == key => " ▼",
                    _ => "",
                })}</span>
            </button>
        </th>
    }
}
