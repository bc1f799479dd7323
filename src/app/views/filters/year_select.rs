//! A select for one end of the year filter (the timeline's handles set the same filter).

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;
use crate::core::years::{End, FIRST_YEAR, LAST_YEAR};

#[component]
pub fn YearSelect(label: Msg, id: &'static str, end: End) -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = (FIRST_YEAR..=LAST_YEAR)
        .map(|year| view! { <option value=year.to_string()>{year}</option> })
        .collect_view();
    view! {
        <label class="iom-year">
            <span>{tr(state, label)}</span>
            <select
                id=id
                prop:value=move || state.years.get().end(end).to_string()
                on:change=move |event| {
                    if let Ok(year) = event_target_value(&event).parse::<i32>() {
                        state.update_filters(|f| f.years = f.years.with(end, year));
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}
