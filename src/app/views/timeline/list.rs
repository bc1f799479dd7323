//! The timeline as a list: every event and project the filters let through, in date order, a
//! page at a time (the accessible alternative to the drawing).

use leptos::prelude::*;

use crate::app::intl::format_span;
use crate::app::state::AppState;
use crate::app::views::widgets::{more_rows, part, ItemButton, PAGE};
use crate::app::views::Data;
use crate::core::i18n::{fill, Msg};
use crate::core::items;
use crate::core::kinds::{ItemKind, ItemRef};
use crate::core::timeline::projects_in_order;

/// `order`: the visible events in date order (indices into the snapshot's events).
#[component]
pub fn EventList(order: Memo<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let years = state.years;
    let projects = {
        let data = data.clone();
        Memo::new(move |_| {
            data.visible.with(|visible| {
                projects_in_order(&data.snapshot, &data.index, visible, years.get())
            })
        })
    };
    // Each list shows a page of rows; a new filter starts again from the first page.
    let (shown_events, shown_projects) = (RwSignal::new(PAGE), RwSignal::new(PAGE));
    Effect::new(move |_| {
        data.visible.track();
        years.track();
        for shown in [shown_events, shown_projects] {
            if shown.get_untracked() != PAGE {
                shown.set(PAGE);
            }
        }
    });
    let data = expect_context::<Data>();
    part(move || {
        let lang = state.lang();
        let s = &data.snapshot;
        let events = order.get();
        let projects = projects.get();
        let summary = fill(
            state.t(Msg::EventsInList),
            &[&events.len().to_string(), &projects.len().to_string()],
        );
        // One row per dated item, for both lists.
        let rows = |kind: ItemKind, list: &[usize], shown: usize| {
            list.iter()
                .take(shown)
                .filter_map(|&i| {
                    let item = ItemRef::new(kind, i);
                    let (date, end, inferred) = items::dates(s, item)?;
                    let mut when = format_span(&date, end.as_ref(), lang);
                    if let Some(open) = items::open_end_label(s, item) {
                        when = format!("{when} – {}", state.t(open));
                    }
                    Some(view! {
                        <li>
                            <time datetime=date.to_string()>{when}</time>
                            {inferred.then(|| view! { <span class="iom-inferred-tag">{state.t(Msg::Inferred)}</span> })}
                            <ItemButton item />
                        </li>
                    })
                })
                .collect_view()
        };
        let event_rows = rows(ItemKind::Event, &events, shown_events.get());
        let project_rows = rows(ItemKind::Project, &projects, shown_projects.get());
        view! {
            <div class="iom-tl-list">
                <p>{summary}</p>
                <h2>{state.t(Msg::RelatedEvents)}</h2>
                <ol>{event_rows}</ol>
                {more_rows(shown_events, events.len())}
                <h2>{state.t(Msg::RelatedProjects)}</h2>
                <ol>{project_rows}</ol>
                {more_rows(shown_projects, projects.len())}
            </div>
        }
    })
}
