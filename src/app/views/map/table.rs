//! The map's accessible alternative: a table of every province with its counts.

use leptos::prelude::*;

use crate::app::intl::format_number;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{part, ItemButton};
use crate::app::views::Data;
use crate::core::geo::{busiest_first, ProvinceCounts};
use crate::core::i18n::Msg;
use crate::core::kinds::{ItemKind, ItemRef};

/// The accessible alternative: every province with its counts; names open the province.
#[component]
pub fn ProvinceTable(counts: Memo<Vec<ProvinceCounts>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    // The rows are rebuilt only when the order or the language changes; a filter that changes
    // the counts but not the order rewrites only the numbers.
    let order = {
        let data = data.clone();
        Memo::new(move |_| counts.with(|counts| busiest_first(&data.snapshot, counts)))
    };
    let rows = part(move || {
        let lang = state.lang();
        order
            .get()
            .into_iter()
            .map(|i| {
                let cell = move |value: fn(&ProvinceCounts) -> usize| {
                    move || format_number(counts.with(|c| c.get(i).map_or(0, value)), lang)
                };
                view! {
                    <tr>
                        <th scope="row"><ItemButton item=ItemRef::new(ItemKind::Province, i) /></th>
                        <td>{cell(|c| c.partners)}</td>
                        <td>{cell(|c| c.events)}</td>
                        <td>{cell(|c| c.projects)}</td>
                        <td>{cell(ProvinceCounts::total)}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <div class="iom-table-wrap">
            <table class="iom-table">
                <caption>{tr(state, Msg::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(state, Msg::ItemProvince)}</th>
                        <th scope="col">{tr(state, Msg::RelatedPartners)}</th>
                        <th scope="col">{tr(state, Msg::RelatedEvents)}</th>
                        <th scope="col">{tr(state, Msg::RelatedProjects)}</th>
                        <th scope="col">{tr(state, Msg::ColTotal)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
