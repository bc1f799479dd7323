//! The filters every view shares, and what they let through.
//!
//! Within one facet the choices are alternatives (theme A or theme B); across facets they all
//! apply (a theme and a province and the years and the search). An item with no link to a
//! facet's choices fails that facet.

use std::collections::BTreeSet;

use super::index::Index;
use super::kinds::{ItemKind, ItemRef};
use super::model::{PartnerKind, Snapshot};
use super::search::Query;
use super::years::Years;

/// The visitor's filters. The default lets everything through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filters {
    pub themes: BTreeSet<String>,
    pub kinds: BTreeSet<PartnerKind>,
    pub provinces: BTreeSet<String>,
    pub years: Years,
    pub query: String,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            themes: BTreeSet::new(),
            kinds: BTreeSet::new(),
            provinces: BTreeSet::new(),
            years: Years::ALL,
            query: String::new(),
        }
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
            && self.kinds.is_empty()
            && self.provinces.is_empty()
            && self.years == Years::ALL
            && self.query.trim().is_empty()
    }

    /// The same filters without the theme and province ids that name nothing in the snapshot
    /// (a mistyped or outdated shared link): the URL contract ignores what it cannot apply,
    /// rather than showing a chip "LA-ZZ" and no results.
    pub fn known(&self, index: &Index) -> Filters {
        let keep = |ids: &BTreeSet<String>, kind: ItemKind| {
            ids.iter()
                .filter(|id| index.resolve(id).is_some_and(|item| item.kind == kind))
                .cloned()
                .collect()
        };
        Filters {
            themes: keep(&self.themes, ItemKind::Theme),
            provinces: keep(&self.provinces, ItemKind::Province),
            ..self.clone()
        }
    }

    /// How many choices are active (for "Filters (3)" on phones).
    pub fn active_count(&self) -> usize {
        self.themes.len()
            + self.kinds.len()
            + self.provinces.len()
            + usize::from(self.years != Years::ALL)
            + usize::from(!self.query.trim().is_empty())
    }
}

/// The active filters in words, for printouts: "Migration health", "Savannakhet", "Years 2005–2026".
pub fn describe(
    filters: &Filters,
    s: &Snapshot,
    index: &Index,
    lang: super::text::Lang,
) -> Vec<String> {
    use super::i18n::{fill, t, Msg};
    let name = |id: &str| match index.resolve(id) {
        Some(item) => super::items::title(s, item).get(lang).text.to_owned(),
        None => id.to_owned(),
    };
    let mut out: Vec<String> = filters.themes.iter().map(|id| name(id)).collect();
    out.extend(
        filters
            .kinds
            .iter()
            .map(|kind| t(lang, super::items::partner_kind_label(*kind)).to_owned()),
    );
    out.extend(filters.provinces.iter().map(|code| name(code)));
    if filters.years != Years::ALL {
        out.push(fill(
            t(lang, Msg::YearsChip),
            &[
                &filters.years.from.to_string(),
                &filters.years.to.to_string(),
            ],
        ));
    }
    if !filters.query.trim().is_empty() {
        out.push(fill(t(lang, Msg::SearchChip), &[filters.query.trim()]));
    }
    out
}

/// The ids of the sources cited by the visible events, projects and partners, in snapshot order.
pub fn cited_sources(s: &Snapshot, visible: &Visible) -> Vec<usize> {
    let mut cited = BTreeSet::new();
    let events = s
        .events
        .iter()
        .zip(&visible.events)
        .filter(|(_, v)| **v)
        .flat_map(|(e, _)| &e.sources);
    let projects = s
        .projects
        .iter()
        .zip(&visible.projects)
        .filter(|(_, v)| **v)
        .flat_map(|(p, _)| &p.sources);
    let partners = s
        .partners
        .iter()
        .zip(&visible.partners)
        .filter(|(_, v)| **v)
        .flat_map(|(p, _)| &p.sources);
    cited.extend(events.chain(projects).chain(partners).map(String::as_str));
    s.sources
        .iter()
        .enumerate()
        .filter(|(_, source)| cited.contains(source.id.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// What the filters let through, as one flag per item of each kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Visible {
    pub themes: Vec<bool>,
    pub partners: Vec<bool>,
    pub provinces: Vec<bool>,
    pub events: Vec<bool>,
    pub projects: Vec<bool>,
}

fn count(flags: &[bool]) -> usize {
    flags.iter().filter(|&&flag| flag).count()
}

impl Visible {
    pub fn events_count(&self) -> usize {
        count(&self.events)
    }
    pub fn projects_count(&self) -> usize {
        count(&self.projects)
    }
    pub fn partners_count(&self) -> usize {
        count(&self.partners)
    }
    pub fn themes_count(&self) -> usize {
        count(&self.themes)
    }
    pub fn provinces_count(&self) -> usize {
        count(&self.provinces)
    }

    /// Events, projects and partners that pass: the "results".
    pub fn total(&self) -> usize {
        self.events_count() + self.projects_count() + self.partners_count()
    }
}

/// Resolved filter choices: ids turned into positions once per change, not once per item.
struct Compiled {
    themes: Option<Vec<bool>>,
    provinces: Option<Vec<bool>>,
    kinds: Option<BTreeSet<PartnerKind>>,
    years: Years,
    query: Query,
}

impl Compiled {
    fn new(filters: &Filters, snapshot: &Snapshot, index: &Index) -> Self {
        let positions = |ids: &BTreeSet<String>, kind: ItemKind, len: usize| {
            (!ids.is_empty()).then(|| {
                let mut flags = vec![false; len];
                for item in ids
                    .iter()
                    .filter_map(|id| index.resolve(id))
                    .filter(|item| item.kind == kind)
                {
                    flags[item.index] = true;
                }
                flags
            })
        };
        Compiled {
            themes: positions(&filters.themes, ItemKind::Theme, snapshot.themes.len()),
            provinces: positions(
                &filters.provinces,
                ItemKind::Province,
                snapshot.provinces.len(),
            ),
            kinds: (!filters.kinds.is_empty()).then(|| filters.kinds.clone()),
            years: filters.years,
            query: Query::new(&filters.query),
        }
    }

    fn any(selected: &Option<Vec<bool>>, linked: &[usize]) -> bool {
        selected
            .as_ref()
            .is_none_or(|flags| linked.iter().any(|&i| flags[i]))
    }
}

/// Applies `filters` to every event, project and partner, then to themes and provinces
/// through what they are linked to.
pub fn apply(filters: &Filters, snapshot: &Snapshot, index: &Index) -> Visible {
    let c = Compiled::new(filters, snapshot, index);
    let kind_of = |partner: usize| snapshot.partners[partner].kind;
    let kinds_ok = |partners: &[usize]| {
        c.kinds
            .as_ref()
            .is_none_or(|kinds| partners.iter().any(|&p| kinds.contains(&kind_of(p))))
    };

    // Events and projects pass the same way: years, themes, provinces, partner kinds, search.
    let dated = |kind: ItemKind, years: &[Years]| -> Vec<bool> {
        years
            .iter()
            .enumerate()
            .map(|(i, span)| {
                let item = ItemRef::new(kind, i);
                let links = index.links(item);
                span.overlaps(c.years)
                    && Compiled::any(&c.themes, &links.themes)
                    && Compiled::any(&c.provinces, &links.provinces)
                    && kinds_ok(&links.partners)
                    && c.query.matches(index.search_text(item))
            })
            .collect()
    };
    let events = dated(ItemKind::Event, &index.event_years);
    let projects = dated(ItemKind::Project, &index.project_years);
    let partners: Vec<bool> = (0..snapshot.partners.len())
        .map(|i| {
            let item = ItemRef::new(ItemKind::Partner, i);
            let links = index.links(item);
            let years_ok = c.years == Years::ALL
                || index.partner_years[i].is_some_and(|y| y.overlaps(c.years));
            years_ok
                && Compiled::any(&c.themes, &links.themes)
                && Compiled::any(&c.provinces, &links.provinces)
                && c.kinds
                    .as_ref()
                    .is_none_or(|kinds| kinds.contains(&snapshot.partners[i].kind))
                && c.query.matches(index.search_text(item))
        })
        .collect();

    // A theme or province passes its own facet and is touched by something that passes.
    let touched_by_results = |links: &super::index::Links| {
        links.events.iter().any(|&e| events[e])
            || links.projects.iter().any(|&p| projects[p])
            || links.partners.iter().any(|&p| partners[p])
    };
    let themes = (0..snapshot.themes.len())
        .map(|i| {
            let links = index.links(ItemRef::new(ItemKind::Theme, i));
            c.themes.as_ref().is_none_or(|flags| flags[i])
                && (filters.is_empty() || touched_by_results(links))
        })
        .collect();
    let provinces = (0..snapshot.provinces.len())
        .map(|i| {
            let links = index.links(ItemRef::new(ItemKind::Province, i));
            c.provinces.as_ref().is_none_or(|flags| flags[i])
                && (filters.is_empty() || touched_by_results(links))
        })
        .collect();
    Visible {
        themes,
        partners,
        provinces,
        events,
        projects,
    }
}

/// Counts of what passes the filters among the items linked to one item (a theme card's counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkedCounts {
    pub partners: usize,
    pub events: usize,
    pub projects: usize,
    pub provinces: usize,
}

pub fn linked_counts(item: ItemRef, visible: &Visible, index: &Index) -> LinkedCounts {
    let links = index.links(item);
    let partners: Vec<usize> = links
        .partners
        .iter()
        .copied()
        .filter(|&p| visible.partners[p])
        .collect();
    let events: Vec<usize> = links
        .events
        .iter()
        .copied()
        .filter(|&e| visible.events[e])
        .collect();
    let projects: Vec<usize> = links
        .projects
        .iter()
        .copied()
        .filter(|&p| visible.projects[p])
        .collect();
    let mut provinces = BTreeSet::new();
    for (kind, list) in [
        (ItemKind::Partner, &partners),
        (ItemKind::Event, &events),
        (ItemKind::Project, &projects),
    ] {
        for &i in list {
            provinces.extend(
                index
                    .links(ItemRef::new(kind, i))
                    .provinces
                    .iter()
                    .copied()
                    .filter(|&p| visible.provinces[p]),
            );
        }
    }
    LinkedCounts {
        partners: partners.len(),
        events: events.len(),
        projects: projects.len(),
        provinces: provinces.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_name_nothing_are_dropped_and_the_rest_kept() {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        let filters = Filters {
            themes: [
                "theme-health".to_owned(),
                "theme-nowhere".to_owned(),
                "LA-SV".to_owned(),
            ]
            .into(),
            provinces: [
                "LA-ZZ".to_owned(),
                "LA-SV".to_owned(),
                "theme-health".to_owned(),
            ]
            .into(),
            query: "tb".to_owned(),
            ..Filters::default()
        };
        let known = filters.known(&index);
        assert_eq!(known.themes, ["theme-health".to_owned()].into());
        assert_eq!(known.provinces, ["LA-SV".to_owned()].into());
        assert_eq!(known.query, "tb");
    }
    use proptest::prelude::*;

    use crate::core::shipped_snapshot as shipped;

    #[test]
    fn no_filter_lets_everything_through() {
        let s = shipped();
        let index = Index::build(&s);
        let visible = apply(&Filters::default(), &s, &index);
        assert_eq!(visible.events_count(), s.events.len());
        assert_eq!(visible.projects_count(), s.projects.len());
        assert_eq!(visible.partners_count(), s.partners.len());
        assert_eq!(visible.themes_count(), s.themes.len());
        assert_eq!(visible.provinces_count(), s.provinces.len());
    }

    #[test]
    fn search_finds_events_by_partner_name_and_ignores_case() {
        let s = shipped();
        let index = Index::build(&s);
        let filters = Filters {
            query: "JAPAN".into(),
            ..Filters::default()
        };
        let visible = apply(&filters, &s, &index);
        assert!(visible.events_count() >= 1);
        for (i, event) in s
            .events
            .iter()
            .enumerate()
            .filter(|(i, _)| visible.events[*i])
        {
            let text = index.search_text(ItemRef::new(ItemKind::Event, i));
            assert!(
                text.contains("japan"),
                "{} passed without mentioning Japan",
                event.id
            );
        }
    }

    #[test]
    fn describes_the_active_filters_in_words_for_print() {
        let s = shipped();
        let index = Index::build(&s);
        let filters = Filters {
            themes: ["theme-health".to_owned()].into(),
            provinces: ["LA-SV".to_owned()].into(),
            years: Years {
                from: 2005,
                to: 2026,
            },
            ..Filters::default()
        };
        let words = describe(&filters, &s, &index, crate::core::Lang::En);
        assert_eq!(
            words,
            ["Migration health", "Savannakhet", "Years 2005–2026"]
        );
        assert!(describe(&Filters::default(), &s, &index, crate::core::Lang::En).is_empty());
    }

    #[test]
    fn cited_sources_follow_the_filters() {
        let s = shipped();
        let index = Index::build(&s);
        let all = cited_sources(&s, &apply(&Filters::default(), &s, &index));
        let none = cited_sources(
            &s,
            &apply(
                &Filters {
                    query: "zzzz".into(),
                    ..Filters::default()
                },
                &s,
                &index,
            ),
        );
        assert!(!all.is_empty());
        assert!(none.is_empty());
    }

    #[test]
    fn a_query_that_matches_nothing_leaves_nothing() {
        let s = shipped();
        let index = Index::build(&s);
        let filters = Filters {
            query: "zzzz-no-such-thing".into(),
            ..Filters::default()
        };
        let visible = apply(&filters, &s, &index);
        assert_eq!(visible.total(), 0);
        assert_eq!(visible.themes_count(), 0);
    }

    fn arbitrary_filters(s: &Snapshot) -> impl Strategy<Value = Filters> {
        let themes: Vec<String> = s.themes.iter().map(|t| t.id.clone()).collect();
        let provinces: Vec<String> = s.provinces.iter().map(|p| p.code.clone()).collect();
        (
            proptest::sample::subsequence(themes.clone(), 0..=themes.len()),
            proptest::sample::subsequence(PartnerKind::ALL.to_vec(), 0..=5),
            proptest::sample::subsequence(provinces.clone(), 0..=4),
            2001i32..=2026,
            0i32..=25,
            prop_oneof![
                Just(String::new()),
                Just("migra".to_owned()),
                Just("japan".to_owned()),
                "[a-z]{1,3}"
            ],
        )
            .prop_map(|(themes, kinds, provinces, from, span, query)| Filters {
                themes: themes.into_iter().collect(),
                kinds: kinds.into_iter().collect(),
                provinces: provinces.into_iter().collect(),
                years: Years {
                    from,
                    to: (from + span).min(2026),
                },
                query,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Filtering never returns an item that fails a filter.
        #[test]
        fn every_visible_item_passes_every_filter(filters in arbitrary_filters(&shipped())) {
            let s = shipped();
            let index = Index::build(&s);
            let visible = apply(&filters, &s, &index);
            let query = Query::new(&filters.query);
            let theme_ok = |ids: &[String]| filters.themes.is_empty() || ids.iter().any(|id| filters.themes.contains(id));
            let province_ok = |ids: &[String]| filters.provinces.is_empty() || ids.iter().any(|id| filters.provinces.contains(id));
            let kind_ok = |ids: &[String]| filters.kinds.is_empty()
                || ids.iter().any(|id| s.partners.iter().any(|p| &p.id == id && filters.kinds.contains(&p.kind)));
            for (i, e) in s.events.iter().enumerate().filter(|(i, _)| visible.events[*i]) {
                let to = e.end.map_or(e.date.year, |end| end.year);
                prop_assert!(e.date.year <= filters.years.to && to >= filters.years.from, "{} outside years", e.id);
                prop_assert!(theme_ok(&e.themes) && province_ok(&e.provinces) && kind_ok(&e.partners), "{}", e.id);
                prop_assert!(query.matches(index.search_text(ItemRef::new(ItemKind::Event, i))));
            }
            for (i, p) in s.projects.iter().enumerate().filter(|(i, _)| visible.projects[*i]) {
                let partners: Vec<String> = p.partners.iter().chain(&p.donors).cloned().collect();
                prop_assert!(p.start.year <= filters.years.to, "{}", p.id);
                prop_assert!(p.end.is_none_or(|end| end.year >= filters.years.from), "{}", p.id);
                prop_assert!(theme_ok(&p.themes) && province_ok(&p.provinces) && kind_ok(&partners), "{}", p.id);
                prop_assert!(query.matches(index.search_text(ItemRef::new(ItemKind::Project, i))));
            }
            for (i, p) in s.partners.iter().enumerate().filter(|(i, _)| visible.partners[*i]) {
                prop_assert!(filters.kinds.is_empty() || filters.kinds.contains(&p.kind), "{}", p.id);
                let links = index.links(ItemRef::new(ItemKind::Partner, i));
                let themes: Vec<String> = links.themes.iter().map(|&t| s.themes[t].id.clone()).collect();
                let provinces: Vec<String> = links.provinces.iter().map(|&v| s.provinces[v].code.clone()).collect();
                prop_assert!(theme_ok(&themes) && province_ok(&provinces), "{}", p.id);
                prop_assert!(query.matches(index.search_text(ItemRef::new(ItemKind::Partner, i))));
            }
            for (i, t) in s.themes.iter().enumerate().filter(|(i, _)| visible.themes[*i]) {
                prop_assert!(filters.themes.is_empty() || filters.themes.contains(&t.id));
                let _ = i;
            }
        }

        /// Clearing every filter returns everything, and dropping any one facet never hides
        /// an item that was shown.
        #[test]
        fn loosening_filters_never_hides_an_item(filters in arbitrary_filters(&shipped())) {
            let s = shipped();
            let index = Index::build(&s);
            let before = apply(&filters, &s, &index);
            let loosened = [
                Filters { themes: BTreeSet::new(), ..filters.clone() },
                Filters { kinds: BTreeSet::new(), ..filters.clone() },
                Filters { provinces: BTreeSet::new(), ..filters.clone() },
                Filters { years: Years::ALL, ..filters.clone() },
                Filters { query: String::new(), ..filters.clone() },
            ];
            for looser in loosened {
                let after = apply(&looser, &s, &index);
                for (a, b) in [(&before.events, &after.events), (&before.projects, &after.projects), (&before.partners, &after.partners)] {
                    prop_assert!(a.iter().zip(b).all(|(was, now)| !was || *now));
                }
            }
            let cleared = apply(&Filters::default(), &s, &index);
            prop_assert_eq!(cleared.total(), s.events.len() + s.projects.len() + s.partners.len());
        }
    }
}
