//! The search box: typing filters every view at once.

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = expect_context::<AppState>();
    let search = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        state.update_filters(|f| f.query = value);
    };
    view! {
        <div class="iom-search">
            <label for="iom-search-input">{tr(state, Msg::SearchLabel)}</label>
            <input
                id="iom-search-input"
                type="search"
                autocomplete="off"
                aria-describedby="iom-search-hint"
                prop:value=move || state.filters.with(|f| f.query.clone())
                on:input=search
            />
            <p id="iom-search-hint" class="iom-hint">{tr(state, Msg::SearchHint)}</p>
        </div>
    }
}
