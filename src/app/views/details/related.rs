//! The details panel's links: everything the item is linked to, one list per kind, each entry
//! a button into its own details (theme → partner → province → event).

use leptos::prelude::*;

use crate::app::intl::format_date;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{part, ItemButton};
use crate::app::views::Data;
use crate::core::i18n::Msg;
use crate::core::index::Links;
use crate::core::kinds::{ItemKind, ItemRef};

/// Everything the item links to, one list per kind; events in date order.
#[component]
pub fn Related(links: Links) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let links = links.in_date_order(&data.snapshot);
    let groups = [
        (Msg::RelatedThemes, ItemKind::Theme, links.themes.clone()),
        (
            Msg::RelatedPartners,
            ItemKind::Partner,
            links.partners.clone(),
        ),
        (
            Msg::RelatedProvinces,
            ItemKind::Province,
            links.provinces.clone(),
        ),
        (Msg::RelatedEvents, ItemKind::Event, links.events.clone()),
        (
            Msg::RelatedProjects,
            ItemKind::Project,
            links.projects.clone(),
        ),
        (Msg::RelatedPeople, ItemKind::Person, links.people.clone()),
        (
            Msg::RelatedFrameworks,
            ItemKind::Framework,
            links.frameworks.clone(),
        ),
        (Msg::EditorialNotes, ItemKind::Note, links.notes.clone()),
    ];
    groups
        .into_iter()
        .filter(|(_, _, list)| !list.is_empty())
        .map(|(label, kind, list)| {
            let snapshot = data.snapshot.clone();
            let items = list
                .into_iter()
                .map(|i| {
                    let item = ItemRef::new(kind, i);
                    let date = match kind {
                        ItemKind::Event => Some(snapshot.events[i].date),
                        ItemKind::Project => Some(snapshot.projects[i].start),
                        _ => None,
                    };
                    view! {
                        <li>
                            {date.map(|date| view! { <time class="iom-related__date" datetime=date.to_string()>{part(move || format_date(&date, state.lang()))}</time> })}
                            <ItemButton item />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="iom-related">
                    <h3>{tr(state, label)}</h3>
                    <ul>{items}</ul>
                </section>
            }
        })
        .collect_view()
}
