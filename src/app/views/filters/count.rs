//! The live count of what the filters let through, announced politely.

use leptos::prelude::*;

use crate::app::intl::format_number;
use crate::app::state::AppState;
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::i18n::{fill, Msg};

#[component]
pub fn ResultCount() -> impl IntoView {
    let state = expect_context::<AppState>();
    let visible = expect_context::<Data>().visible;
    let count = part(move || {
        let lang = state.lang();
        let n = |value: usize| format_number(value, lang);
        let counts = visible.with(|v| {
            [
                n(v.total()),
                n(v.events_count()),
                n(v.projects_count()),
                n(v.partners_count()),
            ]
        });
        fill(
            state.t(Msg::ResultCount),
            &[&counts[0], &counts[1], &counts[2], &counts[3]],
        )
    });
    view! { <p class="iom-result-count" role="status" aria-live="polite" aria-atomic="true">{count}</p> }
}
