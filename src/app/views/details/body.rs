//! The details panel's body: the item's own fields, by kind.

use leptos::prelude::*;

use crate::app::intl::{format_date, format_span};
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{part, ItemButton, Tx};
use crate::app::views::Data;
use crate::core::i18n::Msg;
use crate::core::items::{open_end_label, partner_kind_label};
use crate::core::kinds::{ItemKind, ItemRef};
use crate::core::link::site;
use crate::core::text::Text;
use crate::core::PartialDate;

/// The item's own fields, by kind.
#[component]
pub fn Body(item: ItemRef) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let s = &data.snapshot;
    let i = item.index;
    let field = |label: Msg, value: AnyView| {
        view! { <div class="iom-field"><dt>{tr(state, label)}</dt><dd>{value}</dd></div> }
    };
    let dated = |start: PartialDate,
                 end: Option<PartialDate>,
                 open_end: Option<Msg>,
                 inferred: bool,
                 note: Option<Text>| {
        view! {
            <div class="iom-field">
                <dt>{tr(state, Msg::When)}</dt>
                <dd>
                    <time datetime=start.to_string()>{part(move || format_span(&start, end.as_ref(), state.lang()))}</time>
                    {open_end.map(|label| view! { " – " <em>{tr(state, label)}</em> })}
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
                <dl>{dated(e.date, e.end, None, e.inferred, e.date_note.clone())}</dl>
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
                    {dated(p.start, p.end, open_end_label(s, item), p.inferred, p.date_note.clone())}
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
            let dates = f.start.map(|start| dated(start, f.end, None, false, None));
            view! { <dl>{dates}</dl> <p><Tx text=f.summary.clone() /></p> }.into_any()
        }
        ItemKind::Source => {
            let src = &s.sources[i];
            let date = src.date;
            view! {
                <dl>
                    {field(Msg::SourcePublisher, view! { <Tx text=src.publisher.clone() plain=true /> }.into_any())}
                    {date.map(|date| field(Msg::SourceDate, view! { {part(move || format_date(&date, state.lang()))} }.into_any()))}
                    {field(Msg::Link, view! {
                        <a href=src.url.clone() title=src.url.clone() target="_blank" rel="noopener noreferrer">{site(&src.url).to_owned()}</a>
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
