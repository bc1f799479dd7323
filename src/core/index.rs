//! Lookups built once when a snapshot loads: ids to items, the links between items in both
//! directions, the years each item covers, and the folded search text of each item.
//! Filtering and the views read this; nothing is rebuilt per keystroke.

use std::collections::{HashMap, HashSet};

use super::kinds::{ItemKind, ItemRef};
use super::model::{Partner, Snapshot};
use super::search::{fold, fold_into};
use super::text::Text;
use super::years::{Years, LAST_YEAR};

/// At most this many bytes of partner text (names, then aliases) are copied into the search
/// text of each event and project. The copies multiply (a partner named by 100 events is
/// copied 100 times), so without a bound a snapshot that passes every check could fill the
/// memory. The shipped snapshot copies at most 1.2 KB into an item, so all of it fits.
pub const MAX_PARTNER_TEXT_BYTES: usize = 4 * 1024;

/// Everything an item is linked to, in both directions (a theme lists the events that name it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    pub themes: Vec<usize>,
    pub partners: Vec<usize>,
    pub provinces: Vec<usize>,
    pub events: Vec<usize>,
    pub projects: Vec<usize>,
    pub people: Vec<usize>,
    pub frameworks: Vec<usize>,
    pub notes: Vec<usize>,
}

impl Links {
    /// The same links, with the events and projects in date order (the details panel's lists).
    pub fn in_date_order(&self, s: &Snapshot) -> Links {
        let mut links = self.clone();
        links.events.sort_by_key(|&e| (s.events[e].date, e));
        links.projects.sort_by_key(|&p| (s.projects[p].start, p));
        links
    }

    fn list(&mut self, kind: ItemKind) -> Option<&mut Vec<usize>> {
        Some(match kind {
            ItemKind::Theme => &mut self.themes,
            ItemKind::Partner => &mut self.partners,
            ItemKind::Province => &mut self.provinces,
            ItemKind::Event => &mut self.events,
            ItemKind::Project => &mut self.projects,
            ItemKind::Person => &mut self.people,
            ItemKind::Framework => &mut self.frameworks,
            ItemKind::Note => &mut self.notes,
            ItemKind::Source => return None,
        })
    }

    /// Adds a link the index has not made yet (`Index::link_pair` makes each once), so no
    /// list is searched.
    fn add(&mut self, kind: ItemKind, index: usize) {
        if let Some(list) = self.list(kind) {
            list.push(index);
        }
    }
}

pub struct Index {
    ids: HashMap<String, ItemRef>,
    links: HashMap<ItemKind, Vec<Links>>,
    /// Folded text per item, for search.
    search: HashMap<ItemKind, Vec<String>>,
    /// Years each event and project covers; a project with no known end runs to 2026 here,
    /// so that filtering by year does not hide it.
    pub event_years: Vec<Years>,
    pub project_years: Vec<Years>,
    /// Years in which each partner appears in a dated event or project (None: in none).
    pub partner_years: Vec<Option<Years>>,
    /// How many pairs linking looked at, for the test that linking stays linear.
    #[cfg(test)]
    link_steps: usize,
}

fn push_text(out: &mut String, text: &Text) {
    for version in text.all() {
        fold_into(version, out);
        out.push('\n');
    }
}

fn push_str(out: &mut String, text: &str) {
    fold_into(text, out);
    out.push('\n');
}

/// The folded lines of a partner that its events and projects copy into their search text.
struct PartnerLines {
    /// Its name in each language and its short name.
    names: Vec<String>,
    aliases: Vec<String>,
}

impl PartnerLines {
    fn new(partner: &Partner) -> Self {
        let names = partner.name.all().chain(partner.short_name.as_deref());
        PartnerLines {
            names: names.map(fold).collect(),
            aliases: partner.aliases.iter().map(|alias| fold(alias)).collect(),
        }
    }
}

/// Copies the lines of `partners` into `out` while they fit in MAX_PARTNER_TEXT_BYTES: every
/// name first, then the aliases, so that an item is found by the names of all its partners
/// before the aliases of any. A line that does not fit is left out whole, not cut.
fn copy_partner_lines(out: &mut String, partners: &[usize], lines: &[PartnerLines]) {
    let names = partners.iter().flat_map(|&p| &lines[p].names);
    let aliases = partners.iter().flat_map(|&p| &lines[p].aliases);
    let mut left = MAX_PARTNER_TEXT_BYTES;
    for line in names.chain(aliases) {
        if line.len() < left {
            out.push_str(line);
            out.push('\n');
            left -= line.len() + 1;
        }
    }
}

impl Index {
    pub fn build(s: &Snapshot) -> Self {
        let mut ids = HashMap::new();
        for kind in ItemKind::ALL {
            let info = kind.describe();
            for i in 0..(info.len)(s) {
                ids.insert((info.id)(s, i).to_owned(), ItemRef::new(kind, i));
            }
        }

        let mut index = Index {
            ids,
            links: HashMap::new(),
            search: HashMap::new(),
            event_years: Vec::new(),
            project_years: Vec::new(),
            partner_years: Vec::new(),
            #[cfg(test)]
            link_steps: 0,
        };
        for kind in ItemKind::ALL {
            if kind != ItemKind::Source {
                let len = (kind.describe().len)(s);
                index.links.insert(kind, vec![Links::default(); len]);
            }
        }
        index.link_all(s);
        index.compute_years(s);
        index.build_search(s);
        index
    }

    /// Links `a` and `b` both ways, unless they are linked already. `linked` holds every pair
    /// linked so far: looking through the lists instead (`Vec::contains`) made building
    /// quadratic: 20,000 events naming one theme were 200 million steps.
    fn link_pair(&mut self, a: ItemRef, b: ItemRef, linked: &mut HashSet<(ItemRef, ItemRef)>) {
        #[cfg(test)]
        {
            self.link_steps += 1;
        }
        if !linked.insert((a.min(b), a.max(b))) {
            return;
        }
        if let Some(links) = self.links.get_mut(&a.kind) {
            links[a.index].add(b.kind, b.index);
        }
        if b == a {
            return;
        }
        if let Some(links) = self.links.get_mut(&b.kind) {
            links[b.index].add(a.kind, a.index);
        }
    }

    /// Links every item to what its reference fields name (the kinds table lists them).
    fn link_all(&mut self, s: &Snapshot) {
        let mut linked = HashSet::new();
        for kind in ItemKind::ALL {
            let info = kind.describe();
            for i in 0..(info.len)(s) {
                for reference in info.references {
                    for id in (reference.ids)(s, i) {
                        if let Some(&b) = self.ids.get(id) {
                            self.link_pair(ItemRef::new(kind, i), b, &mut linked);
                        }
                    }
                }
            }
        }
    }

    fn compute_years(&mut self, s: &Snapshot) {
        self.event_years = s
            .events
            .iter()
            .map(|e| Years {
                from: e.date.year,
                to: e.end.map_or(e.date.year, |end| end.year),
            })
            .collect();
        self.project_years = s
            .projects
            .iter()
            .map(|p| Years {
                from: p.start.year,
                to: p.end.map_or(LAST_YEAR, |end| end.year),
            })
            .collect();
        self.partner_years = (0..s.partners.len())
            .map(|i| {
                let links = &self.links[&ItemKind::Partner][i];
                let events = links.events.iter().map(|&e| self.event_years[e]);
                let projects = links.projects.iter().map(|&p| self.project_years[p]);
                events.chain(projects).reduce(Years::widen)
            })
            .collect();
    }

    fn build_search(&mut self, s: &Snapshot) {
        let partner_lines: Vec<PartnerLines> = s.partners.iter().map(PartnerLines::new).collect();

        let themes = s
            .themes
            .iter()
            .map(|t| {
                let mut out = String::new();
                push_text(&mut out, &t.name);
                push_text(&mut out, &t.summary);
                out
            })
            .collect();
        let partners = s
            .partners
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let lines = &partner_lines[i];
                let mut out = String::new();
                for line in lines.names.iter().chain(&lines.aliases) {
                    out.push_str(line);
                    out.push('\n');
                }
                push_text(&mut out, &p.summary);
                out
            })
            .collect();
        let provinces = s
            .provinces
            .iter()
            .map(|p| {
                let mut out = String::new();
                push_text(&mut out, &p.name);
                p.aliases.iter().for_each(|alias| push_str(&mut out, alias));
                push_str(&mut out, &p.code);
                out
            })
            .collect();
        let events = s
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut out = String::new();
                push_text(&mut out, &e.title);
                push_text(&mut out, &e.summary);
                let partners = &self.links[&ItemKind::Event][i].partners;
                copy_partner_lines(&mut out, partners, &partner_lines);
                out
            })
            .collect();
        let projects = s
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut out = String::new();
                push_text(&mut out, &p.title);
                push_text(&mut out, &p.summary);
                let partners = &self.links[&ItemKind::Project][i].partners;
                copy_partner_lines(&mut out, partners, &partner_lines);
                out
            })
            .collect();
        let people = s
            .people
            .iter()
            .map(|p| {
                let mut out = String::new();
                push_text(&mut out, &p.name);
                p.aliases.iter().for_each(|alias| push_str(&mut out, alias));
                push_text(&mut out, &p.role);
                out
            })
            .collect();
        self.search.insert(ItemKind::Theme, themes);
        self.search.insert(ItemKind::Partner, partners);
        self.search.insert(ItemKind::Province, provinces);
        self.search.insert(ItemKind::Event, events);
        self.search.insert(ItemKind::Project, projects);
        self.search.insert(ItemKind::Person, people);
    }

    /// The item an id names, if any.
    pub fn resolve(&self, id: &str) -> Option<ItemRef> {
        self.ids.get(id).copied()
    }

    /// What `item` is linked to (empty for sources).
    pub fn links(&self, item: ItemRef) -> &Links {
        static NONE: Links = Links {
            themes: Vec::new(),
            partners: Vec::new(),
            provinces: Vec::new(),
            events: Vec::new(),
            projects: Vec::new(),
            people: Vec::new(),
            frameworks: Vec::new(),
            notes: Vec::new(),
        };
        self.links
            .get(&item.kind)
            .and_then(|links| links.get(item.index))
            .unwrap_or(&NONE)
    }

    /// The folded search text of `item` (empty for kinds that are not searched).
    pub fn search_text(&self, item: ItemRef) -> &str {
        self.search
            .get(&item.kind)
            .and_then(|texts| texts.get(item.index))
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_events_and_projects_can_be_listed_in_date_order() {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        let theme = ItemRef::new(ItemKind::Theme, 0);
        let links = index.links(theme).in_date_order(&s);
        assert_eq!(links.events.len(), index.links(theme).events.len());
        assert!(links.events.len() > 1);
        for pair in links.events.windows(2) {
            assert!(s.events[pair[0]].date <= s.events[pair[1]].date);
        }
        for pair in links.projects.windows(2) {
            assert!(s.projects[pair[0]].start <= s.projects[pair[1]].start);
        }
    }
    use crate::core::load_snapshot;
    use crate::core::validate::{validate, MAX_ALIASES, MAX_ALIAS_CHARS};

    fn minimal() -> Snapshot {
        load_snapshot(include_str!("../../tests/fixtures/minimal.json")).unwrap()
    }

    #[test]
    fn links_go_both_ways() {
        let s = minimal();
        let index = Index::build(&s);
        let theme = index.resolve("theme-health").unwrap();
        let event = index.resolve("ev-launch").unwrap();
        assert_eq!(index.links(theme).events, vec![event.index]);
        assert_eq!(index.links(event).themes, vec![theme.index]);
        let province = index.resolve("LA-VT").unwrap();
        assert_eq!(province.kind, ItemKind::Province);
        assert!(index.links(province).partners.contains(&0));
    }

    #[test]
    fn events_are_found_by_the_names_of_their_partners() {
        let s = minimal();
        let index = Index::build(&s);
        let event = index.resolve("ev-launch").unwrap();
        assert!(index
            .search_text(event)
            .contains("ministry of planning and investment"));
        assert!(index.search_text(event).contains("mpi"));
    }

    /// The total size of the search text of every item.
    fn search_bytes(index: &Index) -> usize {
        index.search.values().flatten().map(String::len).sum()
    }

    /// 1,000 events and a project name the same ten partners, each with as many aliases as
    /// it may have, all as long as they may be: the snapshot passes every check, each event
    /// and project copies at most MAX_PARTNER_TEXT_BYTES of its partners, and the partners'
    /// names, which come first, are all copied.
    #[test]
    fn what_events_copy_from_their_partners_is_bounded() {
        let mut s = minimal();
        let partner = s.partners[0].clone();
        s.partners = (0..10)
            .map(|i| {
                let mut copy = partner.clone();
                if i > 0 {
                    copy.id = format!("p-mpi-{i}");
                }
                copy.name = Text::en(format!("Partner number {i}"));
                copy.aliases = (0..MAX_ALIASES)
                    .map(|j| format!("{i}-{j:0>width$}", width = MAX_ALIAS_CHARS - 2))
                    .collect();
                copy
            })
            .collect();
        let ids: Vec<String> = s.partners.iter().map(|p| p.id.clone()).collect();
        let event = s.events[0].clone();
        s.events = (0..1_000)
            .map(|i| {
                let mut copy = event.clone();
                if i > 0 {
                    copy.id = format!("ev-{i}");
                }
                copy.partners = ids.clone();
                copy
            })
            .collect();
        s.projects[0].partners = ids.clone();
        assert_eq!(validate(&s), Vec::new());

        let mut bare = s.clone();
        bare.events.iter_mut().for_each(|e| e.partners.clear());
        bare.projects.iter_mut().for_each(|p| {
            p.partners.clear();
            p.donors.clear();
        });
        let copying = s.events.len() + s.projects.len();
        let bound = search_bytes(&Index::build(&bare)) + copying * MAX_PARTNER_TEXT_BYTES;
        let index = Index::build(&s);
        assert!(
            search_bytes(&index) <= bound,
            "{} bytes of search text; at most {bound}",
            search_bytes(&index)
        );
        for item in [
            ItemRef::new(ItemKind::Event, 999),
            ItemRef::new(ItemKind::Project, 0),
        ] {
            for i in 0..10 {
                let name = format!("partner number {i}\n");
                assert!(index.search_text(item).contains(&name), "{item:?} {i}");
            }
        }
    }

    /// The shipped snapshot fits the bound: every event and project is found by every name,
    /// short name and alias of its partners.
    #[test]
    fn shipped_events_and_projects_carry_all_their_partners_names() {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        for kind in [ItemKind::Event, ItemKind::Project] {
            for i in 0..(kind.describe().len)(&s) {
                let item = ItemRef::new(kind, i);
                let text = index.search_text(item);
                for &p in &index.links(item).partners {
                    let partner = &s.partners[p];
                    let names = partner.name.all().chain(partner.short_name.as_deref());
                    for name in names.chain(partner.aliases.iter().map(String::as_str)) {
                        assert!(text.contains(&fold(name)), "{kind:?} {i}: {name}");
                    }
                }
            }
        }
    }

    /// A list keeps the order its links were first made in (an event's partners as the editors
    /// wrote them, not sorted), and names an item once however often it is referenced, even
    /// an item that names itself.
    #[test]
    fn links_keep_their_first_order_and_appear_once() {
        let mut s = minimal();
        let mut second = s.partners[0].clone();
        second.id = "p-second".into();
        s.partners.push(second);
        s.events[0].partners = ["p-second", "p-mpi", "p-second", "p-mpi"]
            .map(String::from)
            .to_vec();
        let note = s.notes[0].id.clone();
        s.notes[0].about = vec![note.clone(), note.clone(), "ev-launch".into()];
        let index = Index::build(&s);
        let event = index.resolve("ev-launch").unwrap();
        assert_eq!(index.links(event).partners, vec![1, 0]);
        let note = index.resolve(&note).unwrap();
        assert_eq!(index.links(note).notes, vec![note.index]);
        assert_eq!(index.links(note).events, vec![event.index]);
        assert_eq!(index.links(event).notes, vec![note.index]);
    }

    /// Every reference resolved while linking (what a linear linker may look at once each).
    fn references(s: &Snapshot) -> usize {
        ItemKind::ALL
            .into_iter()
            .map(|kind| {
                let info = kind.describe();
                (0..(info.len)(s))
                    .map(|i| {
                        info.references
                            .iter()
                            .map(|reference| (reference.ids)(s, i).len())
                            .sum::<usize>()
                    })
                    .sum::<usize>()
            })
            .sum()
    }

    /// 20,000 events that each name one theme twice (and the same partner, province and
    /// person): the theme lists each event once, in order, and linking looks at one pair per
    /// reference. Looking through the lists instead was a billion steps. Counted, not timed.
    #[test]
    fn linking_stays_linear_when_thousands_of_events_share_a_theme() {
        let mut s = minimal();
        let event = s.events[0].clone();
        s.events = (0..20_000)
            .map(|i| {
                let mut copy = event.clone();
                copy.id = format!("ev-{i}");
                copy.themes = vec!["theme-health".into(); 2];
                copy
            })
            .collect();
        let index = Index::build(&s);
        let theme = index.resolve("theme-health").unwrap();
        let events: Vec<usize> = (0..20_000).collect();
        assert_eq!(index.links(theme).events, events);
        for i in [0, 19_999] {
            let event = ItemRef::new(ItemKind::Event, i);
            assert_eq!(index.links(event).themes, vec![theme.index]);
        }
        let budget = 2 * references(&s);
        assert!(
            index.link_steps <= budget,
            "{} steps for {} references",
            index.link_steps,
            references(&s)
        );
    }

    #[test]
    fn partners_appear_in_the_years_of_their_events_and_projects() {
        let s = minimal();
        let index = Index::build(&s);
        assert_eq!(
            index.partner_years[0],
            Some(Years {
                from: 2020,
                to: 2022
            })
        );
    }
}
