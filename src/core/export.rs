//! Exports of what the filters let through: CSV files for people with spreadsheets (labels,
//! not codes, in the UI language) and a JSON snapshot of the results that passes the checker.

use std::collections::BTreeSet;

use super::filter::Visible;
use super::i18n::{t, Msg};
use super::index::Index;
use super::items::partner_kind_label;
use super::kinds::{ItemKind, ItemRef};
use super::model::{EventKind, Snapshot, Source, SpanEnd};
use super::text::{Lang, Text};

/// Spreadsheet programs read UTF-8 (and so Lao text) correctly only after a byte-order mark.
pub const BOM: &str = "\u{feff}";

/// What a CSV file lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Events,
    Projects,
    Partners,
}

impl CsvKind {
    /// A file name in English, safe on every system.
    pub fn file_name(self) -> &'static str {
        match self {
            CsvKind::Events => "iom-lao-events.csv",
            CsvKind::Projects => "iom-lao-projects.csv",
            CsvKind::Partners => "iom-lao-partners.csv",
        }
    }
}

fn names(s: &Snapshot, kind: ItemKind, list: &[usize], lang: Lang) -> String {
    let text = |i: usize| -> &Text {
        match kind {
            ItemKind::Theme => &s.themes[i].name,
            ItemKind::Partner => &s.partners[i].name,
            _ => &s.provinces[i].name,
        }
    };
    list.iter()
        .map(|&i| text(i).get(lang).text)
        .collect::<Vec<_>>()
        .join("; ")
}

fn ids_names(s: &Snapshot, index: &Index, kind: ItemKind, ids: &[String], lang: Lang) -> String {
    let list: Vec<usize> = ids
        .iter()
        .filter_map(|id| index.resolve(id))
        .filter(|r| r.kind == kind)
        .map(|r| r.index)
        .collect();
    names(s, kind, &list, lang)
}

fn source_urls(s: &Snapshot, index: &Index, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| index.resolve(id))
        .filter(|r| r.kind == ItemKind::Source)
        .map(|r| s.sources[r.index].url.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A cell as a spreadsheet will read it as text: one that [runs as a formula](runs_as_formula)
/// (CSV injection) gets a leading `'` as OWASP recommends. Snapshot text is data, never a
/// formula. (The translation sheet removes that `'` again when it reads a cell back.)
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if runs_as_formula(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet
/// would run as a formula.
pub fn runs_as_formula(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// The CSV text (with a byte-order mark) of the visible items of one kind.
pub fn csv(kind: CsvKind, s: &Snapshot, index: &Index, visible: &Visible, lang: Lang) -> String {
    let tr = |msg| t(lang, msg);
    let yes_no = |flag: bool| tr(if flag { Msg::Yes } else { Msg::No }).to_owned();
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut write = |record: Vec<String>| {
        // Writing to memory cannot fail.
        let _ = out.write_record(record.iter().map(|cell| inert(cell).into_owned()));
    };
    match kind {
        CsvKind::Events => {
            write(
                [
                    Msg::ColId,
                    Msg::ColTitle,
                    Msg::ColDate,
                    Msg::ColEnd,
                    Msg::DateInferred,
                    Msg::Kind,
                    Msg::RelatedThemes,
                ]
                .into_iter()
                .chain([
                    Msg::RelatedPartners,
                    Msg::RelatedProvinces,
                    Msg::ColSummary,
                    Msg::ColSources,
                ])
                .map(|m| tr(m).to_owned())
                .collect(),
            );
            for (i, e) in s
                .events
                .iter()
                .enumerate()
                .filter(|(i, _)| visible.events[*i])
            {
                let links = index.links(ItemRef::new(ItemKind::Event, i));
                let kind = match e.kind {
                    EventKind::Iom => Msg::LaneIomEvents,
                    EventKind::Context => Msg::LaneContextEvents,
                };
                write(vec![
                    e.id.clone(),
                    e.title.get(lang).text.to_owned(),
                    e.date.to_string(),
                    e.end.map(|d| d.to_string()).unwrap_or_default(),
                    yes_no(e.inferred),
                    tr(kind).to_owned(),
                    names(s, ItemKind::Theme, &links.themes, lang),
                    ids_names(s, index, ItemKind::Partner, &e.partners, lang),
                    names(s, ItemKind::Province, &links.provinces, lang),
                    e.summary.get(lang).text.to_owned(),
                    source_urls(s, index, &e.sources),
                ]);
            }
        }
        CsvKind::Projects => {
            write(
                [
                    Msg::ColId,
                    Msg::ColTitle,
                    Msg::ColStart,
                    Msg::ColEnd,
                    Msg::DateInferred,
                    Msg::Donors,
                    Msg::RelatedPartners,
                ]
                .into_iter()
                .chain([
                    Msg::RelatedThemes,
                    Msg::RelatedProvinces,
                    Msg::ColSummary,
                    Msg::ColSources,
                ])
                .map(|m| tr(m).to_owned())
                .collect(),
            );
            for (i, p) in s
                .projects
                .iter()
                .enumerate()
                .filter(|(i, _)| visible.projects[*i])
            {
                let links = index.links(ItemRef::new(ItemKind::Project, i));
                write(vec![
                    p.id.clone(),
                    p.title.get(lang).text.to_owned(),
                    p.start.to_string(),
                    match (p.end, p.span_end()) {
                        (Some(end), _) => end.to_string(),
                        (None, SpanEnd::Ongoing) => tr(Msg::Ongoing).to_owned(),
                        (None, _) => tr(Msg::EndUnknown).to_owned(),
                    },
                    yes_no(p.inferred),
                    ids_names(s, index, ItemKind::Partner, &p.donors, lang),
                    ids_names(s, index, ItemKind::Partner, &p.partners, lang),
                    names(s, ItemKind::Theme, &links.themes, lang),
                    names(s, ItemKind::Province, &links.provinces, lang),
                    p.summary.get(lang).text.to_owned(),
                    source_urls(s, index, &p.sources),
                ]);
            }
        }
        CsvKind::Partners => {
            write(
                [
                    Msg::ColId,
                    Msg::ColName,
                    Msg::ColShortName,
                    Msg::Kind,
                    Msg::RelatedThemes,
                    Msg::RelatedProvinces,
                ]
                .into_iter()
                .chain([Msg::ColYears, Msg::ColSummary, Msg::ColSources])
                .map(|m| tr(m).to_owned())
                .collect(),
            );
            for (i, p) in s
                .partners
                .iter()
                .enumerate()
                .filter(|(i, _)| visible.partners[*i])
            {
                let links = index.links(ItemRef::new(ItemKind::Partner, i));
                let years = index.partner_years[i]
                    .map(|y| {
                        if y.from == y.to {
                            y.from.to_string()
                        } else {
                            format!("{}-{}", y.from, y.to)
                        }
                    })
                    .unwrap_or_default();
                write(vec![
                    p.id.clone(),
                    p.name.get(lang).text.to_owned(),
                    p.short_name.clone().unwrap_or_default(),
                    tr(partner_kind_label(p.kind)).to_owned(),
                    names(s, ItemKind::Theme, &links.themes, lang),
                    names(s, ItemKind::Province, &links.provinces, lang),
                    years,
                    p.summary.get(lang).text.to_owned(),
                    source_urls(s, index, &p.sources),
                ]);
            }
        }
    }
    let bytes = out.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// [`subset`] as a JSON document. Written through `serde_json::Value` (keys in alphabetical
/// order), the same way `subset` finds the sources cited, so the Wasm carries one serializer
/// for the snapshot's types instead of two.
pub fn subset_json(s: &Snapshot, index: &Index, visible: &Visible) -> String {
    let value = serde_json::to_value(subset(s, index, visible)).unwrap_or_default();
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A snapshot holding the visible events, projects and partners and everything they refer to
/// (so that it passes the checker): the strategy, all themes, provinces and frameworks, the
/// people and partners referred to, the sources cited, and the notes about what is kept.
pub fn subset(s: &Snapshot, index: &Index, visible: &Visible) -> Snapshot {
    let mut partners: BTreeSet<usize> = (0..s.partners.len())
        .filter(|&i| visible.partners[i])
        .collect();
    let events: Vec<usize> = (0..s.events.len()).filter(|&i| visible.events[i]).collect();
    let projects: Vec<usize> = (0..s.projects.len())
        .filter(|&i| visible.projects[i])
        .collect();
    let resolve = |id: &String, kind: ItemKind| {
        index
            .resolve(id)
            .filter(|r| r.kind == kind)
            .map(|r| r.index)
    };

    let mut people: BTreeSet<usize> = BTreeSet::new();
    let launch = &s.strategy.launch;
    people.extend(
        launch
            .co_chairs
            .iter()
            .filter_map(|id| resolve(id, ItemKind::Person)),
    );
    partners.extend(
        launch
            .with_partners
            .iter()
            .filter_map(|id| resolve(id, ItemKind::Partner)),
    );
    for &e in &events {
        people.extend(
            s.events[e]
                .people
                .iter()
                .filter_map(|id| resolve(id, ItemKind::Person)),
        );
        partners.extend(
            s.events[e]
                .partners
                .iter()
                .filter_map(|id| resolve(id, ItemKind::Partner)),
        );
    }
    for &p in &projects {
        let project = &s.projects[p];
        partners.extend(
            project
                .partners
                .iter()
                .chain(&project.donors)
                .filter_map(|id| resolve(id, ItemKind::Partner)),
        );
    }
    for &person in &people {
        if let Some(org) = s.people[person]
            .organization
            .as_ref()
            .and_then(|id| resolve(id, ItemKind::Partner))
        {
            partners.insert(org);
        }
    }

    let mut out = Snapshot {
        schema_version: s.schema_version.clone(),
        snapshot_date: s.snapshot_date,
        strategy: s.strategy.clone(),
        frameworks: s.frameworks.clone(),
        themes: s.themes.clone(),
        partners: partners.iter().map(|&i| s.partners[i].clone()).collect(),
        provinces: s.provinces.clone(),
        events: events.iter().map(|&i| s.events[i].clone()).collect(),
        projects: projects.iter().map(|&i| s.projects[i].clone()).collect(),
        people: people.iter().map(|&i| s.people[i].clone()).collect(),
        sources: Vec::new(),
        notes: Vec::new(),
        story: Vec::new(),
    };
    let kept: BTreeSet<String> = out
        .partners
        .iter()
        .map(|x| x.id.clone())
        .chain(out.events.iter().map(|x| x.id.clone()))
        .chain(out.projects.iter().map(|x| x.id.clone()))
        .chain(out.people.iter().map(|x| x.id.clone()))
        .chain(out.themes.iter().map(|x| x.id.clone()))
        .chain(out.frameworks.iter().map(|x| x.id.clone()))
        .chain(out.provinces.iter().map(|x| x.code.clone()))
        .collect();
    out.notes = s
        .notes
        .iter()
        .filter_map(|note| {
            let about: Vec<String> = note
                .about
                .iter()
                .filter(|id| kept.contains(*id))
                .cloned()
                .collect();
            (note.about.is_empty() || !about.is_empty()).then(|| {
                let mut note = note.clone();
                note.about = about;
                note
            })
        })
        .collect();

    // The story's steps about what the subset keeps, in their order.
    out.story = s
        .story
        .iter()
        .filter(|step| kept.contains(&step.item))
        .cloned()
        .collect();
    let cited = serde_json::to_value(&out).unwrap_or_default();
    let mut used = BTreeSet::new();
    collect_sources(&cited, &mut used);
    // A kept source's own Lao title or publisher may cite another source: keep that one too.
    loop {
        let kept: Vec<&Source> = s
            .sources
            .iter()
            .filter(|source| used.contains(&source.id))
            .collect();
        let before = used.len();
        collect_sources(&serde_json::to_value(&kept).unwrap_or_default(), &mut used);
        if used.len() == before {
            out.sources = kept.into_iter().cloned().collect();
            break;
        }
    }
    out
}

/// Every string inside any `sources` or `lo_sources` list of the document.
fn collect_sources(value: &serde_json::Value, used: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                if key == "sources" || key == "lo_sources" {
                    if let Some(ids) = field.as_array() {
                        used.extend(ids.iter().filter_map(|id| id.as_str().map(str::to_owned)));
                    }
                } else {
                    collect_sources(field, used);
                }
            }
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|item| collect_sources(item, used))
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filter::{apply, Filters};
    use crate::core::load_snapshot;
    use crate::core::years::Years;
    use proptest::prelude::*;

    use crate::core::shipped_snapshot as shipped;

    #[test]
    fn a_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        let mut s = shipped();
        s.events[0].title = crate::core::Text::en("=HYPERLINK(\"https://evil.example\",\"click\")");
        s.events[1].title = crate::core::Text::en("@SUM(1+1)");
        s.events[2].title = crate::core::Text::en("-2+3");
        let index = Index::build(&s);
        let visible = apply(&Filters::default(), &s, &index);
        let text = csv(CsvKind::Events, &s, &index, &visible, Lang::En);
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let titles: Vec<String> = reader
            .records()
            .map(|row| row.unwrap()[1].to_owned())
            .collect();
        for title in [
            "=HYPERLINK(\"https://evil.example\",\"click\")",
            "@SUM(1+1)",
            "-2+3",
        ] {
            assert!(
                titles.contains(&format!("'{title}")),
                "{title} not neutralised"
            );
            assert!(!titles.contains(&title.to_owned()));
        }
        // Ordinary text is left as it is.
        assert!(titles.contains(&s.events[3].title.en));
    }

    #[test]
    fn csv_has_a_bom_labelled_columns_and_one_row_per_visible_event() {
        let s = shipped();
        let index = Index::build(&s);
        let visible = apply(&Filters::default(), &s, &index);
        let text = csv(CsvKind::Events, &s, &index, &visible, Lang::En);
        assert!(text.starts_with('\u{feff}'));
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[1], "Title");
        assert_eq!(&headers[5], "Kind");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), s.events.len());
        // Labels, not codes.
        assert!(rows
            .iter()
            .all(|row| &row[5] == "IOM's work" || &row[5] == "Context"));
    }

    #[test]
    fn csv_in_lao_has_lao_headers_and_lao_province_names() {
        let s = shipped();
        let index = Index::build(&s);
        let filters = Filters {
            provinces: ["LA-SV".to_owned()].into(),
            ..Filters::default()
        };
        let visible = apply(&filters, &s, &index);
        let text = csv(CsvKind::Partners, &s, &index, &visible, Lang::Lo);
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        assert_eq!(&reader.headers().unwrap()[1], "ຊື່");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), visible.partners_count());
        assert!(
            rows.iter().all(|row| row[5].contains("ສະຫວັນນະເຂດ")),
            "{rows:?}"
        );
    }

    #[test]
    fn awkward_text_is_escaped_by_the_csv_writer() {
        let mut s = shipped();
        s.events[0].title = Text::en("A \"quoted\", multi\nline title");
        let index = Index::build(&s);
        let visible = apply(&Filters::default(), &s, &index);
        let text = csv(CsvKind::Events, &s, &index, &visible, Lang::En);
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let first = reader.records().next().unwrap().unwrap();
        assert_eq!(&first[1], "A \"quoted\", multi\nline title");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(60))]

        /// The JSON export of any filtered view is a snapshot that passes the checker.
        #[test]
        fn the_subset_of_any_filter_passes_the_checker(
            theme in proptest::option::of(0usize..7),
            kind in proptest::option::of(0usize..5),
            from in 2001i32..=2026,
            query in prop_oneof![Just(String::new()), Just("tb".to_owned()), Just("japan".to_owned()), "[a-z]{1,2}"],
        ) {
            let s = shipped();
            let index = Index::build(&s);
            let filters = Filters {
                themes: theme.map(|t| s.themes[t].id.clone()).into_iter().collect(),
                kinds: kind.map(|k| crate::core::model::PartnerKind::ALL[k]).into_iter().collect(),
                years: Years { from, to: 2026 },
                query,
                ..Filters::default()
            };
            let visible = apply(&filters, &s, &index);
            let out = subset(&s, &index, &visible);
            prop_assert_eq!(out.events.len(), visible.events_count());
            prop_assert_eq!(out.projects.len(), visible.projects_count());
            // The file a visitor downloads: the same snapshot, and it passes the checker.
            let json = subset_json(&s, &index, &visible);
            let checked = load_snapshot(&json);
            prop_assert!(checked.is_ok(), "{:?}", checked.err());
            prop_assert_eq!(checked.unwrap(), out);
        }
    }
}
