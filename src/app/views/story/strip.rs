//! The story's strip: 2001 to 2026 with a dot for every step where it happened; each dot is a
//! button to its step, and the current one says so.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::intl::format_span;
use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;
use crate::core::story::Step;
use crate::core::years::{FIRST_YEAR, LAST_YEAR};

#[component]
pub fn Strip(steps: Arc<Vec<Step>>, at: Memo<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dots = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let title = step.title.clone();
            let (date, end) = (step.date, step.end);
            let label = move || {
                let lang = state.lang();
                format!(
                    "{}. {} ({})",
                    i + 1,
                    title.get(lang).text,
                    format_span(&date, end.as_ref(), lang)
                )
            };
            // Set through the CSSOM, which the page's CSP allows (a style attribute it would not).
            let left = format!("{:.2}%", step.at * 100.0);
            view! {
                <li style:left=left>
                    <button
                        type="button"
                        class="iom-story-dot"
                        aria-label=label.clone()
                        title=label
                        aria-current=move || (at.get() == i).then_some("step")
                        on:click=move |_| state.show_step(i)
                    ></button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="iom-story-strip" aria-label=tr(state, Msg::StoryStrip)>
            <ol>{dots}</ol>
            <p class="iom-story-strip__years" aria-hidden="true">
                <span>{FIRST_YEAR}</span>
                <span>{LAST_YEAR}</span>
            </p>
        </nav>
    }
}
