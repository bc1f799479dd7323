//! The timeline's key: every kind of mark the drawing uses, drawn as it is drawn, with what it
//! means. The swatches are decoration (the text says it all), so screen readers read a list.

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;

/// One swatch: an SVG fragment 28 x 16, in the drawing's own classes (`svg.css`).
fn swatch(shape: AnyView) -> impl IntoView {
    view! {
        <svg class="iom-legend__swatch" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
            {shape}
        </svg>
    }
}

#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let entries: [(AnyView, Msg); 10] = [
        (view! { <circle class="iom-mark iom-mark--point" cx="14" cy="8" r="5.5" /> }.into_any(), Msg::LegendIomEvent),
        (view! { <circle class="iom-mark iom-mark--point iom-mark--context" cx="14" cy="8" r="5.5" /> }.into_any(), Msg::LegendContextEvent),
        (view! { <rect class="iom-mark__span" x="2" y="2" width="24" height="12" rx="2" /><circle class="iom-mark iom-mark--point" cx="8" cy="8" r="5.5" /> }.into_any(), Msg::LegendPrecision),
        (view! { <rect class="iom-mark iom-mark--bar" x="2" y="2" width="24" height="12" rx="3" /> }.into_any(), Msg::LegendProject),
        (view! { <rect class="iom-mark iom-mark--bar iom-mark--open" x="2" y="2" width="24" height="12" rx="3" /> }.into_any(), Msg::LegendUnknownEnd),
        (view! { <circle class="iom-mark iom-mark--point iom-mark--inferred" cx="14" cy="8" r="5.5" /> }.into_any(), Msg::LegendInferred),
        (view! { <g class="iom-milestone"><path d="M14,13 l5,-7 h-10 z" /></g> }.into_any(), Msg::LegendMilestone),
        (view! { <g class="iom-cluster"><rect x="1" y="0" width="26" height="16" rx="8" /><text x="14" y="12" text-anchor="middle">"+3"</text></g> }.into_any(), Msg::LegendCluster),
        (view! { <rect class="iom-band__strategy" x="0" y="0" width="28" height="16" /> }.into_any(), Msg::LegendStrategy),
        (view! { <g class="iom-period"><rect x="2" y="5" width="24" height="6" rx="3" /></g> }.into_any(), Msg::LegendPeriod),
    ];
    let items = entries
        .into_iter()
        .map(|(shape, label)| view! { <li>{swatch(shape)} <span>{tr(state, label)}</span></li> })
        .collect_view();
    view! {
        <section class="iom-tl-legend" aria-labelledby="iom-tl-legend-title">
            <h2 id="iom-tl-legend-title">{tr(state, Msg::TimelineKeyTitle)}</h2>
            <ul>{items}</ul>
        </section>
    }
}
