//! The partner directory: a sortable table of the partners the filters let through, a page at
//! a time; its rows are kept by partner (`directory_rows`).

use leptos::prelude::*;

use super::{directory_rows, target_id};
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{more_rows, part, NoResults, PAGE};
use crate::app::views::Data;
use crate::core::directory::{self, SortKey};
use crate::core::i18n::Msg;

#[component]
pub fn Directory() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let sort = RwSignal::new((SortKey::Name, true));
    // A new filter or order starts again from the first page.
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        data.visible.track();
        sort.track();
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    // Every partner in the chosen order, sorted again only when the order or the language
    // changes: a filter change picks the visible ones from it.
    let order = {
        let data = data.clone();
        Memo::new(move |_| {
            let (key, ascending) = sort.get();
            directory::partner_order(&data.snapshot, &data.index, key, ascending, state.lang())
        })
    };
    let matching = {
        let data = data.clone();
        Memo::new(move |_| {
            let visible = data.visible.get();
            order.with(|order| {
                order
                    .iter()
                    .copied()
                    .filter(|&i| visible.partners[i])
                    .collect::<Vec<usize>>()
            })
        })
    };
    let empty = move || matching.with(Vec::is_empty);
    let body = NodeRef::<leptos::html::Tbody>::new();
    let rows = Memo::new(move |_| {
        matching.with(|m| m.iter().take(shown.get()).copied().collect::<Vec<usize>>())
    });
    directory_rows::keep_rows(body, rows, data);
    view! {
        {move || empty().then(|| view! { <NoResults /> })}
        <div class="iom-table-wrap" hidden=empty>
            <table
                class="iom-table iom-directory"
                on:click=move |event| {
                    if let Some(id) = target_id(&event, "button[data-id]") {
                        state.open(&id);
                    }
                }
            >
                <thead>
                    <tr>
                        <SortHeader key=SortKey::Name label=Msg::ColName sort />
                        <SortHeader key=SortKey::Kind label=Msg::Kind sort />
                        <th scope="col">{tr(state, Msg::RelatedThemes)}</th>
                        <th scope="col">{tr(state, Msg::RelatedProvinces)}</th>
                        <SortHeader key=SortKey::Years label=Msg::ColYears sort />
                    </tr>
                </thead>
                <tbody node_ref=body></tbody>
            </table>
        </div>
        {part(move || more_rows(shown, matching.with(Vec::len)))}
    }
}

#[component]
fn SortHeader(key: SortKey, label: Msg, sort: RwSignal<(SortKey, bool)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let aria_sort = move || match sort.get() {
        (current, true) if current == key => "ascending",
        (current, false) if current == key => "descending",
        _ => "none",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button
                type="button"
                class="iom-sort"
                on:click=move |_| sort.update(|current| *current = key.clicked(*current))
            >
                {tr(state, label)}
                <span aria-hidden="true">{part(move || match sort.get() {
                    (current, true) if current == key => " ▲",
                    (current, false) if current == key => " ▼",
                    _ => "",
                })}</span>
            </button>
        </th>
    }
}
