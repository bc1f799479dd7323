//! The three checkbox facets of the filters (thematic areas, partner kinds, provinces): what is
//! chosen in each, and the one rule for turning a choice on or off, used by the filter bar's
//! checkboxes and by the map's provinces alike.

use std::collections::BTreeSet;

use super::filter::Filters;
use super::i18n::Msg;
use super::model::PartnerKind;

/// A checkbox facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Themes,
    Kinds,
    Provinces,
}

/// The choices of the three facets (the filters without the search and the years), so that
/// what shows them is not woken by typing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    pub themes: BTreeSet<String>,
    pub kinds: BTreeSet<PartnerKind>,
    pub provinces: BTreeSet<String>,
}

impl Facets {
    pub fn of(filters: &Filters) -> Self {
        Facets {
            themes: filters.themes.clone(),
            kinds: filters.kinds.clone(),
            provinces: filters.provinces.clone(),
        }
    }

    /// How many choices of `facet` are on.
    pub fn count(&self, facet: Facet) -> usize {
        match facet {
            Facet::Themes => self.themes.len(),
            Facet::Kinds => self.kinds.len(),
            Facet::Provinces => self.provinces.len(),
        }
    }

    /// Whether the choice `code` (a theme id, a partner kind's code, a province code) is on.
    pub fn is_on(&self, facet: Facet, code: &str) -> bool {
        match facet {
            Facet::Themes => self.themes.contains(code),
            Facet::Kinds => PartnerKind::from_code(code).is_some_and(|k| self.kinds.contains(&k)),
            Facet::Provinces => self.provinces.contains(code),
        }
    }
}

impl Facet {
    pub fn legend(self) -> Msg {
        match self {
            Facet::Themes => Msg::FilterThemes,
            Facet::Kinds => Msg::FilterKinds,
            Facet::Provinces => Msg::FilterProvinces,
        }
    }
}

impl Filters {
    /// Turns the choice `code` of `facet` on if it is off, off if it is on. A code that names
    /// no partner kind changes nothing.
    pub fn toggle(&mut self, facet: Facet, code: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, value: T) {
            if !set.remove(&value) {
                set.insert(value);
            }
        }
        match facet {
            Facet::Themes => flip(&mut self.themes, code.to_owned()),
            Facet::Kinds => {
                if let Some(kind) = PartnerKind::from_code(code) {
                    flip(&mut self.kinds, kind);
                }
            }
            Facet::Provinces => flip(&mut self.provinces, code.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_twice_gives_back_the_filters() {
        let mut filters = Filters::default();
        filters.toggle(Facet::Provinces, "LA-SV");
        filters.toggle(Facet::Kinds, "donor");
        filters.toggle(Facet::Themes, "theme-health");
        let facets = Facets::of(&filters);
        assert!(facets.is_on(Facet::Provinces, "LA-SV"));
        assert!(facets.is_on(Facet::Kinds, "donor"));
        assert!(facets.is_on(Facet::Themes, "theme-health"));
        assert_eq!(facets.count(Facet::Kinds), 1);
        filters.toggle(Facet::Provinces, "LA-SV");
        filters.toggle(Facet::Kinds, "donor");
        filters.toggle(Facet::Themes, "theme-health");
        assert_eq!(filters, Filters::default());
    }

    #[test]
    fn an_unknown_partner_kind_changes_nothing() {
        let mut filters = Filters::default();
        filters.toggle(Facet::Kinds, "alien");
        assert_eq!(filters, Filters::default());
        assert!(!Facets::of(&filters).is_on(Facet::Kinds, "alien"));
    }
}
