//! Every problem of the draft, each a button to its field; and the changes since it was opened.

use leptos::prelude::*;

use iom_lao_editor::core::changes::{changes, describe};
use iom_lao_editor::core::fields::COLLECTIONS;
use iom_lao_editor::core::ui_text::{fill, Ui};
use iom_lao_explorer::core::Lang;

use super::Derived;
use crate::state::EditorState;

#[component]
pub fn Problems() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let derived = expect_context::<Derived>();
    let count = move || derived.located.with(|located| located.len());
    let entries = move || {
        let lang = state.lang.get();
        derived.located.with(|located| {
            located
                .iter()
                .take(200)
                .map(|(place, problem)| {
                    let place = place.clone();
                    let at = match &place {
                        None => state.t(Ui::WholeFile).to_owned(),
                        Some(place) => {
                            let collection = COLLECTIONS[place.collection];
                            let mut at = collection.label.get(lang)
                            .to_owned();
                            if let (false, Some(item)) = (collection.single, place.item) {
                                let title = untrack(|| state.item_title(place.collection, item, lang));
                                at.push_str(" › ");
                                at.push_str(&title);
                            }
                            if let Some(field) = place.field.and_then(|key| collection.field(key)) {
                                at.push_str(" › ");
                                at.push_str(field.label.get(lang));
                            }
                            at
                        }
                    };
                    let message = problem.message.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                disabled=place.is_none()
                                on:click=move |_| {
                                    if let Some(place) = &place {
                                        state.go_to(place.collection, place.item.or(Some(0)), place.field);
                                    }
                                }
                            >
                                <span class="at">{at}</span>
                                <span class="message" lang="en">{message}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="problems" aria-labelledby="problems-title">
            <h2 id="problems-title">
                {move || state.t(Ui::Problems)}
                <Show when=move || { count() > 0 }>
                    " "<span class="badge">{count}</span>
                </Show>
            </h2>
            <Show
                when=move || { count() > 0 }
                fallback=move || view! { <p class="ok">{move || state.t(Ui::NoProblems)}</p> }
            >
                {move || (state.lang.get() == Lang::Lo).then(|| view! { <p class="hint">{state.t(Ui::ProblemsInEnglish)}</p> })}
                <p class="sr-status" role="status">{move || fill(state.t(Ui::ProblemsCount), &count().to_string())}</p>
                <ul>{entries}</ul>
            </Show>
        </section>
    }
}

#[component]
pub fn Changes() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let list = Memo::new(move |_| {
        let before = state.opened.get();
        let after = state.checked.get().and_then(|checked| checked.snapshot);
        match (before, after) {
            (Some(before), Some(after)) => Some(changes(&before, &after)),
            _ => None,
        }
    });
    view! {
        <section class="changes" aria-labelledby="changes-title">
            <h2 id="changes-title">{move || state.t(Ui::Changes)}</h2>
            {move || {
                let lang = state.lang.get();
                match list.get() {
                    None => view! { <p>{state.t(Ui::NeedsValid)}</p> }.into_any(),
                    Some(list) if list.is_empty() => view! { <p>{state.t(Ui::NoChanges)}</p> }.into_any(),
                    Some(list) => view! {
                        <ul>{list.iter().map(|change| view! { <li>{describe(change, lang)}</li> }).collect_view()}</ul>
                    }
                    .into_any(),
                }
            }}
        </section>
    }
}
