//! "About the data": every source, the editorial notes, the snapshot's date and version,
//! licences and the map disclaimer.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::intl::format_date;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{part, SourceLinks, Tx};
use crate::core::coverage::Coverage;
use crate::core::i18n::{fill, Msg};
use crate::core::model::NoteKind;
use crate::core::Snapshot;

fn note_label(kind: NoteKind) -> Msg {
    match kind {
        NoteKind::Correction => Msg::NoteCorrection,
        NoteKind::Conflict => Msg::NoteConflict,
        NoteKind::Inference => Msg::NoteInference,
        NoteKind::Gap => Msg::NoteGap,
    }
}

#[component]
pub fn Sources(data: Arc<Snapshot>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let snapshot_date = data.snapshot_date;
    let notes = data
        .notes
        .iter()
        .map(|note| {
            let kind = note.kind;
            view! {
                <li class="iom-note" id=format!("note-{}", note.id)>
                    <p class="iom-note__kind">{tr(state, note_label(kind))}</p>
                    <h3><Tx text=note.title.clone() /></h3>
                    <p><Tx text=note.body.clone() /></p>
                    <SourceLinks data=data.clone() ids=note.sources.clone() />
                </li>
            }
        })
        .collect_view();
    let sources = data
        .sources
        .iter()
        .map(|source| {
            let date = source.date;
            view! {
                <li>
                    <a href=source.url.clone() target="_blank" rel="noopener noreferrer"><Tx text=source.title.clone() /></a>
                    <span class="iom-source-meta">
                        " · " <Tx text=source.publisher.clone() plain=true />
                        {date.map(|date| view! { " · " <time datetime=date.to_string()>{part(move || format_date(&date, state.lang()))}</time> })}
                    </span>
                    {source.note.clone().map(|note| view! { <span class="iom-source-note">" · " <Tx text=note /></span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="iom-about">
            <h1>{tr(state, Msg::ViewSources)}</h1>
            <p>
                {tr(state, Msg::SnapshotDate)} " "
                <time datetime=snapshot_date.to_string()>{part(move || format_date(&snapshot_date, state.lang()))}</time>
                " · " {tr(state, Msg::SchemaVersion)} " " {data.schema_version.clone()}
            </p>
            <p>{tr(state, Msg::FootnoteUnofficial)}</p>
            <LaoCoverage coverage=Coverage::of(&data) />
            <section aria-labelledby="iom-notes-title">
                <h2 id="iom-notes-title">{tr(state, Msg::EditorialNotes)}</h2>
                <ul class="iom-notes">{notes}</ul>
            </section>
            <section aria-labelledby="iom-source-list-title">
                <h2 id="iom-source-list-title">{tr(state, Msg::SourcesLabel)} " (" {data.sources.len()} ")"</h2>
                <ol class="iom-source-list">{sources}</ol>
            </section>
            <section class="iom-licences">
                <p>{tr(state, Msg::BoundaryAttribution)}</p>
                <p>{tr(state, Msg::Disclaimer)}</p>
            </section>
        </article>
    }
}

/// How much of the content has Lao, and from where, in percentages.
#[component]
fn LaoCoverage(coverage: Coverage) -> impl IntoView {
    let state = expect_context::<AppState>();
    let percent = |part: usize| coverage.percent(part).to_string();
    let values = [
        percent(coverage.with_lao()),
        percent(coverage.sourced),
        percent(coverage.reviewed),
        percent(coverage.unreviewed),
        String::new(),
        percent(coverage.missing),
    ];
    view! {
        <section aria-labelledby="iom-lao-content-title" class="iom-lao-coverage">
            <h2 id="iom-lao-content-title">{tr(state, Msg::LaoContent)}</h2>
            <p>
                {part(move || {
                    let mut values = values.clone();
                    values[4] = state.t(Msg::UnreviewedMark).to_owned();
                    let values: Vec<&str> = values.iter().map(String::as_str).collect();
                    fill(state.t(Msg::LaoCoverage), &values)
                })}
            </p>
        </section>
    }
}
