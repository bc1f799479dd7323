//! The public URL contract (README, "URL state"): every view and choice lives in the query
//! string, e.g. `?view=timeline&theme=theme-health,theme-border&province=LA-SV&from=2015&q=tb&lang=lo&item=ev-launch`.
//! Unknown or malformed parameters are ignored and the rest still applies; parsing never fails.

use super::filter::Filters;
use super::model::PartnerKind;
use super::text::Lang;
use super::years::{End, Years};
use super::years::{FIRST_YEAR, LAST_YEAR};

/// The explorer's views, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Story,
    Themes,
    Timeline,
    Map,
    Partners,
    Sources,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Overview,
        View::Story,
        View::Themes,
        View::Timeline,
        View::Map,
        View::Partners,
        View::Sources,
    ];

    pub fn code(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Story => "story",
            View::Themes => "themes",
            View::Timeline => "timeline",
            View::Map => "map",
            View::Partners => "partners",
            View::Sources => "sources",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|view| view.code() == code)
    }
}

/// Everything the address bar remembers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub view: View,
    pub lang: Lang,
    /// Id of the item whose details are open.
    pub item: Option<String>,
    /// A snapshot path in the explorer's folder, for previews of a new snapshot (see README).
    pub snapshot: Option<String>,
    pub filters: Filters,
    /// Iframe mode (`embed=1`): no page header or footer; the height is posted to the parent.
    pub embed: bool,
    /// The story's step, 1-based as the URL writes it (`step=3`); kept only in the story view.
    pub step: Option<usize>,
}

const MAX_PARAM_CHARS: usize = 200;

impl UrlState {
    /// Reads a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> Self {
        let mut state = UrlState::default();
        let (mut from, mut to) = (None, None);
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            // Too long, or not valid percent-encoded UTF-8 (decoding put U+FFFD in it): ignored.
            if value.chars().count() > MAX_PARAM_CHARS || value.contains('\u{FFFD}') {
                continue;
            }
            match key.as_ref() {
                "view" => state.view = View::from_code(&value).unwrap_or(state.view),
                "lang" => state.lang = Lang::from_code(&value).unwrap_or(state.lang),
                "item" if is_plausible_id(&value) => state.item = Some(value.into_owned()),
                "snapshot" if is_preview_path(&value) => state.snapshot = Some(value.into_owned()),
                "theme" => state.filters.themes.extend(ids(&value)),
                "province" => state.filters.provinces.extend(ids(&value)),
                "partner_kind" => state.filters.kinds.extend(
                    value
                        .split(',')
                        .filter_map(|code| PartnerKind::from_code(code.trim())),
                ),
                "from" => from = year(&value).or(from),
                "to" => to = year(&value).or(to),
                "q" => state.filters.query = value.into_owned(),
                "embed" => state.embed = value == "1",
                "step" => state.step = value.parse().ok().filter(|&step| step >= 1).or(state.step),
                _ => {}
            }
        }
        // The same rule as the year controls: `from` is set, then `to`, which wins if the two
        // cross (`from=2020&to=2010` is the year 2010).
        let mut years = Years::ALL;
        if let Some(from) = from {
            years = years.with(End::From, from);
        }
        if let Some(to) = to {
            years = years.with(End::To, to);
        }
        state.filters.years = years;
        state
    }

    /// The query string (with `?`, or empty), leaving out defaults so links stay short.
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if self.view != View::default() {
            query.append_pair("view", self.view.code());
        }
        if self.lang != Lang::default() {
            query.append_pair("lang", self.lang.code());
        }
        if let (View::Story, Some(step)) = (self.view, self.step) {
            query.append_pair("step", &step.to_string());
        }
        let join = |ids: &mut dyn Iterator<Item = &str>| ids.collect::<Vec<_>>().join(",");
        let f = &self.filters;
        if !f.themes.is_empty() {
            query.append_pair("theme", &join(&mut f.themes.iter().map(String::as_str)));
        }
        if !f.kinds.is_empty() {
            query.append_pair(
                "partner_kind",
                &join(&mut f.kinds.iter().map(|kind| kind.code())),
            );
        }
        if !f.provinces.is_empty() {
            query.append_pair(
                "province",
                &join(&mut f.provinces.iter().map(String::as_str)),
            );
        }
        if f.years.from != FIRST_YEAR {
            query.append_pair("from", &f.years.from.to_string());
        }
        if f.years.to != LAST_YEAR {
            query.append_pair("to", &f.years.to.to_string());
        }
        if !f.query.is_empty() {
            query.append_pair("q", &f.query);
        }
        if let Some(item) = &self.item {
            query.append_pair("item", item);
        }
        if let Some(snapshot) = &self.snapshot {
            query.append_pair("snapshot", snapshot);
        }
        if self.embed {
            query.append_pair("embed", "1");
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

/// Whether the query string names `key` at all (valid or not).
pub fn has_param(query: &str, key: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).any(|(name, _)| name == key)
}

/// Comma-separated ids; implausible ones are dropped, at most 50.
fn ids(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .map(str::trim)
        .filter(|id| is_plausible_id(id))
        .take(50)
        .map(str::to_owned)
}

/// A year inside the explorer's range.
fn year(value: &str) -> Option<i32> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|year| (FIRST_YEAR..=LAST_YEAR).contains(year))
}

fn is_plausible_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// Only a plain path to a `.json` file in the explorer's own folder or below it: a shared link
/// cannot make the page show content from somewhere else, nor reach another file on the site
/// through `..`, `/`, a query, a fragment or a second layer of percent-encoding
/// (`a.txt%23.json`, `x?.json`).
pub fn is_preview_path(value: &str) -> bool {
    value.ends_with(".json")
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
        && value
            .split('/')
            .all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_view_language_and_item() {
        let state = UrlState::parse("?view=timeline&lang=lo&item=ev-launch");
        assert_eq!(state.view, View::Timeline);
        assert_eq!(state.lang, Lang::Lo);
        assert_eq!(state.item.as_deref(), Some("ev-launch"));
    }

    #[test]
    fn unknown_and_malformed_parameters_are_ignored_and_the_rest_applies() {
        let state =
            UrlState::parse("view=nowhere&lang=fr&%ZZ=1&item=<script>&utm_source=x&view=map");
        assert_eq!(state.view, View::Map);
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.item, None);
    }

    #[test]
    fn snapshot_parameter_is_limited_to_same_origin_json_paths() {
        assert_eq!(
            UrlState::parse("snapshot=data/test.json")
                .snapshot
                .as_deref(),
            Some("data/test.json")
        );
        assert_eq!(
            UrlState::parse("snapshot=previews/2026-12/test_2.json")
                .snapshot
                .as_deref(),
            Some("previews/2026-12/test_2.json")
        );
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "javascript:x.json",
            "data/x.txt",
            // Other files on the site, through a path that only ends in `.json`.
            "../../uploads/a.txt#.json",
            "../../uploads/a.txt%23.json",
            "data/../uploads/a.json",
            "./data/x.json",
            "data//x.json",
            "/logout?destination=https%3A%2F%2Fevil%2Fx.json",
            "x?.json",
            "/data/x.json",
            "data/x.json?v=1",
            "data\\x.json",
            "data/x y.json",
            ".json/",
        ] {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("snapshot", bad)
                .finish();
            assert_eq!(UrlState::parse(&query).snapshot, None, "{bad}");
        }
    }

    #[test]
    fn reads_the_shared_filters() {
        let state = UrlState::parse("theme=theme-health,theme-border&partner_kind=un,donor,nope&province=LA-SV&from=2015&to=2020&q=tb%20project");
        let f = &state.filters;
        assert_eq!(
            f.themes.iter().map(String::as_str).collect::<Vec<_>>(),
            ["theme-border", "theme-health"]
        );
        assert_eq!(
            f.kinds.iter().copied().collect::<Vec<_>>(),
            [PartnerKind::Un, PartnerKind::Donor]
        );
        assert_eq!(
            f.provinces.iter().map(String::as_str).collect::<Vec<_>>(),
            ["LA-SV"]
        );
        assert_eq!(
            f.years,
            Years {
                from: 2015,
                to: 2020
            }
        );
        assert_eq!(f.query, "tb project");
    }

    #[test]
    fn years_outside_the_range_are_ignored_and_crossed_years_meet_at_to() {
        assert_eq!(
            UrlState::parse("from=1990&to=2099").filters.years,
            Years::ALL
        );
        assert_eq!(
            UrlState::parse("to=2010&from=2020").filters.years,
            Years {
                from: 2010,
                to: 2010
            }
        );
        assert_eq!(
            UrlState::parse("from=2020").filters.years,
            Years {
                from: 2020,
                to: 2026
            }
        );
        assert_eq!(UrlState::parse("from=abc").filters.years, Years::ALL);
    }

    #[test]
    fn defaults_give_an_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
    }

    #[test]
    fn a_value_that_does_not_decode_is_ignored() {
        let state = UrlState::parse("view=themes&q=%E0%A4&lang=lo");
        assert_eq!(state.filters.query, "");
        assert_eq!((state.view, state.lang), (View::Themes, Lang::Lo));
        // Valid Lao still decodes.
        let lao = UrlState::parse("q=%E0%BA%AA%E0%BA%9B%E0%BA%9B");
        assert_eq!(lao.filters.query, "ສປປ");
    }

    #[test]
    fn the_story_keeps_its_step_and_other_views_drop_it() {
        let story = UrlState::parse("view=story&step=3&lang=lo");
        assert_eq!((story.view, story.step), (View::Story, Some(3)));
        assert_eq!(story.to_query(), "?view=story&lang=lo&step=3");
        for bad in ["step=0", "step=-1", "step=two", "step="] {
            assert_eq!(
                UrlState::parse(&format!("view=story&{bad}")).step,
                None,
                "{bad}"
            );
        }
        let elsewhere = UrlState::parse("view=map&step=3");
        assert_eq!(elsewhere.to_query(), "?view=map");
    }

    proptest! {
        #[test]
        fn any_string_parses_without_panic(query in ".*") {
            let _ = UrlState::parse(&query);
        }

        #[test]
        fn a_written_state_reads_back_the_same(
            view in 0usize..View::ALL.len(),
            step in proptest::option::of(1usize..40),
            lo in any::<bool>(),
            item in proptest::option::of("[a-z0-9-]{1,20}"),
            themes in proptest::collection::btree_set("theme-[a-z]{1,8}", 0..4),
            kinds in proptest::sample::subsequence(PartnerKind::ALL.to_vec(), 0..=5),
            provinces in proptest::collection::btree_set("LA-[A-Z]{2}", 0..4),
            from in 2001i32..=2026,
            span in 0i32..=25,
            // Not U+FFFD: the mark of a value that did not decode, which parsing ignores.
            query in "[^\\p{C}\\u{FFFD}]{0,30}",
        ) {
            let state = UrlState {
                view: View::ALL[view],
                lang: if lo { Lang::Lo } else { Lang::En },
                item,
                snapshot: None,
                embed: view % 2 == 1,
                // The step is kept in the story only.
                step: step.filter(|_| View::ALL[view] == View::Story),
                filters: Filters {
                    themes,
                    kinds: kinds.into_iter().collect(),
                    provinces,
                    years: Years { from, to: (from + span).min(2026) },
                    query,
                },
            };
            prop_assert_eq!(UrlState::parse(&state.to_query()), state);
        }
    }
}
