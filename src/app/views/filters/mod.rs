//! The filter bar every data view shares: search, facets, years, active-filter chips with
//! "Clear all", and a live result count. On phones it folds into a panel.

mod chips;
mod count;
mod facet_box;
mod search;
mod year_select;

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::facets::Facet;
use crate::core::i18n::Msg;
use crate::core::items::partner_kind_label;
use crate::core::model::PartnerKind;
use crate::core::years::End;
use facet_box::{facet_box, Label};

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let open = RwSignal::new(false);
    let s = &data.snapshot;
    let themes = s
        .themes
        .iter()
        .map(|theme| (theme.id.clone(), Label::Text(theme.name.clone())))
        .collect();
    let kinds = PartnerKind::ALL
        .iter()
        .map(|kind| {
            (
                kind.code().to_owned(),
                Label::Msg(partner_kind_label(*kind)),
            )
        })
        .collect();
    let provinces = s
        .provinces
        .iter()
        .map(|p| (p.code.clone(), Label::Text(p.name.clone())))
        .collect();
    let active = Memo::new(move |_| state.filters.with(|f| f.active_count()));

    view! {
        <section class="iom-filters" aria-labelledby="iom-filters-title">
            <h2 id="iom-filters-title" class="iom-visually-hidden">{tr(state, Msg::FiltersHeading)}</h2>
            <button
                type="button"
                class="iom-filters__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="iom-filter-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {tr(state, Msg::ShowFilters)}
                {part(move || (active.get() > 0).then(|| format!(" ({})", active.get())))}
            </button>
            <div id="iom-filter-panel" class="iom-filters__panel" class:iom-filters__panel--open=move || open.get()>
                <search::SearchBox />
                {facet_box(Facet::Themes, themes)}
                {facet_box(Facet::Kinds, kinds)}
                {facet_box(Facet::Provinces, provinces)}
                <fieldset class="iom-facet iom-facet--years">
                    <legend>{tr(state, Msg::FilterYears)}</legend>
                    <year_select::YearSelect label=Msg::YearFrom id="iom-year-from" end=End::From />
                    <year_select::YearSelect label=Msg::YearTo id="iom-year-to" end=End::To />
                </fieldset>
            </div>
            <chips::Chips />
            <count::ResultCount />
        </section>
    }
}
