//! The partners view: a network of partners, thematic areas and funded projects (laid out by
//! the core, the same picture for the same snapshot), and beside it a sortable directory that is
//! also its accessible alternative. On phones the directory comes first.

use leptos::html::Div;
use leptos::prelude::*;

use super::widgets::{more_rows, part, ItemButton, NoResults, PAGE};
use super::Data;
use crate::app::resize::use_width;
use crate::app::state::{tr, AppState};
use crate::core::i18n::{fill, Msg};
use crate::core::index::{ItemKind, ItemRef};
use crate::core::items::{self, partner_kind_label};
use crate::core::model::PartnerKind;
use crate::core::network::{self, NodeKind};
use crate::core::num::tenths;

fn kind_class(kind: NodeKind) -> &'static str {
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
fn node_shape(kind: NodeKind, x: f64, y: f64, r: f64) -> String {
    let n = tenths;
    match kind {
        NodeKind::Theme | NodeKind::Partner(PartnerKind::Government) => {
            let (r, d) = (n(r), n(2.0 * r));
            format!(
                "M{},{}a{r},{r} 0 1,0 {d},0a{r},{r} 0 1,0 -{d},0",
                n(x - r),
                n(y)
            )
        }
        NodeKind::Partner(PartnerKind::Un) => {
            let r = n(r);
            format!("M{},{}l{r},{r}l-{r},{r}l-{r},-{r}z", n(x), n(y - r))
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

fn kind_msg(kind: NodeKind) -> Msg {
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
            let size = width.get().clamp(280.0, 900.0);
            data.visible
                .with(|v| network::layout(&data.snapshot, &data.index, v, size))
        })
    };
    let focused = RwSignal::new(None::<usize>);

    let drawing = part(move || {
        let w = width.get();
        if w <= 0.0 {
            return None;
        }
        let net = net.get();
        if net.nodes.is_empty() {
            return Some(view! { <NoResults /> }.into_any());
        }
        let lang = state.lang();
        let s = data.snapshot.clone();
        let near = focused
            .get()
            .map(|i| network::neighbours(&net, i))
            .unwrap_or_default();
        let active = focused.get();
        let lit = |i: usize| active == Some(i) || near.contains(&i);
        let edges = net
            .edges
            .iter()
            .map(|edge| {
                let (a, b) = (&net.nodes[edge.from], &net.nodes[edge.to]);
                let on = active.is_some_and(|i| i == edge.from || i == edge.to);
                view! {
                    <line x1=a.x y1=a.y x2=b.x y2=b.y class="iom-edge" class:iom-edge--donor=edge.donor class:iom-edge--lit=on />
                }
            })
            .collect_view();
        let nodes = net
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let item = node.item;
                let name = items::title(&s, item).get(lang).text.to_owned();
                let links = network::neighbours(&net, i).len();
                let aria = format!(
                    "{}: {}, {}",
                    state.t(kind_msg(node.kind)),
                    name,
                    fill(state.t(Msg::LinksCount), &[&links.to_string()])
                );
                let id = items::id(&s, item).to_owned();
                let id_key = id.clone();
                view! {
                    <g
                        class="iom-node-wrap"
                        class:iom-node-wrap--dim=active.is_some() && !lit(i)
                        tabindex="0"
                        role="button"
                        aria-label=aria
                        on:click=move |_| state.open(&id)
                        on:keydown=move |event| {
                            if event.key() == "Enter" || event.key() == " " {
                                event.prevent_default();
                                state.open(&id_key);
                            }
                        }
                        on:mouseenter=move |_| focused.set(Some(i))
                        on:focus=move |_| focused.set(Some(i))
                        on:mouseleave=move |_| focused.set(None)
                        on:blur=move |_| focused.set(None)
                    >
                        <path d=node_shape(node.kind, node.x, node.y, node.r) class=format!("iom-node {}", kind_class(node.kind)) />
                    </g>
                }
            })
            .collect_view();
        // Labels sit in their own layer, outside the buttons, so that a node's accessible name
        // is its full name and the shortened visible label is decoration.
        let labels = net
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, node)| node.kind == NodeKind::Theme || lit(*i))
            .map(|(_, node)| {
                let name = items::title(&s, node.item).get(lang).text.to_owned();
                let mut short: String = name.chars().take(22).collect();
                if name.chars().count() > 22 {
                    short.push('…');
                }
                // Labels point away from the centre so that neighbours' labels do not collide.
                let left = node.x < net.width / 2.0;
                let (x, anchor) = if left { (node.x - node.r - 4.0, "end") } else { (node.x + node.r + 4.0, "start") };
                view! { <text x=x y=node.y + 4.0 text-anchor=anchor class="iom-node-label">{short}</text> }
            })
            .collect_view();
        Some(
            view! {
                <svg
                    class="iom-network-svg"
                    viewBox=format!("0 0 {} {}", net.width.round(), net.height.round())
                    width=w.min(net.width.max(w))
                    role="group"
                    aria-label=state.t(Msg::NetworkLabel)
                >
                    <g aria-hidden="true">{edges}</g>
                    {nodes}
                    <g aria-hidden="true">{labels}</g>
                </svg>
            }
            .into_any(),
        )
    });
    view! { <div class="iom-network-frame" node_ref=frame>{drawing}</div> }
}

/// Sortable columns of the directory.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Name,
    Kind,
    Years,
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
    let rows = part(move || {
        let lang = state.lang();
        let s = &data.snapshot;
        let (key, ascending) = sort.get();
        let visible = data.visible.get();
        let mut order: Vec<usize> = (0..s.partners.len())
            .filter(|&i| visible.partners[i])
            .collect();
        let name = |i: usize| s.partners[i].name.get(lang).text.to_lowercase();
        match key {
            SortKey::Name => order.sort_unstable_by_key(|&i| (name(i), i)),
            SortKey::Kind => order.sort_unstable_by_key(|&i| (s.partners[i].kind, name(i), i)),
            SortKey::Years => order.sort_unstable_by_key(|&i| {
                (
                    data.index.partner_years[i].map_or((i32::MAX, i32::MAX), |y| (y.from, y.to)),
                    name(i),
                    i,
                )
            }),
        }
        if !ascending {
            order.reverse();
        }
        if order.is_empty() {
            return view! { <NoResults /> }.into_any();
        }
        let total = order.len();
        let rows = order
            .into_iter()
            .take(shown.get())
            .map(|i| {
                let item = ItemRef::new(ItemKind::Partner, i);
                let links = data.index.links(item);
                let themes = links
                    .themes
                    .iter()
                    .map(|&t| view! { <li><ItemButton item=ItemRef::new(ItemKind::Theme, t) /></li> })
                    .collect_view();
                let provinces = links
                    .provinces
                    .iter()
                    .map(|&p| view! { <li><ItemButton item=ItemRef::new(ItemKind::Province, p) /></li> })
                    .collect_view();
                let years = data.index.partner_years[i]
                    .map(|y| if y.from == y.to { y.from.to_string() } else { format!("{}–{}", y.from, y.to) })
                    .unwrap_or_else(|| "–".to_owned());
                let kind = s.partners[i].kind;
                view! {
                    <tr>
                        <th scope="row"><ItemButton item /></th>
                        <td>{state.t(partner_kind_label(kind))}</td>
                        <td><ul class="iom-inline-list">{themes}</ul></td>
                        <td><ul class="iom-inline-list">{provinces}</ul></td>
                        <td>{years}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="iom-table-wrap">
                <table class="iom-table iom-directory">
                    <thead>
                        <tr>
                            <SortHeader key=SortKey::Name label=Msg::ColName sort />
                            <SortHeader key=SortKey::Kind label=Msg::Kind sort />
                            <th scope="col">{state.t(Msg::RelatedThemes)}</th>
                            <th scope="col">{state.t(Msg::RelatedProvinces)}</th>
                            <SortHeader key=SortKey::Years label=Msg::ColYears sort />
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {more_rows(shown, total)}
        }
        .into_any()
    });
    rows
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
