//! The translation workbench: every text as English | Lao | status, filtered by status, with
//! keyboard flow from one Lao text to the next and "mark reviewed".

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use iom_lao_editor::core::draft::{self, mark_reviewed, text_of, text_rows, LaoState};
use iom_lao_editor::core::fields::{Field, COLLECTIONS};
use iom_lao_editor::core::ui_text::Ui;
use iom_lao_explorer::core::Text;

use crate::state::EditorState;

const PAGE: usize = 30;

/// A row's text: where it is in the draft.
#[derive(Clone, Copy)]
struct Row {
    c: usize,
    i: usize,
    field: &'static Field,
}

impl PartialEq for Row {
    fn eq(&self, other: &Self) -> bool {
        (self.c, self.i, self.field.key) == (other.c, other.i, other.field.key)
    }
}

fn state_name(state: LaoState) -> Ui {
    match state {
        LaoState::Missing => Ui::StatusMissing,
        LaoState::Unreviewed => Ui::StatusUnreviewed,
        LaoState::Reviewed => Ui::StatusReviewed,
        LaoState::Sourced => Ui::StatusSourced,
    }
}

#[component]
pub fn Workbench() -> impl IntoView {
    let state = expect_context::<EditorState>();
    let filter = RwSignal::new(None::<LaoState>);
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    // Which texts are listed is decided when the filter changes, not as the texts change, so
    // that a text marked reviewed stays in place under "not yet reviewed".
    let rows = Memo::new(move |_| {
        let filter = filter.get();
        let query = query.get().trim().to_lowercase();
        state.draft.with_untracked(|root| {
            let Some(root) = root else {
                return Vec::new();
            };
            text_rows(root)
                .into_iter()
                .filter(|row| filter.is_none_or(|filter| LaoState::of(&row.text) == filter))
                .filter(|row| {
                    query.is_empty()
                        || row
                            .text
                            .all()
                            .any(|text| text.to_lowercase().contains(&query))
                })
                .map(|row| Row {
                    c: row.collection,
                    i: row.item,
                    field: row.field,
                })
                .collect::<Vec<_>>()
        })
    });
    let options = move || {
        let current = filter.get();
        let all = view! { <option value="" selected=current.is_none()>{state.t(Ui::All)}</option> };
        let each = LaoState::ALL.map(|lao| {
            let code = format!("{lao:?}").to_lowercase();
            view! { <option value=code selected=current == Some(lao)>{state.t(state_name(lao))}</option> }
        });
        (all, each.into_iter().collect_view())
    };
    view! {
        <section class="workbench" aria-labelledby="workbench-title">
            <h2 id="workbench-title">
                {move || state.t(Ui::Workbench)}" "<span class="count">{move || rows.with(Vec::len)}</span>
            </h2>
            <p class="intro">{move || state.t(Ui::WorkbenchIntro)}</p>
            <div class="list-tools">
                <label>
                    {move || state.t(Ui::Filter)}" "
                    <select on:change=move |event| {
                        let code = event_target_value(&event);
                        let lao = LaoState::ALL.into_iter().find(|lao| format!("{lao:?}").to_lowercase() == code);
                        filter.set(lao);
                        shown.set(PAGE);
                    }>
                        {options}
                    </select>
                </label>
                <label>
                    <span class="visually-hidden">{move || state.t(Ui::Search)}</span>
                    <input
                        type="search"
                        placeholder=move || state.t(Ui::Search)
                        on:input=move |event| {
                            query.set(event_target_value(&event));
                            shown.set(PAGE);
                        }
                    />
                </label>
            </div>
            <ol class="wb-rows">
                {move || {
                    let rows = rows.get();
                    let total = rows.len();
                    rows.into_iter()
                        .take(shown.get())
                        .enumerate()
                        .map(|(n, row)| view! { <WorkbenchRow n row total /> })
                        .collect_view()
                }}
            </ol>
            <Show when=move || { rows.with(Vec::len) > shown.get() }>
                <button type="button" on:click=move |_| shown.update(|shown| *shown += PAGE)>
                    {move || state.t(Ui::ShowMore)}
                </button>
            </Show>
        </section>
    }
}

fn lao_box_id(n: usize) -> String {
    format!("wb-{n}-lo")
}

#[component]
fn WorkbenchRow(n: usize, row: Row, total: usize) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let collection = COLLECTIONS[row.c];
    let text = move || {
        state.draft.with(|root| {
            root.as_ref()
                .and_then(|root| draft::item(root, collection, row.i))
                .map(|item| text_of(draft::get(item, row.field.key)))
                .unwrap_or_default()
        })
    };
    let write = move |typing: bool, change: Box<dyn FnOnce(&mut Text)>| {
        let typing = typing.then(|| format!("wb/{}/{}/{}", row.c, row.i, row.field.key));
        state.edit(typing.as_deref(), move |root| {
            let Some(item) = draft::item_mut(root, collection, row.i) else {
                return;
            };
            let mut text = text_of(draft::get(item, row.field.key));
            change(&mut text);
            if text.lo.as_deref().is_some_and(|lo| lo.trim().is_empty()) {
                text.lo = None;
                text.lo_status = None;
                text.lo_sources.clear();
            }
            draft::set(item, row.field.key, Some(draft::text_value(&text)));
        });
    };
    let place = move || {
        let lang = state.lang.get();
        let (label, field) = (collection.label.get(lang), row.field.label.get(lang));
        let title = if collection.single {
            String::new()
        } else {
            format!(" › {}", untrack(|| state.item_title(row.c, row.i, lang)))
        };
        format!("{label}{title} › {field}")
    };
    let lao_state = move || LaoState::of(&text());
    let focus_row = move |n: usize| {
        if let Some(element) = document()
            .get_element_by_id(&lao_box_id(n))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            element.scroll_into_view();
            let _ = element.focus();
        }
    };
    let review = move || write(false, Box::new(mark_reviewed));
    let label_id = format!("wb-{n}-where");
    view! {
        <li class="wb-row" data-state=move || format!("{:?}", lao_state()).to_lowercase()>
            <p class="where" id=label_id.clone()>{place}</p>
            <div class="pair">
                <p class="english" lang="en">{move || text().en}</p>
                <textarea
                    id=lao_box_id(n)
                    lang="lo"
                    rows=move || (text().en.chars().count() / 45 + 1).clamp(2, 8).to_string()
                    aria-labelledby=label_id
                    aria-label=move || state.t(Ui::Lao)
                    prop:value=move || text().lo.unwrap_or_default()
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        write(true, Box::new(move |text| text.lo = Some(typed)));
                    }
                    on:keydown=move |event| {
                        let key = event.key();
                        if key == "Enter" && (event.ctrl_key() || event.meta_key()) {
                            event.prevent_default();
                            review();
                            if n + 1 < total {
                                focus_row(n + 1);
                            }
                        } else if event.alt_key() && key == "ArrowDown" && n + 1 < total {
                            event.prevent_default();
                            focus_row(n + 1);
                        } else if event.alt_key() && key == "ArrowUp" && n > 0 {
                            event.prevent_default();
                            focus_row(n - 1);
                        }
                    }
                />
            </div>
            <div class="wb-status">
                <span class="status">{move || state.t(state_name(lao_state()))}</span>
                <button
                    type="button"
                    disabled=move || lao_state() != LaoState::Unreviewed
                    on:click=move |_| review()
                >
                    {move || state.t(Ui::MarkReviewed)}
                </button>
            </div>
        </li>
    }
}
