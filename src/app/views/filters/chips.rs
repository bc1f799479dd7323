//! The active filters as removable chips, with "Clear all". The search chip follows the query
//! in place; the other chips are redrawn only when the facets, years or language change, so a
//! keystroke touches one label.

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::facets::Facet;
use crate::core::filter::Filters;
use crate::core::i18n::{fill, Msg};
use crate::core::items::{self, partner_kind_label};
use crate::core::years::Years;

/// One removable chip: its label (and the label's language where it falls back to English)
/// and how to remove it.
struct Chip {
    label: String,
    lang: Option<&'static str>,
    remove: Box<dyn Fn(&mut Filters) + Send + Sync>,
}

#[component]
pub fn Chips() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let query = Memo::new(move |_| state.filters.with(|f| f.query.trim().to_owned()));
    let has_query = Memo::new(move |_| query.with(|q| !q.is_empty()));
    let search_label = move || fill(state.t(Msg::SearchChip), &[&query.read()]);
    part(move || {
        let chips = facet_chips(state, &data);
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
}

/// A chip per chosen theme, partner kind and province (named from the snapshot), and one for
/// the years when they are not all.
fn facet_chips(state: AppState, data: &Data) -> Vec<Chip> {
    let ui = state.lang();
    let s = &data.snapshot;
    let mut chips = Vec::new();
    // A theme or province chip, named by its item (or by its code, if the snapshot lacks it).
    let named = |facet: Facet, code: &String| {
        let (label, lang) = match data.index.resolve(code) {
            Some(item) => {
                let title = items::title(s, item);
                let shown = title.get(ui);
                (
                    shown.text.to_owned(),
                    (shown.lang != ui).then_some(shown.lang.code()),
                )
            }
            None => (code.clone(), None),
        };
        let code = code.clone();
        Chip {
            label,
            lang,
            remove: Box::new(move |f: &mut Filters| f.toggle(facet, &code)),
        }
    };
    state.facets.with(|f| {
        chips.extend(f.themes.iter().map(|code| named(Facet::Themes, code)));
        for &kind in &f.kinds {
            chips.push(Chip {
                label: state.t(partner_kind_label(kind)).to_owned(),
                lang: None,
                remove: Box::new(move |f| f.toggle(Facet::Kinds, kind.code())),
            });
        }
        chips.extend(f.provinces.iter().map(|code| named(Facet::Provinces, code)));
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
    chips
}
