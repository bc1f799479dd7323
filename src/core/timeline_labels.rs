//! Which event titles the timeline writes on its drawing, and where: a short label beside its
//! marker, in the marker's own row, never over another marker, cluster or label and never past
//! the drawing's edges. Milestones are placed first, then events by the importance the editors
//! give them, then by date; what does not fit stays reachable by hover, keyboard and the list.
//!
//! The widths come from the caller (the browser measures the drawn font), so the placement is
//! plain arithmetic, tested on the host with an estimate.

use std::collections::HashMap;

use super::kinds::{ItemKind, ItemRef};
use super::model::{EventKind, Snapshot};
use super::text::Lang;
use super::timeline::{Layout, MILESTONE_IDS};

/// Space between a marker and its label, and around every label.
pub const LABEL_GAP_PX: f64 = 4.0;

/// A label written on the drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub item: ItemRef,
    pub text: String,
    /// The language the text is really in (a missing Lao label falls back to English).
    pub lang: Lang,
    /// Left edge of the text.
    pub x: f64,
    /// Centre line of the marker's row.
    pub y: f64,
    pub width: f64,
}

impl Label {
    fn right(&self) -> f64 {
        self.x + self.width
    }

    /// True when the two labels share a row and their boxes (with the gap) meet.
    pub fn overlaps(&self, other: &Label) -> bool {
        row_key(self.y) == row_key(other.y)
            && self.x < other.right() + LABEL_GAP_PX
            && other.x < self.right() + LABEL_GAP_PX
    }
}

/// The importance an event has when the editors give none: IOM's own work above context.
fn importance(s: &Snapshot, event: usize) -> u8 {
    let e = &s.events[event];
    e.importance.unwrap_or(match e.kind {
        EventKind::Iom => 2,
        EventKind::Context => 1,
    })
}

/// The order in which labels claim space: milestones (in their own order), then importance,
/// then date.
fn priority(s: &Snapshot, event: usize) -> (usize, std::cmp::Reverse<u8>, f64) {
    let e = &s.events[event];
    let milestone = MILESTONE_IDS
        .iter()
        .position(|id| *id == e.id)
        .unwrap_or(MILESTONE_IDS.len());
    (
        milestone,
        std::cmp::Reverse(importance(s, event)),
        e.date.start_fraction(),
    )
}

/// A row of the drawing, by its centre line (markers and clusters of one row share it).
fn row_key(y: f64) -> i64 {
    (y * 10.0).round() as i64
}

/// Places the labels of the events drawn as markers in `layout`. `width_of` gives the drawn
/// width of a text in pixels.
pub fn place_labels(
    s: &Snapshot,
    layout: &Layout,
    lang: Lang,
    width_of: &mut dyn FnMut(&str) -> f64,
) -> Vec<Label> {
    let (left, right) = (layout.scale.x0, layout.scale.x1);
    // What each row already holds: every marker and cluster, as drawn.
    let mut taken: HashMap<i64, Vec<(f64, f64)>> = HashMap::new();
    for marker in &layout.markers {
        taken
            .entry(row_key(marker.y))
            .or_default()
            .push((marker.x, marker.drawn_end()));
    }
    for cluster in &layout.clusters {
        taken
            .entry(row_key(cluster.y))
            .or_default()
            .push((cluster.x, cluster.x + cluster.drawn_width()));
    }
    let mut events: Vec<_> = layout
        .markers
        .iter()
        .filter(|m| m.item.kind == ItemKind::Event)
        .collect();
    events.sort_by(|a, b| {
        priority(s, a.item.index)
            .partial_cmp(&priority(s, b.item.index))
            .unwrap_or(std::cmp::Ordering::Equal)
    });

    let mut labels = Vec::new();
    for marker in events {
        let event = &s.events[marker.item.index];
        let shown = event.label.as_ref().unwrap_or(&event.title).get(lang);
        let width = width_of(shown.text);
        if width <= 0.0 || !width.is_finite() {
            continue;
        }
        let row = taken.entry(row_key(marker.y)).or_default();
        let free = |x: f64| {
            let (from, to) = (x - LABEL_GAP_PX, x + width + LABEL_GAP_PX);
            x >= left && x + width <= right && row.iter().all(|&(a, b)| to <= a || from >= b)
        };
        // After the marker, where a reader looks first; before it when the right is taken.
        let after = marker.drawn_end() + LABEL_GAP_PX;
        let before = marker.x - LABEL_GAP_PX - width;
        let Some(x) = [after, before].into_iter().find(|&x| free(x)) else {
            continue;
        };
        row.push((x, x + width));
        labels.push(Label {
            item: marker.item,
            text: shown.text.to_owned(),
            lang: shown.lang,
            x,
            y: marker.y,
            width,
        });
    }
    labels.sort_by(|a, b| a.x.partial_cmp(&b.x).unwrap_or(std::cmp::Ordering::Equal));
    labels
}

/// A width estimate for host tests and for a first layout before the font is measured: an
/// average advance per spacing character at `font_px` (Lao vowel signs and tone marks above
/// or below a letter take no width of their own).
pub fn estimated_width(text: &str, font_px: f64) -> f64 {
    let advances = text.chars().filter(|&c| !is_combining_lao(c)).count();
    advances as f64 * font_px * 0.6
}

fn is_combining_lao(c: char) -> bool {
    matches!(c, '\u{0EB1}' | '\u{0EB4}'..='\u{0EBC}' | '\u{0EC8}'..='\u{0ECD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filter::{apply, Filters};
    use crate::core::index::Index;
    use crate::core::timeline::{layout, LaneBy, LayoutOptions};
    use crate::core::years::Years;

    /// The options the view uses at a given width (see `views/timeline/mod.rs`).
    fn options(width: f64) -> LayoutOptions {
        LayoutOptions {
            width,
            years: Years::ALL,
            lane_by: LaneBy::Theme,
            max_rows: if width < 600.0 { 2 } else { 3 },
            row_height: 22.0,
            lane_gap: 22.0,
            margin_left: 8.0,
            margin_right: 8.0,
            top: 58.0,
        }
    }

    fn labelled(width: f64, lang: Lang) -> (Snapshot, Layout, Vec<Label>) {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        let visible = apply(&Filters::default(), &s, &index);
        let layout = layout(&s, &index, &visible, &options(width));
        let labels = place_labels(&s, &layout, lang, &mut |t| estimated_width(t, 11.0));
        (s, layout, labels)
    }

    fn assert_readable(layout: &Layout, labels: &[Label]) {
        for (i, label) in labels.iter().enumerate() {
            assert!(
                label.x >= layout.scale.x0 && label.right() <= layout.scale.x1,
                "{label:?} is clipped"
            );
            for other in &labels[i + 1..] {
                assert!(!label.overlaps(other), "{label:?} overlaps {other:?}");
            }
            for marker in layout
                .markers
                .iter()
                .filter(|m| (m.y - label.y).abs() < 0.1)
            {
                assert!(
                    label.right() <= marker.x || label.x >= marker.drawn_end(),
                    "{label:?} covers the marker of {:?}",
                    marker.item
                );
            }
        }
    }

    #[test]
    fn a_desktop_timeline_writes_at_least_twelve_titles_in_each_language() {
        for lang in Lang::ALL {
            let (_, layout, labels) = labelled(1280.0 - 290.0, lang);
            assert!(labels.len() >= 12, "{lang:?}: only {} labels", labels.len());
            assert_readable(&layout, &labels);
        }
    }

    #[test]
    fn a_phone_timeline_writes_at_least_five_titles_in_each_language() {
        for lang in Lang::ALL {
            let (_, layout, labels) = labelled(390.0 - 32.0, lang);
            assert!(labels.len() >= 5, "{lang:?}: only {} labels", labels.len());
            assert_readable(&layout, &labels);
        }
    }

    #[test]
    fn milestones_claim_space_before_other_events() {
        let (s, layout, labels) = labelled(1280.0 - 290.0, Lang::En);
        let launch = s
            .events
            .iter()
            .position(|e| e.id == "ev-2022-strategy-launch")
            .unwrap();
        let drawn = layout
            .markers
            .iter()
            .any(|m| m.item == ItemRef::new(ItemKind::Event, launch));
        assert!(drawn);
        assert!(labels
            .iter()
            .any(|l| l.item == ItemRef::new(ItemKind::Event, launch)));
    }

    #[test]
    fn a_label_falls_back_to_the_title_and_marks_its_language() {
        let (mut s, _, _) = labelled(1280.0, Lang::Lo);
        let index = Index::build(&s);
        s.events.iter_mut().for_each(|e| {
            e.label = None;
            e.title.lo = None;
        });
        let visible = apply(&Filters::default(), &s, &index);
        let layout = layout(&s, &index, &visible, &options(1280.0));
        let labels = place_labels(&s, &layout, Lang::Lo, &mut |t| estimated_width(t, 11.0));
        assert!(!labels.is_empty());
        for label in &labels {
            assert_eq!(label.lang, Lang::En);
            assert_eq!(label.text, s.events[label.item.index].title.en);
        }
    }

    #[test]
    fn nothing_is_placed_when_nothing_has_room() {
        let (s, layout, _) = labelled(1280.0, Lang::En);
        let labels = place_labels(&s, &layout, Lang::En, &mut |_| 5000.0);
        assert!(labels.is_empty());
        let labels = place_labels(&s, &layout, Lang::En, &mut |_| f64::NAN);
        assert!(labels.is_empty());
    }

    #[test]
    fn lao_marks_above_and_below_take_no_width() {
        assert_eq!(estimated_width("ກີ່", 10.0), estimated_width("ກ", 10.0));
        assert!(estimated_width("Strategy launched", 11.0) > estimated_width("Strategy", 11.0));
    }
}
