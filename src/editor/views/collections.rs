//! The parts of the snapshot, each with its count and its problems, and the translation
//! workbench.

use leptos::prelude::*;

use iom_lao_editor::core::draft::count;
use iom_lao_editor::core::fields::COLLECTIONS;
use iom_lao_editor::core::ui_text::Ui;

use super::Derived;
use crate::state::{EditorState, Mode, Selected};

#[component]
pub fn Collections() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let derived = expect_context::<Derived>();
    let entries = COLLECTIONS
        .iter()
        .enumerate()
        .map(|(c, collection)| {
            let items = move || state.draft.with(|draft| draft.as_ref().map_or(0, |root| count(root, collection)));
            let problems = move || {
                derived.located.with(|located| {
                    located
                        .iter()
                        .filter(|(place, _)| place.as_ref().is_some_and(|place| place.collection == c))
                        .count()
                })
            };
            let current = move || {
                state.mode.get() == Mode::Items && state.selected.get().collection == c
            };
            let name = move || collection.label.get(state.lang.get());
            view! {
                <li>
                    <button
                        type="button"
                        aria-current=move || current().then_some("true")
                        on:click=move |_| {
                            state.mode.set(Mode::Items);
                            let item = collection.single.then_some(0);
                            state.selected.set(Selected { collection: c, item });
                        }
                    >
                        <span class="name">{name}</span>
                        {(!collection.single).then(|| view! { <span class="count">{items}</span> })}
                        <Show when=move || { problems() > 0 }>
                            <span class="badge" title=move || state.t(Ui::Problems)>
                                {problems}
                                <span class="visually-hidden">" "{move || state.t(Ui::Problems)}</span>
                            </span>
                        </Show>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="collections" aria-label=move || state.t(Ui::Collections)>
            <h2>{move || state.t(Ui::Collections)}</h2>
            <ul>{entries}</ul>
            <button
                type="button"
                class="workbench-button"
                aria-current=move || (state.mode.get() == Mode::Translations).then_some("true")
                on:click=move |_| state.mode.set(Mode::Translations)
            >
                {move || state.t(Ui::Workbench)}
            </button>
        </nav>
    }
}
