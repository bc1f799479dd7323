//! How much of what a visitor reads has Lao, and where that Lao comes from: printed by
//! `snapshot-check` and shown on About the data.

use super::kinds::ItemKind;
use super::model::Snapshot;
use super::text::{LaoStatus, Text};

/// Counts of the snapshot's visitor-facing texts by the state of their Lao.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    pub sourced: usize,
    pub reviewed: usize,
    pub unreviewed: usize,
    /// Texts with no Lao (shown in English in the Lao interface).
    pub missing: usize,
}

impl Coverage {
    pub fn of(snapshot: &Snapshot) -> Self {
        let mut coverage = Coverage::default();
        for text in visitor_texts(snapshot) {
            coverage.count(text);
        }
        coverage
    }

    fn count(&mut self, text: &Text) {
        match text.lao_status() {
            Some(LaoStatus::Sourced) => self.sourced += 1,
            Some(LaoStatus::Reviewed) => self.reviewed += 1,
            Some(LaoStatus::Unreviewed) => self.unreviewed += 1,
            None => self.missing += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.sourced + self.reviewed + self.unreviewed + self.missing
    }

    /// Texts that have Lao, of any status.
    pub fn with_lao(&self) -> usize {
        self.total() - self.missing
    }

    /// `part` as a whole percentage of all texts, rounded down so that 99.6% never shows as
    /// 100% while a text is missing (0 when there are no texts).
    pub fn percent(&self, part: usize) -> u32 {
        let total = self.total();
        if total == 0 {
            return 0;
        }
        u32::try_from(part * 100 / total).unwrap_or(100)
    }
}

/// One line for `snapshot-check`: "Lao: 470 of 480 texts (97%): 95 sourced, ...".
impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Lao for {} of {} visitor texts ({}%): {} sourced, {} reviewed, {} unreviewed translations, {} missing",
            self.with_lao(),
            self.total(),
            self.percent(self.with_lao()),
            self.sourced,
            self.reviewed,
            self.unreviewed,
            self.missing
        )
    }
}

/// Every text a visitor may read: the strategy's and every item's (the kinds table lists them).
pub fn visitor_texts(s: &Snapshot) -> Vec<&Text> {
    let strategy = &s.strategy;
    let mut texts = vec![
        &strategy.title,
        &strategy.vision,
        &strategy.goal,
        &strategy.summary,
        &strategy.launch.venue,
        &strategy.launch.attendance,
    ];
    texts.extend(strategy.alignment.iter().map(|a| &a.relation));
    texts.extend(s.story.iter().filter_map(|step| step.narrative.as_ref()));
    for kind in ItemKind::ALL {
        let info = kind.describe();
        for i in 0..(info.len)(s) {
            texts.extend((info.texts)(s, i).into_iter().map(|(_, text)| text));
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::LaoStatus;

    fn snapshot_with(texts: [Text; 3]) -> Snapshot {
        let mut s = crate::core::shipped_snapshot();
        s.themes.truncate(1);
        let [name, summary, province] = texts;
        s.themes[0].name = name;
        s.themes[0].summary = summary;
        s.provinces.truncate(1);
        s.provinces[0].name = province;
        s
    }

    #[test]
    fn counts_each_text_once_by_the_state_of_its_lao() {
        let base = Coverage::of(&crate::core::shipped_snapshot());
        let s = snapshot_with([
            Text::with_lo("Health", "ສຸຂະພາບ", LaoStatus::Unreviewed),
            Text::en("Summary"),
            Text::with_lo("Attapeu", "ອັດຕະປື", LaoStatus::Sourced),
        ]);
        let c = Coverage::of(&s);
        let themes_before: usize = 2 * crate::core::shipped_snapshot().themes.len();
        let provinces_before = crate::core::shipped_snapshot().provinces.len();
        assert_eq!(
            c.total(),
            base.total() - themes_before - provinces_before + 3
        );
        let mut one_of_each = Coverage::default();
        for text in [
            Text::with_lo("a", "ກ", LaoStatus::Sourced),
            Text::with_lo("b", "ຂ", LaoStatus::Reviewed),
            Text::with_lo("c", "ຄ", LaoStatus::Unreviewed),
            Text::en("d"),
        ] {
            one_of_each.count(&text);
        }
        assert_eq!(
            one_of_each,
            Coverage {
                sourced: 1,
                reviewed: 1,
                unreviewed: 1,
                missing: 1
            }
        );
        assert_eq!(one_of_each.with_lao(), 3);
        assert_eq!(one_of_each.percent(one_of_each.with_lao()), 75);
    }

    #[test]
    fn a_percentage_is_never_rounded_up_to_all() {
        let c = Coverage {
            unreviewed: 999,
            missing: 1,
            ..Coverage::default()
        };
        assert_eq!(c.percent(c.with_lao()), 99);
        assert_eq!(Coverage::default().percent(0), 0);
    }
}
