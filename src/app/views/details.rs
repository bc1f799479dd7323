//! The details panel of the open item (`?item=`): its text, everything it links to (each a
//! button, so a visitor can walk theme → partner → province → event), its notes and sources.
//! Escape or Close shuts it and gives focus back to where it was.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::widgets::{part, ItemButton, SourceLinks, Tx};
use super::Data;
use crate::app::intl::{format_date, format_span};
use crate::app::state::{tr, AppState};
use crate::core::i18n::{fill, Msg};
use crate::core::index::{ItemKind, ItemRef, Links};
use crate::core::items::{kind_label, partner_kind_label, sources, title};
use crate::core::text::Text;
use crate::core::PartialDate;

thread_local! {
    /// The element that had focus when the panel opened, to return focus to on close.
    static OPENER: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let index = data.index.clone();
    let open_item = Memo::new(move |_| {
        state
            .url
            .with(|url| url.item.as_deref().and_then(|id| index.resolve(id)))
    });

    // Remember the opener on open; give focus back on close. (Escape is handled on the root.)
    let root = expect_context::<super::Root>().0;
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open_item.get().is_some();
        let active = || {
            active_element(root.get_untracked())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        };
        match (was_open.unwrap_or(false), is_open) {
            (false, true) => OPENER.with(|opener| *opener.borrow_mut() = active()),
            (true, false) => OPENER.with(|opener| {
                if let Some(element) = opener.borrow_mut().take().filter(|e| e.is_connected()) {
                    let _ = element.focus();
                }
            }),
            _ => {}
        }
        is_open
    });

    move || {
        let item = open_item.get()?;
        Some(view! { <div class="iom-details-wrap"><Panel item /></div> })
    }
}

/// The focused element, looked up in the explorer's own tree (a shadow root in an embed).
fn active_element(root: Option<web_sys::HtmlDivElement>) -> Option<web_sys::Element> {
    let shadow = root.and_then(|r| r.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok());
    match shadow {
        Some(shadow) => shadow.active_element(),
        None => document().active_element(),
    }
}

#[component]
fn Panel(item: ItemRef) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let s = data.snapshot.clone();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let name = title(&s, item);
    let aria_label = {
        let name = name.clone();
        move || fill(state.t(Msg::DetailsOf), &[name.get(state.lang()).text])
    };
    view! {
        <aside class="iom-details" role="dialog" aria-label=aria_label>
            <div class="iom-details__bar">
                <p class="iom-details__kind">{tr(state, kind_label(item.kind))}</p>
                <button type="button" class="iom-details__close" on:click=move |_| state.close()>
                    {tr(state, Msg::Close)}
                </button>
            </div>
            <h2 node_ref=heading tabindex="-1"><Tx text=name /></h2>
            <Body item />
            <Related links=data.index.links(item).clone() />
            <SourceLinks data=s.clone() ids=sources(&s, item) open=true />
        </aside>
    }
}

/// The item's own fields, by kind.
#[component]
fn Body(item: ItemRef) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let s = &data.snapshot;
    let i = item.index;
    let field = |label: Msg, value: AnyView| {
        view! { <div class="iom-field"><dt>{tr(state, label)}</dt><dd>{value}</dd></div> }
    };
    let dated = |start: PartialDate,
                 end: Option<PartialDate>,
                 open_end: bool,
                 inferred: bool,
                 note: Option<Text>| {
        view! {
            <div class="iom-field">
                <dt>{tr(state, Msg::When)}</dt>
                <dd>
                    <time datetime=start.to_string()>{part(move || format_span(&start, end.as_ref(), state.lang()))}</time>
                    {open_end.then(|| view! { " – " <em>{tr(state, Msg::EndUnknown)}</em> })}
                    {inferred.then(|| view! { <p class="iom-inferred">{tr(state, Msg::DateInferred)}</p> })}
                    {note.map(|note| view! { <p class="iom-date-note"><Tx text=note /></p> })}
                </dd>
            </div>
        }
    };
    let body: AnyView = match item.kind {
        ItemKind::Theme => view! { <p><Tx text=s.themes[i].summary.clone() /></p> }.into_any(),
        ItemKind::Partner => {
            let p = &s.partners[i];
            let kind = p.kind;
            let aliases = p
                .short_name
                .iter()
                .chain(&p.aliases)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <p><Tx text=p.summary.clone() /></p>
                <dl>
                    {field(Msg::Kind, view! { {tr(state, partner_kind_label(kind))} }.into_any())}
                    {(!aliases.is_empty()).then(|| field(Msg::Aliases, view! { <span lang="en">{aliases}</span> }.into_any()))}
                </dl>
            }
            .into_any()
        }
        ItemKind::Province => {
            let p = &s.provinces[i];
            let names = [p.name.en.clone()]
                .into_iter()
                .chain(p.name.lo.clone())
                .chain(p.aliases.clone())
                .collect::<Vec<_>>();
            view! {
                <dl>
                    {field(Msg::Aliases, view! { {names.join(" · ")} }.into_any())}
                    {p.capital.then(|| field(Msg::Kind, view! { {tr(state, Msg::Capital)} }.into_any()))}
                </dl>
            }
            .into_any()
        }
        ItemKind::Event => {
            let e = &s.events[i];
            view! {
                <dl>{dated(e.date, e.end, false, e.inferred, e.date_note.clone())}</dl>
                <p><Tx text=e.summary.clone() /></p>
            }
            .into_any()
        }
        ItemKind::Project => {
            let p = &s.projects[i];
            let donors = p
                .donors
                .iter()
                .filter_map(|id| data.index.resolve(id))
                .map(|donor| view! { <li><ItemButton item=donor /></li> })
                .collect_view();
            view! {
                <dl>
                    {dated(p.start, p.end, p.end.is_none(), p.inferred, p.date_note.clone())}
                    {(!p.donors.is_empty()).then(|| field(Msg::Donors, view! { <ul class="iom-inline-list">{donors}</ul> }.into_any()))}
                </dl>
                <p><Tx text=p.summary.clone() /></p>
            }
            .into_any()
        }
        ItemKind::Person => {
            let p = &s.people[i];
            let aliases = p.aliases.join(", ");
            let organization = p
                .organization
                .as_deref()
                .and_then(|id| data.index.resolve(id));
            view! {
                <dl>
                    {field(Msg::Role, view! { <Tx text=p.role.clone() /> }.into_any())}
                    {organization.map(|org| field(Msg::Organization, view! { <ItemButton item=org /> }.into_any()))}
                    {(!aliases.is_empty()).then(|| field(Msg::Aliases, view! { <span lang="en">{aliases}</span> }.into_any()))}
                </dl>
            }
            .into_any()
        }
        ItemKind::Framework => {
            let f = &s.frameworks[i];
            let dates = f.start.map(|start| dated(start, f.end, false, false, None));
            view! { <dl>{dates}</dl> <p><Tx text=f.summary.clone() /></p> }.into_any()
        }
        ItemKind::Source => {
            let src = &s.sources[i];
            let date = src.date;
            view! {
                <dl lang="en">
                    {field(Msg::SourcePublisher, view! { {src.publisher.clone()} }.into_any())}
                    {date.map(|date| field(Msg::SourceDate, view! { {part(move || format_date(&date, state.lang()))} }.into_any()))}
                    {field(Msg::Link, view! {
                        <a href=src.url.clone() target="_blank" rel="noopener noreferrer">{src.url.clone()}</a>
                    }.into_any())}
                </dl>
                {src.note.clone().map(|note| view! { <p><Tx text=note /></p> })}
            }
            .into_any()
        }
        ItemKind::Note => view! { <p><Tx text=s.notes[i].body.clone() /></p> }.into_any(),
    };
    body
}

/// Everything the item links to, one list per kind; events in date order.
#[component]
fn Related(links: Links) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let mut events = links.events.clone();
    events.sort_unstable_by_key(|&e| (data.snapshot.events[e].date, e));
    let mut projects = links.projects.clone();
    projects.sort_unstable_by_key(|&p| (data.snapshot.projects[p].start, p));
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
        (Msg::RelatedEvents, ItemKind::Event, events),
        (Msg::RelatedProjects, ItemKind::Project, projects),
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
