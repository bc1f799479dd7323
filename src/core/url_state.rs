//! The public URL contract (README, "URL state"): every view and choice lives in the query
//! string, e.g. `?view=timeline&lang=lo&item=ev-launch`. Unknown or malformed parameters are
//! ignored and the rest still applies; parsing never fails.

use super::text::Lang;

/// The explorer's views, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Themes,
    Timeline,
    Map,
    Partners,
    Sources,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Overview,
        View::Themes,
        View::Timeline,
        View::Map,
        View::Partners,
        View::Sources,
    ];

    pub fn code(self) -> &'static str {
        match self {
            View::Overview => "overview",
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
    /// A same-origin snapshot path, for previews of a new snapshot (see README).
    pub snapshot: Option<String>,
}

const MAX_PARAM_CHARS: usize = 200;

impl UrlState {
    /// Reads a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> Self {
        let mut state = UrlState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if value.chars().count() > MAX_PARAM_CHARS {
                continue;
            }
            match key.as_ref() {
                "view" => state.view = View::from_code(&value).unwrap_or(state.view),
                "lang" => state.lang = Lang::from_code(&value).unwrap_or(state.lang),
                "item" if is_plausible_id(&value) => state.item = Some(value.into_owned()),
                "snapshot" if is_same_origin_path(&value) => {
                    state.snapshot = Some(value.into_owned())
                }
                _ => {}
            }
        }
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
        if let Some(item) = &self.item {
            query.append_pair("item", item);
        }
        if let Some(snapshot) = &self.snapshot {
            query.append_pair("snapshot", snapshot);
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

fn is_plausible_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// Only relative paths on the explorer's own site: a shared link cannot make the page show
/// content from somewhere else.
fn is_same_origin_path(value: &str) -> bool {
    !value.is_empty()
        && !value.starts_with("//")
        && !value.contains(':')
        && !value.contains('\\')
        && value.ends_with(".json")
        && value.bytes().all(|b| b.is_ascii_graphic())
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
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "javascript:x.json",
            "data/x.txt",
        ] {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("snapshot", bad)
                .finish();
            assert_eq!(UrlState::parse(&query).snapshot, None, "{bad}");
        }
    }

    #[test]
    fn defaults_give_an_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
    }

    proptest! {
        #[test]
        fn any_string_parses_without_panic(query in ".*") {
            let _ = UrlState::parse(&query);
        }

        #[test]
        fn a_written_state_reads_back_the_same(view in 0usize..6, lo in any::<bool>(), item in proptest::option::of("[a-z0-9-]{1,20}")) {
            let state = UrlState {
                view: View::ALL[view],
                lang: if lo { Lang::Lo } else { Lang::En },
                item,
                snapshot: None,
            };
            prop_assert_eq!(UrlState::parse(&state.to_query()), state);
        }
    }
}
