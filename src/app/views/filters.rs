//! The filter bar every data view shares: search, facets, years, active-filter chips with
//! "Clear all", and a live result count. On phones it folds into a panel.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::widgets::part;
use super::Data;
use crate::app::intl::format_number;
use crate::app::state::{tr, AppState, Facets};
use crate::core::filter::Filters;
use crate::core::i18n::{fill, Msg};
use crate::core::index::Years;
use crate::core::items::partner_kind_label;
use crate::core::model::PartnerKind;
use crate::core::text::Text;
use crate::core::validate::{FIRST_YEAR, LAST_YEAR};

/// One removable chip: its label and how to remove it.
struct Chip {
    label: String,
    lang: Option<&'static str>,
    remove: Box<dyn Fn(&mut Filters) + Send + Sync>,
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let open = RwSignal::new(false);

    let search = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        state.update_filters(|f| f.query = value);
    };

    let snapshot = data.snapshot.clone();
    let themes = snapshot
        .themes
        .iter()
        .map(|theme| (theme.id.clone(), theme.name.clone()))
        .collect::<Vec<_>>();
    let provinces = snapshot
        .provinces
        .iter()
        .map(|p| (p.code.clone(), p.name.clone()))
        .collect::<Vec<_>>();

    let theme_box = facet(
        Facet::Themes,
        themes
            .iter()
            .map(|(id, name)| (id.clone(), Label::Text(name.clone())))
            .collect(),
    );
    let kind_box = facet(
        Facet::Kinds,
        PartnerKind::ALL
            .iter()
            .map(|kind| {
                (
                    kind.code().to_owned(),
                    Label::Msg(partner_kind_label(*kind)),
                )
            })
            .collect(),
    );
    let province_box = facet(
        Facet::Provinces,
        provinces
            .iter()
            .map(|(code, name)| (code.clone(), Label::Text(name.clone())))
            .collect(),
    );

    let year_select = move |label: Msg, id: &'static str, is_from: bool| {
        let options = (FIRST_YEAR..=LAST_YEAR)
            .map(|year| view! { <option value=year.to_string()>{year}</option> })
            .collect_view();
        view! {
            <label class="iom-year">
                <span>{tr(state, label)}</span>
                <select
                    id=id
                    prop:value=move || {
                        let years = state.years.get();
                        (if is_from { years.from } else { years.to }).to_string()
                    }
                    on:change=move |event| {
                        if let Ok(year) = event_target_value(&event).parse::<i32>() {
                            state.update_filters(|f| {
                                let Years { from, to } = f.years;
                                f.years = if is_from {
                                    Years { from: year, to: to.max(year) }
                                } else {
                                    Years { from: from.min(year), to: year }
                                };
                            });
                        }
                    }
                >
                    {options}
                </select>
            </label>
        }
    };

    // The search chip follows the query in place; the other chips are redrawn only when the
    // facets, years or language change, so a keystroke touches one label.
    let query = Memo::new(move |_| state.filters.with(|f| f.query.trim().to_owned()));
    let has_query = Memo::new(move |_| query.with(|q| !q.is_empty()));
    let search_label = move || fill(state.t(Msg::SearchChip), &[&query.read()]);
    let chips = {
        let themes = themes.clone();
        let provinces = provinces.clone();
        part(move || {
            let ui = state.lang();
            let mut chips: Vec<Chip> = Vec::new();
            let named = |list: &[(String, Text)], id: &str| {
                list.iter()
                    .find(|(code, _)| code == id)
                    .map(|(_, name)| name.get(ui))
                    .map(|shown| {
                        (
                            shown.text.to_owned(),
                            (shown.lang != ui).then_some(shown.lang.code()),
                        )
                    })
            };
            // A chip per chosen theme or province, named from the snapshot.
            let named_chips =
                |ids: &BTreeSet<String>,
                 list: &[(String, Text)],
                 set: fn(&mut Filters) -> &mut BTreeSet<String>| {
                    ids.iter()
                        .map(|id| {
                            let (label, lang) = named(list, id).unwrap_or((id.clone(), None));
                            let id = id.clone();
                            Chip {
                                label,
                                lang,
                                remove: Box::new(move |f: &mut Filters| {
                                    set(f).remove(&id);
                                }),
                            }
                        })
                        .collect::<Vec<_>>()
                };
            state.facets.with(|f| {
                chips.extend(named_chips(&f.themes, &themes, |f| &mut f.themes));
                for kind in &f.kinds {
                    let kind = *kind;
                    chips.push(Chip {
                        label: state.t(partner_kind_label(kind)).to_owned(),
                        lang: None,
                        remove: Box::new(move |f| {
                            f.kinds.remove(&kind);
                        }),
                    });
                }
                chips.extend(named_chips(&f.provinces, &provinces, |f| &mut f.provinces));
            });
            let years = state.years.get();
            if years != Years::ALL {
                chips.push(Chip {
                    label: fill(
                        state.t(Msg::YearsChip),
                        &[&years.from.to_string(), &years.to.to_string()],
                    ),
                    lang: None,
                    remove: Box::new(|f| f.years = Years::ALL),
                });
            }
            let searching = has_query.get();
            let any = searching || !chips.is_empty();
            let search = searching.then(|| {
                view! {
                    <li>
                        // Named by its hidden text (as the other chips by `aria-label`): two
                        // texts in place are cheaper to keep than an attribute.
                        <button type="button" class="iom-chip" on:click=move |_| state.update_filters(|f| f.query.clear())>
                            <span class="iom-visually-hidden">
                                {part(move || fill(state.t(Msg::RemoveFilter), &[&search_label()]))}
                            </span>
                            <span aria-hidden="true">{part(search_label)} " ×"</span>
                        </button>
                    </li>
                }
            });
            let items = chips
                .into_iter()
                .map(|chip| {
                    let Chip { label, lang, remove } = chip;
                    let aria = fill(state.t(Msg::RemoveFilter), &[&label]);
                    view! {
                        <li>
                            <button type="button" class="iom-chip" aria-label=aria on:click=move |_| state.update_filters(|f| remove(f))>
                                <span lang=lang>{label}</span>
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            any.then(|| {
                view! {
                    <ul class="iom-chips">
                        {search}
                        {items}
                        <li>
                            <button type="button" class="iom-chip iom-chip--clear" on:click=move |_| state.clear_filters()>
                                {state.t(Msg::ClearAll)}
                            </button>
                        </li>
                    </ul>
                }
            })
        })
    };

    let visible = data.visible;
    let result_count = part(move || {
        let lang = state.lang();
        let n = |value: usize| format_number(value, lang);
        let counts = visible.with(|v| {
            [
                n(v.total()),
                n(v.events_count()),
                n(v.projects_count()),
                n(v.partners_count()),
            ]
        });
        fill(
            state.t(Msg::ResultCount),
            &[&counts[0], &counts[1], &counts[2], &counts[3]],
        )
    });
    let active = Memo::new(move |_| state.filters.with(|f| f.active_count()));
    let active = move || active.get();

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
                {part(move || (active() > 0).then(|| format!(" ({})", active())))}
            </button>
            <div id="iom-filter-panel" class="iom-filters__panel" class:iom-filters__panel--open=move || open.get()>
                <div class="iom-search">
                    <label for="iom-search-input">{tr(state, Msg::SearchLabel)}</label>
                    <input
                        id="iom-search-input"
                        type="search"
                        autocomplete="off"
                        aria-describedby="iom-search-hint"
                        prop:value=move || state.filters.with(|f| f.query.clone())
                        on:input=search
                    />
                    <p id="iom-search-hint" class="iom-hint">{tr(state, Msg::SearchHint)}</p>
                </div>
                {theme_box}
                {kind_box}
                {province_box}
                <fieldset class="iom-facet iom-facet--years">
                    <legend>{tr(state, Msg::FilterYears)}</legend>
                    {year_select(Msg::YearFrom, "iom-year-from", true)}
                    {year_select(Msg::YearTo, "iom-year-to", false)}
                </fieldset>
            </div>
            {chips}
            <p class="iom-result-count" role="status" aria-live="polite" aria-atomic="true">{result_count}</p>
        </section>
    }
}

/// The three checkbox facets.
#[derive(Clone, Copy)]
enum Facet {
    Themes,
    Kinds,
    Provinces,
}

impl Facet {
    fn legend(self) -> Msg {
        match self {
            Facet::Themes => Msg::FilterThemes,
            Facet::Kinds => Msg::FilterKinds,
            Facet::Provinces => Msg::FilterProvinces,
        }
    }

    fn count(self, f: &Facets) -> usize {
        match self {
            Facet::Themes => f.themes.len(),
            Facet::Kinds => f.kinds.len(),
            Facet::Provinces => f.provinces.len(),
        }
    }

    fn is_on(self, f: &Facets, id: &str) -> bool {
        match self {
            Facet::Themes => f.themes.contains(id),
            Facet::Kinds => PartnerKind::from_code(id).is_some_and(|kind| f.kinds.contains(&kind)),
            Facet::Provinces => f.provinces.contains(id),
        }
    }

    fn flip(self, f: &mut Filters, id: String) {
        match self {
            Facet::Themes => toggle(&mut f.themes, id),
            Facet::Kinds => {
                if let Some(kind) = PartnerKind::from_code(&id) {
                    toggle(&mut f.kinds, kind);
                }
            }
            Facet::Provinces => toggle(&mut f.provinces, id),
        }
    }
}

/// A choice's label: snapshot text (may fall back to English) or a UI string.
#[derive(Clone)]
enum Label {
    Text(Text),
    Msg(Msg),
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

/// A disclosure with one checkbox per choice, showing how many are chosen.
fn facet(facet: Facet, choices: Vec<(String, Label)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = move || state.facets.with(|f| facet.count(f));
    let boxes = choices
        .into_iter()
        .map(|(id, label)| {
            let label = move || match &label {
                Label::Msg(msg) => (state.t(*msg).to_owned(), None),
                Label::Text(text) => {
                    let ui = state.lang();
                    let shown = text.get(ui);
                    (
                        shown.text.to_owned(),
                        (shown.lang != ui).then_some(shown.lang.code()),
                    )
                }
            };
            let label = Memo::new(move |_| label());
            let (id_checked, id_flip) = (id.clone(), id.clone());
            view! {
                <li>
                    <label class="iom-check">
                        <input
                            type="checkbox"
                            value=id
                            prop:checked=move || state.facets.with(|f| facet.is_on(f, &id_checked))
                            on:change=move |_| {
                                let id = id_flip.clone();
                                state.update_filters(|f| facet.flip(f, id));
                            }
                        />
                        <span lang=move || label.get().1>{part(move || label.get().0)}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="iom-facet">
            <summary>
                {tr(state, facet.legend())}
                {part(move || (chosen() > 0).then(|| view! { <span class="iom-badge">{chosen()}</span> }))}
            </summary>
            <fieldset>
                <legend class="iom-visually-hidden">{tr(state, facet.legend())}</legend>
                <ul>{boxes}</ul>
            </fieldset>
        </details>
    }
}
