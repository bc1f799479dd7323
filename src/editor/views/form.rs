//! The form of one item: every field as a labelled control, its problems beside it, and
//! duplicate and delete (which says who names the item, and offers to remove those names).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use iom_lao_editor::core::draft::{self, id_of, referrers, Referrer};
use iom_lao_editor::core::fields::COLLECTIONS;
use iom_lao_editor::core::ui_text::{fill, Ui};

use super::controls::FieldControl;
use super::Derived;
use crate::state::{EditorState, Selected};

#[component]
pub fn Form(c: usize, i: usize) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let derived = expect_context::<Derived>();
    let collection = COLLECTIONS[c];
    let exists = move || {
        state.draft.with(|root| {
            root.as_ref()
                .is_some_and(|root| draft::item(root, collection, i).is_some())
        })
    };
    let title = move || {
        let lang = state.lang.get();
        let label = collection.label.get(lang);
        if collection.single {
            return label.to_owned();
        }
        let title = state.item_title(c, i, lang);
        format!("{label}: {title}")
    };
    let item_problems = move || {
        derived.located.with(|located| {
            located
                .iter()
                .filter(|(place, _)| {
                    place.as_ref().is_some_and(|place| {
                        place.collection == c && place.item == Some(i) && place.field.is_none()
                    })
                })
                .map(|(_, problem)| problem.message.clone())
                .collect::<Vec<_>>()
        })
    };
    let confirming = RwSignal::new(None::<Vec<Referrer>>);
    let duplicate = move |_| {
        let mut copy = None;
        state.edit(None, |root| copy = draft::duplicate(root, collection, i));
        if let Some(copy) = copy {
            state.go_to(
                c,
                Some(copy),
                collection.fields.first().map(|field| field.key),
            );
        }
    };
    let ask_delete = move |_| {
        let named_by = state.draft.with_untracked(|root| {
            root.as_ref()
                .and_then(|root| {
                    let id = id_of(draft::item(root, collection, i)?, collection)?;
                    collection.kind.map(|_| referrers(root, &id))
                })
                .unwrap_or_default()
        });
        confirming.set(Some(named_by));
    };
    let delete = move |and_references: bool| {
        state.edit(None, |root| {
            draft::delete(root, collection, i, and_references)
        });
        confirming.set(None);
        let left = state.draft.with_untracked(|root| {
            root.as_ref()
                .map_or(0, |root| draft::count(root, collection))
        });
        let item = (left > 0).then(|| i.min(left - 1));
        state.selected.set(Selected {
            collection: c,
            item,
        });
    };

    // Brings a field asked for (from the problem list, or a new item's first field) into view.
    Effect::new(move |_| {
        let Some(id) = state.focus.get() else {
            return;
        };
        request_animation_frame(move || {
            if let Some(element) = document()
                .get_element_by_id(&id)
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                element.scroll_into_view();
                let _ = element.focus();
            }
            state.focus.set(None);
        });
    });

    view! {
        <Show when=exists>
            <form class="item-form" id="editor-form" tabindex="-1" on:submit=|event| event.prevent_default()>
                <div class="form-head">
                    <h2>{title}</h2>
                    {(!collection.single).then(|| view! {
                        <div class="form-actions">
                            <button type="button" on:click=duplicate>{move || state.t(Ui::Duplicate)}</button>
                            <button type="button" class="danger" on:click=ask_delete>{move || state.t(Ui::Delete)}</button>
                        </div>
                    })}
                </div>
                {move || confirming.get().map(|named_by| view! { <DeleteConfirm c i named_by delete cancel=move || confirming.set(None) /> })}
                <ul class="problems-here">
                    {move || item_problems().into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}
                </ul>
                {collection
                    .fields
                    .iter()
                    .map(|field| view! { <FieldControl c i field /> })
                    .collect_view()}
            </form>
        </Show>
    }
}

#[component]
fn DeleteConfirm(
    c: usize,
    i: usize,
    named_by: Vec<Referrer>,
    delete: impl Fn(bool) + Copy + Send + Sync + 'static,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let lang = state.lang.get_untracked();
    let name = untrack(|| state.item_title(c, i, lang));
    let count = named_by.len();
    let lines: Vec<String> = named_by
        .iter()
        .map(|referrer| {
            let other = COLLECTIONS[referrer.collection];
            let title = untrack(|| state.item_title(referrer.collection, referrer.item, lang));
            let label = other.label.get(lang);
            let field = other
                .field(referrer.field.trim_end_matches(".lo_sources"))
                .map(|field| field.label.get(lang))
                .unwrap_or_default();
            format!("{label} › {title} › {field}")
        })
        .collect();
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-title">
            <p id="confirm-title"><strong>{fill(state.t(Ui::DeleteConfirm), &name)}</strong></p>
            {(count > 0).then(|| view! {
                <p>{fill(state.t(Ui::DeleteNamedBy), &count.to_string())}</p>
                <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            })}
            <div class="form-actions">
                {(count > 0).then(|| view! {
                    <button type="button" class="danger" on:click=move |_| delete(true)>{state.t(Ui::DeleteAndReferences)}</button>
                })}
                <button type="button" class="danger" on:click=move |_| delete(false)>
                    {if count > 0 { state.t(Ui::DeleteOnly) } else { state.t(Ui::Delete) }}
                </button>
                <button type="button" on:click=move |_| cancel()>{state.t(Ui::Cancel)}</button>
            </div>
        </div>
    }
}
