//! The partner directory's order: every partner sorted once by the chosen column, so that a
//! filter change only picks the visible ones from it (at 100 times the real snapshot, sorting
//! 3,000 names with a lowercase copy per comparison took most of a keystroke).

use super::index::Index;
use super::model::Snapshot;
use super::text::Lang;

/// The directory's sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Kind,
    Years,
}

impl SortKey {
    /// The order after a click on this column's header, from `current` (column, ascending):
    /// the sorted column flips, another column starts ascending.
    pub fn clicked(self, current: (SortKey, bool)) -> (SortKey, bool) {
        match current {
            (key, ascending) if key == self => (key, !ascending),
            _ => (self, true),
        }
    }
}

/// Every partner's index in the order of `key` (names in `lang`, without regard to case; the
/// snapshot's order breaks ties), reversed if not `ascending`. Partners with no dated work sort
/// last by years.
pub fn partner_order(
    s: &Snapshot,
    index: &Index,
    key: SortKey,
    ascending: bool,
    lang: Lang,
) -> Vec<usize> {
    let names: Vec<String> = s
        .partners
        .iter()
        .map(|p| p.name.get(lang).text.to_lowercase())
        .collect();
    let mut order: Vec<usize> = (0..s.partners.len()).collect();
    let years = |i: usize| index.partner_years[i].map_or((i32::MAX, i32::MAX), |y| (y.from, y.to));
    match key {
        SortKey::Name => order.sort_unstable_by(|&a, &b| (&names[a], a).cmp(&(&names[b], b))),
        SortKey::Kind => order.sort_unstable_by(|&a, &b| {
            (s.partners[a].kind, &names[a], a).cmp(&(s.partners[b].kind, &names[b], b))
        }),
        SortKey::Years => {
            order.sort_unstable_by(|&a, &b| (years(a), &names[a], a).cmp(&(years(b), &names[b], b)))
        }
    }
    if !ascending {
        order.reverse();
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_click_flips_its_column_or_starts_another_ascending() {
        assert_eq!(
            SortKey::Name.clicked((SortKey::Name, true)),
            (SortKey::Name, false)
        );
        assert_eq!(
            SortKey::Name.clicked((SortKey::Name, false)),
            (SortKey::Name, true)
        );
        assert_eq!(
            SortKey::Years.clicked((SortKey::Name, false)),
            (SortKey::Years, true)
        );
    }
    use crate::core::synth::{scale, Size};

    use crate::core::shipped_snapshot as shipped;

    #[test]
    fn names_sort_without_regard_to_case_and_each_partner_appears_once() {
        let s = shipped();
        let index = Index::build(&s);
        for lang in [Lang::En, Lang::Lo] {
            let order = partner_order(&s, &index, SortKey::Name, true, lang);
            let mut seen = order.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..s.partners.len()).collect::<Vec<_>>());
            let names: Vec<String> = order
                .iter()
                .map(|&i| s.partners[i].name.get(lang).text.to_lowercase())
                .collect();
            assert!(names.windows(2).all(|w| w[0] <= w[1]), "{lang:?}");
        }
        let down = partner_order(&s, &index, SortKey::Name, false, Lang::En);
        let up = partner_order(&s, &index, SortKey::Name, true, Lang::En);
        assert_eq!(down, up.into_iter().rev().collect::<Vec<_>>());
    }

    #[test]
    fn kinds_group_together_and_undated_partners_sort_last_by_years() {
        let s = shipped();
        let index = Index::build(&s);
        let by_kind = partner_order(&s, &index, SortKey::Kind, true, Lang::En);
        assert!(by_kind
            .windows(2)
            .all(|w| s.partners[w[0]].kind <= s.partners[w[1]].kind));
        let by_years = partner_order(&s, &index, SortKey::Years, true, Lang::En);
        let years: Vec<_> = by_years.iter().map(|&i| index.partner_years[i]).collect();
        let first_undated = years
            .iter()
            .position(Option::is_none)
            .unwrap_or(years.len());
        assert!(years[first_undated..].iter().all(Option::is_none));
        let dated: Vec<_> = years[..first_undated]
            .iter()
            .map(|y| y.map(|y| (y.from, y.to)))
            .collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]));
        assert!(first_undated > 0);
    }

    #[test]
    fn a_hundred_times_the_partners_sort_the_same_way() {
        let s = scale(&shipped(), Size::HUNDRED_TIMES);
        let index = Index::build(&s);
        let order = partner_order(&s, &index, SortKey::Name, true, Lang::En);
        assert_eq!(order.len(), s.partners.len());
        let key = |i: usize| (s.partners[i].name.en.to_lowercase(), i);
        assert!(order.windows(2).all(|w| key(w[0]) < key(w[1])));
    }
}
