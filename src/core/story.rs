//! The guided story (`?view=story&step=N`): the snapshot's steps resolved to the items they are
//! about, which step a URL asks for, and where each step stands on the story's 2001-2026 strip.

use super::date::PartialDate;
use super::index::Index;
use super::items;
use super::kinds::ItemRef;
use super::model::Snapshot;
use super::text::Text;
use super::years::{FIRST_YEAR, LAST_YEAR};

/// A step ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub item: ItemRef,
    pub title: Text,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    /// The editors' narrative, or the item's summary when they wrote none.
    pub text: Text,
    /// The step's own sources, then the item's (without repeats).
    pub sources: Vec<String>,
    /// Where the step stands on the strip, 0.0 (start of 2001) to 1.0 (end of 2026).
    pub at: f64,
}

/// The steps whose item the snapshot has (the validator refuses the others), in story order.
pub fn steps(s: &Snapshot, index: &Index) -> Vec<Step> {
    let span = f64::from(LAST_YEAR + 1 - FIRST_YEAR);
    s.story
        .iter()
        .filter_map(|step| {
            let item = index.resolve(&step.item)?;
            let (date, end, _) = items::dates(s, item)?;
            let summary = match item.kind {
                super::kinds::ItemKind::Event => s.events[item.index].summary.clone(),
                _ => s.projects[item.index].summary.clone(),
            };
            let mut sources = step.sources.clone();
            for id in items::sources(s, item) {
                if !sources.contains(id) {
                    sources.push(id.clone());
                }
            }
            let at = ((date.start_fraction() - f64::from(FIRST_YEAR)) / span).clamp(0.0, 1.0);
            Some(Step {
                item,
                title: items::title(s, item),
                date,
                end,
                text: step.narrative.clone().unwrap_or(summary),
                sources,
                at,
            })
        })
        .collect()
}

/// The step a URL's `step=N` (1-based) shows, 0-based and within the story: the first when the
/// URL names none or one past the end (a shared link to a story that has since shrunk).
pub fn current(url_step: Option<usize>, len: usize) -> usize {
    match url_step {
        Some(step) if step >= 1 && step <= len => step - 1,
        Some(step) if step > len && len > 0 => len - 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_story_walks_from_2001_to_2026_in_order() {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        let steps = steps(&s, &index);
        assert!((15..=25).contains(&steps.len()), "{} steps", steps.len());
        assert_eq!(steps.len(), s.story.len(), "every step resolves");
        for pair in steps.windows(2) {
            assert!(
                pair[0].at <= pair[1].at,
                "{:?} after {:?}",
                pair[0].title.en,
                pair[1].title.en
            );
        }
        assert!(steps.first().unwrap().date.year <= 2002);
        assert!(steps.last().unwrap().date.year >= 2025);
        for step in &steps {
            assert!(step.text.lo.is_some(), "{} has no Lao", step.title.en);
            assert!(!step.sources.is_empty());
            assert!((0.0..=1.0).contains(&step.at));
        }
    }

    #[test]
    fn a_step_without_a_narrative_tells_its_item_summary() {
        let mut s = crate::core::shipped_snapshot();
        s.story[0].narrative = None;
        let index = Index::build(&s);
        let first = &steps(&s, &index)[0];
        let item = index.resolve(&s.story[0].item).unwrap();
        assert_eq!(first.text, s.events[item.index].summary);
    }

    #[test]
    fn the_url_step_is_one_based_and_held_inside_the_story() {
        assert_eq!(current(None, 20), 0);
        assert_eq!(current(Some(1), 20), 0);
        assert_eq!(current(Some(3), 20), 2);
        assert_eq!(current(Some(20), 20), 19);
        assert_eq!(current(Some(99), 20), 19);
        assert_eq!(current(Some(0), 20), 0);
        assert_eq!(current(Some(5), 0), 0);
    }
}
