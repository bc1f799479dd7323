//! Synthetic snapshots about 100 times the real one (5,000 events, 300 projects, 3,000
//! partners) or 1,000 times (50,000, 3,000, 30,000) for the benchmarks: copies of the real
//! items with their own ids and names, whose references point at copies of the same round, so
//! they pass every check. The 1,000-fold one is over the download limit: it is for timing the
//! index on the host (`index-bench`), not for the browser.

use super::model::Snapshot;
use super::text::Text;

/// How many of each kind the synthetic snapshot holds.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub events: usize,
    pub projects: usize,
    pub partners: usize,
}

impl Size {
    pub const HUNDRED_TIMES: Size = Size {
        events: 5_000,
        projects: 300,
        partners: 3_000,
    };
    pub const THOUSAND_TIMES: Size = Size {
        events: 50_000,
        projects: 3_000,
        partners: 30_000,
    };
}

fn suffix(text: &Text, round: usize) -> Text {
    Text {
        en: format!("{} ({round})", text.en),
        lo: text.lo.as_ref().map(|lo| format!("{lo} ({round})")),
        ..text.clone()
    }
}

/// The copy of `id` in `round`, for ids of a kind that is copied (`rounds` copies of it).
fn copy_id(id: &str, round: usize, rounds: usize) -> String {
    format!("{id}-{}", round % rounds)
}

pub fn scale(real: &Snapshot, size: Size) -> Snapshot {
    // References go to complete rounds of partner copies only.
    let partner_rounds = (size.partners / real.partners.len().max(1)).max(1);
    let mut out = real.clone();
    out.partners = (0..size.partners)
        .map(|i| {
            let round = i / real.partners.len();
            let mut partner = real.partners[i % real.partners.len()].clone();
            partner.id = format!("{}-{round}", partner.id);
            partner.name = suffix(&partner.name, round);
            partner
        })
        .collect();
    let remap = |ids: &[String], round: usize| -> Vec<String> {
        ids.iter()
            .map(|id| copy_id(id, round, partner_rounds))
            .collect()
    };
    out.events = (0..size.events)
        .map(|i| {
            let round = i / real.events.len();
            let mut event = real.events[i % real.events.len()].clone();
            event.id = format!("{}-{round}", event.id);
            event.title = suffix(&event.title, round);
            event.partners = remap(&event.partners, round);
            event
        })
        .collect();
    out.projects = (0..size.projects)
        .map(|i| {
            let round = i / real.projects.len();
            let mut project = real.projects[i % real.projects.len()].clone();
            project.id = format!("{}-{round}", project.id);
            project.title = suffix(&project.title, round);
            project.partners = remap(&project.partners, round);
            project.donors = remap(&project.donors, round);
            project
        })
        .collect();
    // People, the launch, notes and the story point at the first round's partners and items.
    for step in &mut out.story {
        step.item = format!("{}-0", step.item);
    }
    for person in &mut out.people {
        person.organization = person
            .organization
            .as_ref()
            .map(|id| copy_id(id, 0, partner_rounds));
    }
    out.strategy.launch.with_partners = remap(&out.strategy.launch.with_partners, 0);
    let partner_ids: std::collections::HashSet<&str> =
        real.partners.iter().map(|p| p.id.as_str()).collect();
    let item_ids: std::collections::HashSet<&str> = real
        .events
        .iter()
        .map(|e| e.id.as_str())
        .chain(real.projects.iter().map(|p| p.id.as_str()))
        .collect();
    for note in &mut out.notes {
        for id in &mut note.about {
            if partner_ids.contains(id.as_str()) {
                *id = copy_id(id, 0, partner_rounds);
            } else if item_ids.contains(id.as_str()) {
                *id = format!("{id}-0");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load_snapshot;
    use crate::core::validate::validate;

    #[test]
    fn the_hundredfold_snapshot_has_its_sizes_and_passes_every_check() {
        let real = crate::core::shipped_snapshot();
        let big = scale(&real, Size::HUNDRED_TIMES);
        assert_eq!(
            (big.events.len(), big.projects.len(), big.partners.len()),
            (5_000, 300, 3_000)
        );
        let text = serde_json::to_string(&big).unwrap();
        if let Err(problems) = load_snapshot(&text) {
            panic!(
                "{}",
                problems
                    .iter()
                    .take(5)
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }

    /// Checked as a snapshot, not as a file: as JSON it is over the download limit.
    #[test]
    fn the_thousandfold_snapshot_has_its_sizes_and_passes_every_rule() {
        let real = crate::core::shipped_snapshot();
        let big = scale(&real, Size::THOUSAND_TIMES);
        assert_eq!(
            (big.events.len(), big.projects.len(), big.partners.len()),
            (50_000, 3_000, 30_000)
        );
        let problems = validate(&big);
        assert!(
            problems.is_empty(),
            "{:?}",
            &problems[..problems.len().min(5)]
        );
    }
}
