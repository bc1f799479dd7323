//! The rules a snapshot must follow beyond its shape: unique ids, references that resolve,
//! dates inside 2001-2026 and in order, `https:` links only, no empty text, a source for every item.

use std::collections::HashMap;

use super::date::PartialDate;
// What an id names, so that a reference to a partner cannot silently resolve to a theme.
use super::kinds::ItemKind as Kind;
use super::model::*;
use super::num::decimal;
use super::problem::{child, index, Problem};
use super::text::{has_lao_script, LaoStatus, Text};
use super::years::{FIRST_YEAR, LAST_YEAR};

/// The longest label the timeline writes (the issue asks for about 28 characters).
pub const MAX_LABEL_CHARS: usize = 40;
/// Aliases are other names and spellings of one name, not a list of keywords: search copies a
/// partner's into each of its events and projects. The shipped snapshot has at most 4 aliases
/// per item, the longest of 42 characters.
pub const MAX_ALIASES: usize = 20;
pub const MAX_ALIAS_CHARS: usize = 120;

/// Where the items of a snapshot stand in the file it was read from. When an item cannot be
/// read (a shape problem), it is left out of the snapshot, so the items after it have moved
/// up: problems must still name their place in the file.
#[derive(Debug, Default)]
pub struct Places {
    /// Per kind, the index in the file of each item of the snapshot (none: the same index).
    pub positions: HashMap<Kind, Vec<usize>>,
    /// `(kind, id)` of the items left out: references to them count as resolved.
    pub unparsed: Vec<(Kind, String)>,
}

impl Places {
    fn position(&self, kind: Kind, i: usize) -> usize {
        self.positions
            .get(&kind)
            .and_then(|positions| positions.get(i))
            .copied()
            .unwrap_or(i)
    }
}

struct Checker<'a> {
    places: &'a Places,
    /// Every id, with the collection and position in the file where it is first defined (no
    /// position for an item left out for a shape problem).
    ids: HashMap<String, (Kind, Option<usize>)>,
    problems: Vec<Problem>,
}

/// Checks every rule and returns every problem (empty when the snapshot is good).
pub fn validate(snapshot: &Snapshot) -> Vec<Problem> {
    validate_in_file(snapshot, &Places::default())
}

/// [`validate`] for a snapshot read from a file in which some items could not be read.
pub fn validate_in_file(snapshot: &Snapshot, places: &Places) -> Vec<Problem> {
    let mut checker = Checker {
        places,
        ids: HashMap::new(),
        problems: Vec::new(),
    };
    checker.register_ids(snapshot);
    for (kind, id) in &places.unparsed {
        checker.ids.entry(id.clone()).or_insert((*kind, None));
    }
    checker.check_snapshot(snapshot);
    checker.check_references(snapshot);
    checker.problems
}

impl Checker<'_> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// The path of item `i` of `kind`, at its place in the file: `$.events[3]`.
    fn item_path(&self, kind: Kind, i: usize) -> String {
        index(
            &child("$", kind.collection()),
            self.places.position(kind, i),
        )
    }

    fn register_ids(&mut self, s: &Snapshot) {
        for kind in Kind::ALL {
            let info = kind.describe();
            for i in 0..(info.len)(s) {
                let id = (info.id)(s, i);
                let at = self.places.position(kind, i);
                if let Some(message) = id_problem(id) {
                    self.problem(id_path(kind, Some(at)), message);
                    continue;
                }
                match self.ids.get(id) {
                    Some(&(first_kind, first)) => {
                        let first = id_path(first_kind, first);
                        let message = format!("duplicate id \"{id}\" (first defined at {first})");
                        self.problem(id_path(kind, Some(at)), message);
                    }
                    None => {
                        self.ids.insert(id.to_owned(), (kind, Some(at)));
                    }
                }
            }
        }
    }

    /// Every reference field of every item (the kinds table lists them) names an item of the
    /// right kind.
    fn check_references(&mut self, s: &Snapshot) {
        for kind in Kind::ALL {
            let info = kind.describe();
            for i in 0..(info.len)(s) {
                for reference in info.references {
                    let ids = (reference.ids)(s, i);
                    if ids.is_empty() {
                        continue;
                    }
                    let field = child(&self.item_path(kind, i), reference.field);
                    for (j, id) in ids.iter().enumerate() {
                        let problem = match reference.target {
                            Some(target) => self.reference_problem(id, target),
                            None => (!self.ids.contains_key(id))
                                .then(|| format!("\"{id}\" is not the id of any item")),
                        };
                        if let Some(message) = problem {
                            let path = if reference.single {
                                field.clone()
                            } else {
                                index(&field, j)
                            };
                            self.problem(path, message);
                        }
                    }
                }
            }
        }
    }

    fn check_snapshot(&mut self, s: &Snapshot) {
        self.check_story(s);
        if s.snapshot_date.day.is_none() {
            self.problem(
                "$.snapshot_date",
                format!("\"{}\" must be a full date, YYYY-MM-DD", s.snapshot_date),
            );
        }
        self.check_strategy(&s.strategy);
        for (i, item) in s.frameworks.iter().enumerate() {
            let path = self.item_path(Kind::Framework, i);
            self.text(&path, "name", &item.name);
            self.text(&path, "summary", &item.summary);
            self.optional_plain(&path, "short_name", item.short_name.as_deref());
            if let (Some(start), Some(end)) = (&item.start, &item.end) {
                self.order(&path, start, "end", end);
            }
            self.sources(&path, &item.sources);
        }
        for (i, item) in s.themes.iter().enumerate() {
            let path = self.item_path(Kind::Theme, i);
            self.text(&path, "name", &item.name);
            self.text(&path, "summary", &item.summary);
            for (j, target) in item.sdg_targets.iter().enumerate() {
                if !is_sdg_target(target) {
                    self.problem(
                        index(&child(&path, "sdg_targets"), j),
                        format!("\"{target}\" is not an SDG target like \"10.7\""),
                    );
                }
            }
            for (j, objective) in item.gcm_objectives.iter().enumerate() {
                if !(1..=23).contains(objective) {
                    self.problem(index(&child(&path, "gcm_objectives"), j), format!("GCM objective {objective} does not exist; the GCM has objectives 1 to 23"));
                }
            }
            self.sources(&path, &item.sources);
        }
        for (i, item) in s.partners.iter().enumerate() {
            let path = self.item_path(Kind::Partner, i);
            self.text(&path, "name", &item.name);
            self.text(&path, "summary", &item.summary);
            self.optional_plain(&path, "short_name", item.short_name.as_deref());
            self.aliases(&path, &item.aliases);
            self.sources(&path, &item.sources);
        }
        for (i, item) in s.provinces.iter().enumerate() {
            let path = self.item_path(Kind::Province, i);
            self.text(&path, "name", &item.name);
            self.aliases(&path, &item.aliases);
            let LatLon { lat, lon } = item.centroid;
            // Lao PDR lies within about 13.9-22.5 N and 100.1-107.7 E.
            if !(13.5..=23.0).contains(&lat) || !(99.5..=108.0).contains(&lon) {
                self.problem(
                    child(&path, "centroid"),
                    format!("({}, {}) is outside Lao PDR", decimal(lat), decimal(lon)),
                );
            }
            self.sources(&path, &item.sources);
        }
        for (i, item) in s.events.iter().enumerate() {
            let path = self.item_path(Kind::Event, i);
            self.text(&path, "title", &item.title);
            if let Some(label) = &item.label {
                self.text(&path, "label", label);
                for (lang, text) in [("en", Some(label.en.as_str())), ("lo", label.lo.as_deref())] {
                    let length = text.map_or(0, |t| t.chars().count());
                    if length > MAX_LABEL_CHARS {
                        self.problem(
                            child(&child(&path, "label"), lang),
                            format!("{length} characters; a timeline label has at most {MAX_LABEL_CHARS} (the title is the long form)"),
                        );
                    }
                }
            }
            if let Some(importance) = item.importance {
                if !(1..=3).contains(&importance) {
                    self.problem(
                        child(&path, "importance"),
                        format!("{importance} is not 1, 2 or 3"),
                    );
                }
            }
            self.text(&path, "summary", &item.summary);
            self.in_range(&path, "date", &item.date);
            if let Some(end) = &item.end {
                self.in_range(&path, "end", end);
                self.order(&path, &item.date, "end", end);
            }
            if let Some(note) = &item.date_note {
                self.text(&path, "date_note", note);
            }
            self.sources(&path, &item.sources);
        }
        for (i, item) in s.projects.iter().enumerate() {
            let path = self.item_path(Kind::Project, i);
            self.text(&path, "title", &item.title);
            self.text(&path, "summary", &item.summary);
            self.in_range(&path, "start", &item.start);
            if let Some(end) = &item.end {
                self.in_range(&path, "end", end);
                self.order(&path, &item.start, "end", end);
                if item.ongoing {
                    self.problem(
                        child(&path, "ongoing"),
                        "an ongoing project has no end; remove \"end\" or \"ongoing\"",
                    );
                }
            }
            if let Some(note) = &item.date_note {
                self.text(&path, "date_note", note);
            }
            self.sources(&path, &item.sources);
        }
        for (i, item) in s.people.iter().enumerate() {
            let path = self.item_path(Kind::Person, i);
            self.text(&path, "name", &item.name);
            self.aliases(&path, &item.aliases);
            self.text(&path, "role", &item.role);
            self.sources(&path, &item.sources);
        }
        for (i, item) in s.sources.iter().enumerate() {
            let path = self.item_path(Kind::Source, i);
            self.text(&path, "title", &item.title);
            self.text(&path, "publisher", &item.publisher);
            if let Some(message) = link_problem(&item.url) {
                self.problem(child(&path, "url"), message);
            }
            if let Some(note) = &item.note {
                self.text(&path, "note", note);
            }
        }
        for (i, item) in s.notes.iter().enumerate() {
            let path = self.item_path(Kind::Note, i);
            self.text(&path, "title", &item.title);
            self.text(&path, "body", &item.body);
            self.sources(&path, &item.sources);
        }
    }

    fn check_strategy(&mut self, strategy: &Strategy) {
        let path = "$.strategy";
        self.text(path, "title", &strategy.title);
        self.text(path, "vision", &strategy.vision);
        self.text(path, "goal", &strategy.goal);
        self.text(path, "summary", &strategy.summary);
        let YearSpan { start, end } = strategy.period;
        if end < start {
            self.problem(
                "$.strategy.period.end",
                format!("{end} is before the start {start}"),
            );
        }
        for (field, year) in [("start", start), ("end", end)] {
            if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
                self.problem(
                    format!("$.strategy.period.{field}"),
                    format!("{year} is outside {FIRST_YEAR}-{LAST_YEAR}"),
                );
            }
        }
        let launch = &strategy.launch;
        let launch_path = "$.strategy.launch";
        self.in_range(launch_path, "date", &launch.date);
        self.text(launch_path, "venue", &launch.venue);
        self.text(launch_path, "attendance", &launch.attendance);
        self.refs(launch_path, "co_chairs", &launch.co_chairs, Kind::Person);
        self.refs(
            launch_path,
            "with_partners",
            &launch.with_partners,
            Kind::Partner,
        );
        self.sources(launch_path, &launch.sources);
        for (i, alignment) in strategy.alignment.iter().enumerate() {
            let item_path = index("$.strategy.alignment", i);
            self.reference(
                &child(&item_path, "framework"),
                &alignment.framework,
                Kind::Framework,
            );
            self.text(&item_path, "relation", &alignment.relation);
            self.sources(&item_path, &alignment.sources);
        }
        self.sources(path, &strategy.sources);
    }

    /// Every step names an event or a project, cites its sources, and tells its narrative in
    /// both languages.
    fn check_story(&mut self, s: &Snapshot) {
        for (i, step) in s.story.iter().enumerate() {
            let path = index("$.story", i);
            let problem = match self.ids.get(&step.item) {
                Some((Kind::Event | Kind::Project, _)) => None,
                Some((kind, _)) => Some(format!(
                    "\"{}\" is in {}; a story step is about an event or a project",
                    step.item,
                    kind.collection()
                )),
                None => Some(format!("\"{}\" is not the id of any item", step.item)),
            };
            if let Some(message) = problem {
                self.problem(child(&path, "item"), message);
            }
            if let Some(narrative) = &step.narrative {
                self.text(&path, "narrative", narrative);
                if narrative.lo.is_none() {
                    self.problem(
                        child(&path, "narrative"),
                        "a story narrative is told in both languages: add its \"lo\"",
                    );
                }
            }
            self.sources(&path, &step.sources);
        }
    }

    fn text(&mut self, path: &str, field: &str, text: &Text) {
        if text.en.trim().is_empty() {
            self.problem(child(path, field), "empty text; English is required");
        }
        let at = child(path, field);
        match text.lo.as_deref() {
            Some(lo) if lo.trim().is_empty() => self.problem(
                child(&at, "lo"),
                "empty Lao text; leave \"lo\" out to fall back to English",
            ),
            Some(lo) if !has_lao_script(lo) => self.problem(
                child(&at, "lo"),
                format!(
                    "\"{}\" has no Lao letters; \"lo\" holds Lao script",
                    clip(lo)
                ),
            ),
            Some(_) => {}
            None if text.lo_status.is_some() || !text.lo_sources.is_empty() => self.problem(
                at.clone(),
                "\"lo_status\" or \"lo_sources\" without \"lo\"; add the Lao text or remove them",
            ),
            None => {}
        }
        if text.lo.is_none() {
            return;
        }
        let sourced = text.lao_status() == Some(LaoStatus::Sourced);
        if sourced && text.lo_sources.is_empty() {
            self.problem(
                child(&at, "lo_sources"),
                "sourced Lao names no source; list the ids of the sources that publish it",
            );
        }
        if !sourced && !text.lo_sources.is_empty() {
            self.problem(
                child(&at, "lo_status"),
                "\"lo_sources\" is given, so the Lao is sourced: set \"lo_status\": \"sourced\"",
            );
        }
        for (i, id) in text.lo_sources.iter().enumerate() {
            if let Some(message) = self.reference_problem(id, Kind::Source) {
                self.problem(index(&child(&at, "lo_sources"), i), message);
            }
        }
    }

    fn plain(&mut self, path: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem(child(path, field), "empty text");
        }
    }

    fn optional_plain(&mut self, path: &str, field: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.plain(path, field, text);
        }
    }

    fn plain_list(&mut self, path: &str, field: &str, texts: &[String]) {
        let list = child(path, field);
        for (i, text) in texts.iter().enumerate() {
            if text.trim().is_empty() {
                self.problem(index(&list, i), "empty text");
            }
        }
    }

    fn aliases(&mut self, path: &str, aliases: &[String]) {
        self.plain_list(path, "aliases", aliases);
        let list = child(path, "aliases");
        if aliases.len() > MAX_ALIASES {
            self.problem(
                list.clone(),
                format!("{} aliases; an item has at most {MAX_ALIASES} (other names and spellings, not keywords)", aliases.len()),
            );
        }
        for (i, alias) in aliases.iter().enumerate() {
            let length = alias.chars().count();
            if length > MAX_ALIAS_CHARS {
                self.problem(
                    index(&list, i),
                    format!("{length} characters; an alias has at most {MAX_ALIAS_CHARS}"),
                );
            }
        }
    }

    fn in_range(&mut self, path: &str, field: &str, date: &PartialDate) {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year) {
            self.problem(
                child(path, field),
                format!("{date} is outside {FIRST_YEAR}-{LAST_YEAR}"),
            );
        }
    }

    fn order(&mut self, path: &str, start: &PartialDate, field: &str, end: &PartialDate) {
        if !start.may_end_with(end) {
            self.problem(
                child(path, field),
                format!("{end} is before the start {start}"),
            );
        }
    }

    fn sources(&mut self, path: &str, sources: &[String]) {
        if sources.is_empty() {
            self.problem(
                child(path, "sources"),
                "no source; every item must cite at least one source id",
            );
        }
        self.refs(path, "sources", sources, Kind::Source);
    }

    fn refs(&mut self, path: &str, field: &str, ids: &[String], kind: Kind) {
        for (i, id) in ids.iter().enumerate() {
            // Paths are written only for problems: a snapshot has thousands of references.
            if let Some(message) = self.reference_problem(id, kind) {
                self.problem(index(&child(path, field), i), message);
            }
        }
    }

    fn reference(&mut self, path: &str, id: &str, kind: Kind) {
        if let Some(message) = self.reference_problem(id, kind) {
            self.problem(path, message);
        }
    }

    fn reference_problem(&self, id: &str, kind: Kind) -> Option<String> {
        match self.ids.get(id) {
            Some((found, _)) if *found == kind => None,
            Some(&(found, at)) => Some(format!(
                "\"{id}\" is in {} ({}), not in {}",
                found.collection(),
                id_path(found, at),
                kind.collection()
            )),
            None => Some(format!("\"{id}\" does not exist in {}", kind.collection())),
        }
    }
}

/// Where the id of item `i` of a collection is: `$.events[3].id` (provinces have a `code`),
/// or only the collection, `$.events`, for an item left out for a shape problem.
fn id_path(kind: Kind, i: Option<usize>) -> String {
    let collection = child("$", kind.collection());
    let Some(i) = i else { return collection };
    child(&index(&collection, i), kind.describe().id_field)
}

/// Ids appear in URLs (`?item=`), so they are kept to a safe alphabet.
fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("empty id".into());
    }
    if id.len() > 80 {
        return Some(format!("id of {} characters; the limit is 80", id.len()));
    }
    let safe = id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    (!safe).then(|| format!("id \"{id}\" may use only letters, digits, '-', '_' and '.'"))
}

fn is_sdg_target(target: &str) -> bool {
    match target.split_once('.') {
        Some((goal, target)) => {
            goal.parse::<u8>()
                .is_ok_and(|goal| (1..=17).contains(&goal))
                && !target.is_empty()
                && target.len() <= 2
                && target
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        }
        None => false,
    }
}

/// Only absolute `https:` links with a host; nothing that could run script or embed data.
pub fn link_problem(url: &str) -> Option<String> {
    let Some(rest) = url.strip_prefix("https://") else {
        let scheme = url.split_once(':').map(|(scheme, _)| scheme).unwrap_or(url);
        let shown: String = scheme.chars().take(20).collect();
        return Some(format!("only https: links are allowed, found \"{shown}:\""));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!("\"{url}\" is not a valid https: link"));
    }
    None
}

/// The start of a long text, for a message.
fn clip(text: &str) -> String {
    let mut clipped: String = text.chars().take(40).collect();
    if clipped.len() < text.len() {
        clipped.push('…');
    }
    clipped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_must_be_https_with_a_host() {
        assert_eq!(
            link_problem("https://laopdr.iom.int/counter-trafficking"),
            None
        );
        assert!(link_problem("javascript:alert(1)")
            .unwrap()
            .contains("\"javascript:\""));
        assert!(link_problem("http://example.org")
            .unwrap()
            .contains("only https:"));
        assert!(link_problem("data:text/html,hi").is_some());
        assert!(link_problem("https:///path").is_some());
        assert!(link_problem("https://a b").is_some());
    }

    #[test]
    fn sdg_targets_look_like_goal_dot_target() {
        assert!(is_sdg_target("10.7"));
        assert!(is_sdg_target("8.a"));
        assert!(!is_sdg_target("18.1"));
        assert!(!is_sdg_target("10"));
        assert!(!is_sdg_target("10.777"));
    }

    /// Partners, provinces and people: the limits themselves pass, one alias more or one
    /// character more is refused, with the path, the count and the limit.
    #[test]
    fn aliases_are_limited_in_number_and_length() {
        let minimal =
            crate::core::load_snapshot(include_str!("../../tests/fixtures/minimal.json")).unwrap();
        let alias = |i: usize| format!("{i:0>width$}", width = MAX_ALIAS_CHARS);
        let at_limit: Vec<String> = (0..MAX_ALIASES).map(alias).collect();
        let mut s = minimal.clone();
        s.partners[0].aliases = at_limit.clone();
        s.provinces[0].aliases = at_limit.clone();
        s.people[0].aliases = at_limit.clone();
        assert_eq!(validate(&s), Vec::new());

        let mut too_many = at_limit.clone();
        too_many.push(alias(MAX_ALIASES));
        let mut too_long = at_limit;
        too_long[3].push('é');
        s.partners[0].aliases = too_many.clone();
        s.provinces[0].aliases = too_long;
        s.people[0].aliases = too_many;
        let problems: Vec<String> = validate(&s).iter().map(ToString::to_string).collect();
        let count = MAX_ALIASES + 1;
        let length = MAX_ALIAS_CHARS + 1;
        assert_eq!(
            problems,
            [
                format!("$.partners[0].aliases: {count} aliases; an item has at most {MAX_ALIASES} (other names and spellings, not keywords)"),
                format!("$.provinces[0].aliases[3]: {length} characters; an alias has at most {MAX_ALIAS_CHARS}"),
                format!("$.people[0].aliases: {count} aliases; an item has at most {MAX_ALIASES} (other names and spellings, not keywords)"),
            ]
        );
    }

    #[test]
    fn ids_stay_url_safe() {
        assert_eq!(id_problem("theme-health"), None);
        assert!(id_problem("a b").is_some());
        assert!(id_problem("").is_some());
        assert!(id_problem("<script>").is_some());
    }
}
