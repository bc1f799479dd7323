//! Two handles for the first and last year: the shared year filter, by pointer or keyboard.

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::core::i18n::Msg;
use crate::core::years::{End, Years, FIRST_YEAR, LAST_YEAR};

#[component]
pub fn YearHandles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let years = move || state.years.get();
    let handle = move |label: Msg, end: End| {
        view! {
            <label class="iom-handle">
                <span>{tr(state, label)} ": " {part(move || years().end(end))}</span>
                <input
                    type="range"
                    min=FIRST_YEAR
                    max=LAST_YEAR
                    step="1"
                    prop:value=move || years().end(end).to_string()
                    on:input=move |event| {
                        if let Ok(year) = event_target_value(&event).parse::<i32>() {
                            state.update_filters(|f| f.years = f.years.with(end, year));
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <div class="iom-handles">
            {handle(Msg::FirstYear, End::From)}
            {handle(Msg::LastYear, End::To)}
            <Show when=move || years() != Years::ALL>
                <button type="button" class="iom-chip" on:click=move |_| state.update_filters(|f| f.years = Years::ALL)>
                    {tr(state, Msg::AllYears)}
                </button>
            </Show>
        </div>
    }
}
