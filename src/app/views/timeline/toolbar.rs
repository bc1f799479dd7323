//! The timeline's switches: lanes by thematic area or by kind, and the list instead of the
//! drawing.

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;
use crate::core::timeline::LaneBy;

#[component]
pub fn Toolbar(lane_by: RwSignal<LaneBy>, as_list: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lanes_button = move |by: LaneBy, label: Msg| {
        view! {
            <button type="button" aria-pressed=move || (lane_by.get() == by).to_string() on:click=move |_| lane_by.set(by)>
                {tr(state, label)}
            </button>
        }
    };
    view! {
        <div class="iom-tl-toolbar">
            <div class="iom-segmented" role="group" aria-label=tr(state, Msg::LanesBy)>
                <span class="iom-segmented__label" aria-hidden="true">{tr(state, Msg::LanesBy)}</span>
                {lanes_button(LaneBy::Theme, Msg::LanesByTheme)}
                {lanes_button(LaneBy::Kind, Msg::LanesByKind)}
            </div>
            <button type="button" class="iom-toggle" aria-pressed=move || as_list.get().to_string() on:click=move |_| as_list.update(|l| *l = !*l)>
                {tr(state, Msg::ShowList)}
            </button>
        </div>
    }
}
