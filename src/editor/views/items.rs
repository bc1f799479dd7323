//! A collection's items as a searchable list, beside the form of the one being edited.

use leptos::prelude::*;

use iom_lao_editor::core::draft::{self, id_of};
use iom_lao_editor::core::fields::COLLECTIONS;
use iom_lao_editor::core::ui_text::Ui;

use super::form::Form;
use super::Derived;
use crate::state::{EditorState, Selected};

#[component]
pub fn ItemsAndForm() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let collection = Memo::new(move |_| state.selected.get().collection);
    view! {
        <div class="items-and-form" class:with-list=move || !COLLECTIONS[collection.get()].single>
            {move || {
                let c = collection.get();
                (!COLLECTIONS[c].single).then(|| view! { <ItemList c /> })
            }}
            {move || {
                let Selected { collection, item } = state.selected.get();
                item.map(|item| view! { <Form c=collection i=item /> })
            }}
        </div>
    }
}

#[component]
fn ItemList(c: usize) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let derived = expect_context::<Derived>();
    let collection = COLLECTIONS[c];
    let query = RwSignal::new(String::new());
    let matching = Memo::new(move |_| {
        let query = query.get();
        state.draft.with(|root| {
            root.as_ref()
                .map(|root| draft::search(root, collection, &query))
                .unwrap_or_default()
        })
    });
    let problems_of = move |i: usize| {
        derived.located.with(|located| {
            located
                .iter()
                .filter(|(place, _)| {
                    place
                        .as_ref()
                        .is_some_and(|place| place.collection == c && place.item == Some(i))
                })
                .count()
        })
    };
    let label = move || collection.label.get(state.lang.get());
    let add = move |_| {
        let mut added = None;
        state.edit(None, |root| added = draft::add(root, collection));
        if let Some(i) = added {
            state.go_to(c, Some(i), collection.fields.first().map(|field| field.key));
        }
    };
    view! {
        <section class="item-list" aria-labelledby="item-list-title">
            <h2 id="item-list-title">
                {label}" "<span class="count">{move || matching.with(Vec::len)}</span>
            </h2>
            <div class="list-tools">
                <label>
                    <span class="visually-hidden">{move || state.t(Ui::Search)}</span>
                    <input
                        type="search"
                        placeholder=move || state.t(Ui::Search)
                        prop:value=move || query.get()
                        on:input=move |event| query.set(event_target_value(&event))
                    />
                </label>
                <button type="button" on:click=add>{move || state.t(Ui::Add)}</button>
            </div>
            <Show
                when=move || matching.with(|matching| !matching.is_empty())
                fallback=move || view! { <p>{move || state.t(Ui::NoItems)}</p> }
            >
                <ul>
                    <For each=move || matching.get() key=|i| *i let:i>
                        <li>
                            <button
                                type="button"
                                aria-current=move || (state.selected.get().item == Some(i)).then_some("true")
                                on:click=move |_| state.go_to(c, Some(i), None)
                            >
                                <span class="title">
                                    {move || {
                                        let lang = state.lang.get();
                                        Some(state.item_title(c, i, lang)).filter(|title| !title.is_empty()).unwrap_or_else(|| state.t(Ui::Empty).to_owned())
                                    }}
                                </span>
                                <span class="id">
                                    {move || state.draft.with(|root| {
                                        root.as_ref()
                                            .and_then(|root| draft::item(root, collection, i))
                                            .and_then(|item| id_of(item, collection))
                                            .unwrap_or_default()
                                    })}
                                </span>
                                <Show when=move || { problems_of(i) > 0 }>
                                    <span class="badge">
                                        {move || problems_of(i)}
                                        <span class="visually-hidden">" "{move || state.t(Ui::Problems)}</span>
                                    </span>
                                </Show>
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
