//! The timeline's SVG. Pointer users click markers and clusters; keyboard users use the frame
//! around it (see the view).
//!
//! Built once per visit to the view. Its layers follow their own inputs: the backdrop the
//! width, years and language; the lanes their labels and places; the markers are kept by key,
//! so a filter change adds and removes only the markers that changed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::backdrop::{self, Backdrop, PERIOD_ROW};
use super::clusters::cluster_view;
use super::lanes::keep_lanes;
use super::marks::keep_marks;
use super::pointer;
use crate::app::state::AppState;
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::i18n::Msg;
use crate::core::kinds::ItemRef;
use crate::core::num::{coord, tenths};
use crate::core::timeline::{LaneKey, Layout, LayoutOptions};

fn lane_label(key: LaneKey) -> Option<Msg> {
    match key {
        LaneKey::Theme(_) => None,
        LaneKey::NoTheme => Some(Msg::LaneNoTheme),
        LaneKey::IomEvents => Some(Msg::LaneIomEvents),
        LaneKey::ContextEvents => Some(Msg::LaneContextEvents),
        LaneKey::Projects => Some(Msg::LaneProjects),
    }
}

/// The element an event happened in, if it is an element.
fn target_element(event: &leptos::ev::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()
}

#[component]
pub fn Chart(
    options: Memo<LayoutOptions>,
    layout: Memo<Layout>,
    /// The keyboard's event (an index into the snapshot's events).
    active: Signal<Option<usize>>,
    data: Data,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let width = Memo::new(move |_| options.with(|o| o.width));
    let backdrop = {
        let data = data.clone();
        Memo::new(move |_| Backdrop::new(&data, options.with(LayoutOptions::scale), state.lang()))
    };
    let periods_top = Memo::new(move |_| layout.with(|l| l.height) + 18.0);
    let height = Memo::new(move |_| {
        periods_top.get() + backdrop.with(|b| b.period_rows) as f64 * PERIOD_ROW + 6.0
    });
    let back = part(move || backdrop.with(backdrop::back));
    // The periods sit under the lanes: drawn per backdrop, moved when the lanes change height.
    let periods = part(move || backdrop.with(|b| backdrop::periods(b, state)));

    let lanes = NodeRef::new();
    {
        let data = data.clone();
        let places = Memo::new(move |_| {
            layout.with(|l| {
                l.lanes
                    .iter()
                    .map(|lane| (lane.key, lane.y))
                    .collect::<Vec<_>>()
            })
        });
        let label = move |key: LaneKey| match key {
            LaneKey::Theme(t) => data.snapshot.themes[t]
                .name
                .get(state.lang())
                .text
                .to_owned(),
            other => lane_label(other)
                .map(|m| state.t(m).to_owned())
                .unwrap_or_default(),
        };
        keep_lanes(places, width, label, lanes);
    }
    let (spans, marks) = (NodeRef::new(), NodeRef::new());
    keep_marks(layout, data.clone(), spans, marks);
    // Clusters are few (at most one per free stretch of a lane): redrawn together, and only
    // when they change (most keystrokes leave them as they were).
    let placed_clusters = Memo::new(move |_| layout.with(|l| l.clusters.clone()));
    let clusters = part(move || {
        let lang = state.lang();
        placed_clusters.with(|clusters| {
            clusters
                .iter()
                .enumerate()
                .map(|(position, cluster)| cluster_view(lang, position, cluster))
                .collect_view()
                .into_any()
        })
    });

    let titles = part(super::labels::labels(layout, data.clone()));

    let hovered = RwSignal::new(None::<ItemRef>);
    let ring = pointer::ring(layout, active);
    let tip = pointer::tip(data.clone(), layout, width, hovered, active);
    let on_over = move |event: leptos::ev::PointerEvent| {
        let item = target_element(&event)
            .and_then(|element| element.get_attribute("data-id"))
            .and_then(|id| data.index.resolve(&id));
        if hovered.get_untracked() != item {
            hovered.set(item);
        }
    };
    // A marker opens its item; a cluster zooms the years to its own.
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(target) = target_element(&event) else {
            return;
        };
        if let Some(marker) = target.closest("[data-id]").ok().flatten() {
            if let Some(id) = marker.get_attribute("data-id") {
                state.open(&id);
            }
        } else if let Some(cluster) = target.closest("[data-cluster]").ok().flatten() {
            let position = cluster
                .get_attribute("data-cluster")
                .and_then(|p| p.parse().ok());
            let years = layout.with_untracked(|l| {
                position
                    .and_then(|p: usize| l.clusters.get(p))
                    .map(|c| c.years(&l.scale))
            });
            if let Some(years) = years {
                state.update_filters(|f| f.years = years);
            }
        }
    };

    view! {
        <svg
            class="iom-tl-svg"
            width=move || coord(width.get())
            height=move || coord(height.get())
            viewBox=move || format!("0 0 {} {}", tenths(width.get()), tenths(height.get()))
            aria-hidden="true"
            focusable="false"
            on:click=on_click
            on:pointerover=on_over
            on:pointerleave=move |_| hovered.set(None)
        >
            {back}
            <g class="iom-lanes" node_ref=lanes></g>
            <g class="iom-spans" node_ref=spans></g>
            <g class="iom-marks" node_ref=marks></g>
            <g class="iom-tl-labels">{titles}</g>
            <g class="iom-clusters">{clusters}</g>
            {ring}
            <g class="iom-periods" transform=move || format!("translate(0 {})", tenths(periods_top.get()))>
                {periods}
            </g>
        </svg>
        {tip}
    }
}
