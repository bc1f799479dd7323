//! The story (`?view=story&step=N`): one step at a time, with Previous and Next, a strip of
//! every step on 2001-2026, and the arrow keys while focus is in the story. The step lives in
//! the URL (Back and Forward move between steps); each new step is announced once, politely;
//! focus stays where the visitor put it. Printing prints every step with its sources.

mod step;
mod strip;

use leptos::prelude::*;

use crate::app::intl::{format_number, format_span};
use crate::app::state::{tr, AppState};
use crate::app::views::Data;
use crate::core::cursor::{moved, Move};
use crate::core::i18n::{fill, Msg};
use crate::core::story::{current, steps, Step};

#[component]
pub fn Story() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let all: std::sync::Arc<Vec<Step>> = std::sync::Arc::new(steps(&data.snapshot, &data.index));
    let len = all.len();
    if len == 0 {
        return view! {
            <article class="iom-story">
                <h1>{tr(state, Msg::StoryTitle)}</h1>
                <p>{tr(state, Msg::StoryEmpty)}</p>
            </article>
        }
        .into_any();
    }
    let at = Memo::new(move |_| state.url.with(|url| current(url.step, len)));
    let go = move |step: Move| {
        if let Some(next) = moved(Some(at.get_untracked()), len, step) {
            if next != at.get_untracked() {
                state.show_step(next);
            }
        }
    };
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        // Only the horizontal arrows: up and down still scroll a long step.
        let step = match event.key().as_str() {
            "ArrowLeft" => Move::Previous,
            "ArrowRight" => Move::Next,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return,
        };
        event.prevent_default();
        go(step);
    };
    let announcement = {
        let all = all.clone();
        move || {
            let lang = state.lang();
            let step = &all[at.get()];
            fill(
                state.t(Msg::StoryStepOf),
                &[
                    &format_number(at.get() + 1, lang),
                    &format_number(len, lang),
                    step.title.get(lang).text,
                    &format_span(&step.date, step.end.as_ref(), lang),
                ],
            )
        }
    };
    let counter = move || {
        let lang = state.lang();
        fill(
            state.t(Msg::StoryCounter),
            &[
                &format_number(at.get() + 1, lang),
                &format_number(len, lang),
            ],
        )
    };
    let shown = {
        let all = all.clone();
        move || {
            let step = all[at.get()].clone();
            view! { <step::StepView step /> }
        }
    };
    let printed = all
        .iter()
        .cloned()
        .map(|step| view! { <step::StepView step printed=true /> })
        .collect_view();
    view! {
        <article class="iom-story" on:keydown=on_key>
            <h1>{tr(state, Msg::StoryTitle)}</h1>
            <p class="iom-intro">{tr(state, Msg::StoryIntro)}</p>
            <strip::Strip steps=all.clone() at />
            <div class="iom-story__nav">
                <button type="button" class="iom-button" disabled=move || at.get() == 0 on:click=move |_| go(Move::Previous)>
                    "← " {tr(state, Msg::StoryPrevious)}
                </button>
                <p class="iom-story__counter">{counter}</p>
                <button type="button" class="iom-button" disabled=move || at.get() + 1 == len on:click=move |_| go(Move::Next)>
                    {tr(state, Msg::StoryNext)} " →"
                </button>
            </div>
            <div class="iom-story__step iom-screen-only">{shown}</div>
            <p class="iom-visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
            <div class="iom-print-only">{printed}</div>
        </article>
    }
    .into_any()
}
