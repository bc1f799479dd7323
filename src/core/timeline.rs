//! The headless timeline: where each visible event and project goes, which ones are grouped
//! into clusters when there is no room, the year axis and the context bands behind the
//! markers. No DOM here: the view draws an SVG from a [`Layout`].
//!
//! Dates keep their precision: a year-only date spans its whole year and a month-only date
//! its whole month, and the marker starts where that span starts. The view labels it with its
//! precision ("2001", "June 2018"), never as 1 January.

use super::date::PartialDate;
use super::filter::Visible;
use super::index::Index;
use super::kinds::{ItemKind, ItemRef};
use super::model::{EventKind, Snapshot, SpanEnd};
use super::text::Text;
use super::years::{Years, FIRST_YEAR, LAST_YEAR};

/// A point marker's drawn width; two markers closer than `MARKER_PX + MIN_GAP_PX` overlap.
pub const MARKER_PX: f64 = 12.0;

/// The drawn length of a project whose end is not recorded (its start's span, if longer).
pub const UNRECORDED_TAIL_PX: f64 = 28.0;
/// The least space between two markers in one row.
pub const MIN_GAP_PX: f64 = 2.0;
/// Space below the last lane.
pub const BOTTOM_MARGIN_PX: f64 = 8.0;

/// The key events marked on the axis, in chronological order: IOM's first work in Lao PDR
/// (2001), the Vientiane office (2002), IOM membership (June 2018), the Cooperation Agreement
/// (2021-09-01), the strategy launch (2022-02-24) and LDC graduation (2026).
/// An id missing from a snapshot is skipped.
pub const MILESTONE_IDS: [&str; 6] = [
    "ev-2001-counter-trafficking",
    "ev-2002-vientiane-office",
    "ev-2018-iom-membership",
    "ev-2021-cooperation-agreement",
    "ev-2022-strategy-launch",
    "ev-2026-ldc-graduation",
];

/// Maps fractional years (2001.0 = 1 Jan 2001, see [`PartialDate::start_fraction`] and
/// [`PartialDate::end_fraction`]) to x pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub from: f64,
    pub to: f64,
    pub x0: f64,
    pub x1: f64,
}

impl Scale {
    /// The whole years `years.from ..= years.to` (start of `from` to end of `to`) across
    /// `[x0, x1]`. A reversed span is read as the single year `years.from`.
    pub fn new(years: Years, x0: f64, x1: f64) -> Self {
        let to = years.to.max(years.from);
        Scale {
            from: f64::from(years.from),
            to: f64::from(to) + 1.0,
            x0,
            x1,
        }
    }

    fn span(&self) -> f64 {
        let span = self.to - self.from;
        if span > 0.0 {
            span
        } else {
            1.0
        }
    }

    /// Linear; extrapolates outside the range.
    pub fn x(&self, year: f64) -> f64 {
        self.x0 + (year - self.from) / self.span() * (self.x1 - self.x0)
    }

    /// The inverse of [`Scale::x`] (the range start when the scale has no width).
    pub fn year_at(&self, x: f64) -> f64 {
        if self.x1 == self.x0 {
            return self.from;
        }
        self.from + (x - self.x0) / (self.x1 - self.x0) * self.span()
    }

    fn px_per_year(&self) -> f64 {
        (self.x1 - self.x0).abs() / self.span()
    }

    /// Whole years to label so that labels are at least `min_px` apart: every year, or every
    /// 2nd, 5th or 10th (multiples of the step), the smallest step that fits. When even 10 does
    /// not fit, the steps go on (20, 50, 100...), down to a single label. Always years inside
    /// the range, increasing.
    pub fn ticks(&self, min_px: f64) -> Vec<i32> {
        // Years whose first day is inside [from, to); i64 so that odd scales cannot overflow.
        let bound = |year: f64| year.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i64;
        let (first, last) = (bound(self.from.ceil()), bound(self.to.ceil()) - 1);
        if self.from.is_nan() || self.to.is_nan() || first > last {
            return Vec::new();
        }
        let px = self.px_per_year();
        let mut step = 1i64;
        let mut magnitude = 1i64;
        for multiple in [1, 2, 5].into_iter().cycle() {
            step = multiple * magnitude;
            if step as f64 * px >= min_px || step > last - first {
                break;
            }
            if multiple == 5 {
                magnitude *= 10;
            }
        }
        let start = first + (step - first.rem_euclid(step)) % step;
        let ticks: Vec<i32> = (start..=last)
            .step_by(step as usize)
            .map(|year| year as i32)
            .collect();
        if ticks.is_empty() {
            vec![first as i32]
        } else {
            ticks
        }
    }
}

/// How markers are grouped into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneBy {
    Theme,
    Kind,
}

/// What a lane holds: one thematic area (index into `snapshot.themes`), items with no theme,
/// or (by kind) IOM events, context events, projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaneKey {
    Theme(usize),
    NoTheme,
    IomEvents,
    ContextEvents,
    Projects,
}

/// One horizontal lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    /// Marker rows used (at least one), not counting the cluster row.
    pub rows: usize,
    /// Top of the lane.
    pub y: f64,
    /// `rows * row_height`, plus one row when `cluster_row`.
    pub height: f64,
    /// Whether the lane has a row of clusters below its marker rows.
    pub cluster_row: bool,
}

/// One event or project drawn on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// An event or a project.
    pub item: ItemRef,
    /// Index into [`Layout::lanes`].
    pub lane: usize,
    /// Row within the lane, 0-based.
    pub row: usize,
    /// Start x (clamped to the range).
    pub x: f64,
    /// End x (clamped to the range). A point covers its whole precision span (a year, a month,
    /// a day); the drawn marker is at least [`MARKER_PX`] wide: see [`Marker::drawn_end`].
    pub x_end: f64,
    /// Centre y of the row.
    pub y: f64,
    /// Projects and events with an `end` are bars; single dates are points.
    pub is_bar: bool,
    /// How the span ends: an ongoing project is drawn to the snapshot's date, one whose end is
    /// not recorded as a short fading tail that claims no duration.
    pub end: SpanEnd,
    pub inferred: bool,
}

impl Marker {
    /// Where the drawn marker ends: `max(x_end, x + MARKER_PX)`.
    pub fn drawn_end(&self) -> f64 {
        occupied_end(self.x, self.x_end)
    }

    /// Where the marker is pointed at (the keyboard's ring, the tip): the centre of a point,
    /// the start of a bar.
    pub fn anchor_x(&self) -> f64 {
        if self.is_bar {
            self.x
        } else {
            self.x + MARKER_PX / 2.0
        }
    }
}

/// Items that did not fit in a lane's rows, drawn as one mark in the lane's cluster row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub lane: usize,
    /// Start of the first item.
    pub x: f64,
    /// End of the drawn span: it covers every item's drawn marker, so it is at least
    /// `x + MARKER_PX`.
    pub x_end: f64,
    /// Centre y of the lane's cluster row.
    pub y: f64,
    /// In the order of their start.
    pub items: Vec<ItemRef>,
}

impl Cluster {
    /// The drawn width: the span of its items, but never narrower than its "+N" label.
    pub fn drawn_width(&self) -> f64 {
        (self.x_end - self.x).max(CLUSTER_MIN_PX)
    }

    /// The whole years the cluster covers on `scale`: clicking it zooms the timeline to them.
    pub fn years(&self, scale: &Scale) -> Years {
        let from = (scale.year_at(self.x).floor() as i32).clamp(FIRST_YEAR, LAST_YEAR);
        let to = (scale.year_at(self.x_end).ceil() as i32 - 1).clamp(FIRST_YEAR, LAST_YEAR);
        Years {
            from,
            to: to.max(from),
        }
    }
}

/// The narrowest drawn cluster, wide enough for "+99".
pub const CLUSTER_MIN_PX: f64 = 26.0;

/// Where an item is drawn: its own marker, or the cluster it went into.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement<'a> {
    Marker(&'a Marker),
    Cluster(&'a Cluster),
}

impl Placement<'_> {
    /// Where the item is pointed at: a marker's [`Marker::anchor_x`], a cluster's centre.
    pub fn anchor(&self) -> (f64, f64) {
        match self {
            Placement::Marker(m) => (m.anchor_x(), m.y),
            Placement::Cluster(c) => (c.x + c.drawn_width() / 2.0, c.y),
        }
    }
}

/// Everything the view needs to draw the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub scale: Scale,
    pub lanes: Vec<Lane>,
    pub markers: Vec<Marker>,
    pub clusters: Vec<Cluster>,
    /// Bottom of the last lane plus [`BOTTOM_MARGIN_PX`].
    pub height: f64,
}

impl Layout {
    /// Where `item` is drawn, if the layout shows it: the keyboard's ring and the tip follow an
    /// event into a cluster when it has no marker of its own.
    pub fn placement(&self, item: ItemRef) -> Option<Placement<'_>> {
        self.markers
            .iter()
            .find(|m| m.item == item)
            .map(Placement::Marker)
            .or_else(|| {
                self.clusters
                    .iter()
                    .find(|c| c.items.contains(&item))
                    .map(Placement::Cluster)
            })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Width of the whole drawing; the scale runs from `margin_left` to `width - margin_right`.
    pub width: f64,
    pub years: Years,
    pub lane_by: LaneBy,
    /// Marker rows per lane before items go into clusters (e.g. 3; 0 is read as 1).
    pub max_rows: usize,
    /// E.g. 22.0.
    pub row_height: f64,
    pub lane_gap: f64,
    pub margin_left: f64,
    pub margin_right: f64,
    /// Space above the first lane, for the axis.
    pub top: f64,
}

/// Where a drawn mark starting at `x` and spanning to `x_end` ends.
fn occupied_end(x: f64, x_end: f64) -> f64 {
    x_end.max(x + MARKER_PX)
}

fn flag(flags: &[bool], i: usize) -> bool {
    flags.get(i).copied().unwrap_or(false)
}

/// The fractional-year span of a date, or of a date and its end.
fn date_span(date: &PartialDate, end: Option<&PartialDate>) -> (f64, f64) {
    let start = date.start_fraction();
    let end = end.map_or_else(|| date.end_fraction(), PartialDate::end_fraction);
    (start, end.max(start))
}

/// The part of `[start, end)` inside `[from, to)`, if any.
fn clamp_span(start: f64, end: f64, from: f64, to: f64) -> Option<(f64, f64)> {
    (start < to && end > from).then(|| (start.max(from), end.min(to)))
}

/// The lane of an item by its first theme.
fn theme_lane(index: &Index, themes: &[String]) -> LaneKey {
    themes
        .first()
        .and_then(|id| index.resolve(id))
        .filter(|item| item.kind == ItemKind::Theme)
        .map_or(LaneKey::NoTheme, |item| LaneKey::Theme(item.index))
}

/// An item ready to be placed.
struct Candidate<'a> {
    item: ItemRef,
    id: &'a str,
    x: f64,
    x_end: f64,
    is_bar: bool,
    end: SpanEnd,
    inferred: bool,
}

/// The lanes in drawing order, each with its candidates (possibly none).
fn candidates<'a>(
    s: &'a Snapshot,
    index: &Index,
    visible: &Visible,
    options: &LayoutOptions,
    scale: &Scale,
) -> Vec<(LaneKey, Vec<Candidate<'a>>)> {
    let mut lanes: Vec<(LaneKey, Vec<Candidate<'a>>)> = match options.lane_by {
        LaneBy::Theme => (0..s.themes.len())
            .map(LaneKey::Theme)
            .chain([LaneKey::NoTheme])
            .map(|key| (key, Vec::new()))
            .collect(),
        LaneBy::Kind => [
            LaneKey::IomEvents,
            LaneKey::ContextEvents,
            LaneKey::Projects,
        ]
        .into_iter()
        .map(|key| (key, Vec::new()))
        .collect(),
    };
    let mut push = |key: LaneKey, candidate: Candidate<'a>| {
        if let Some((_, list)) = lanes.iter_mut().find(|(k, _)| *k == key) {
            list.push(candidate);
        }
    };

    for (i, event) in s.events.iter().enumerate() {
        if !flag(&visible.events, i) {
            continue;
        }
        let (start, end) = date_span(&event.date, event.end.as_ref());
        let Some((start, end)) = clamp_span(start, end, scale.from, scale.to) else {
            continue;
        };
        let key = match options.lane_by {
            LaneBy::Theme => theme_lane(index, &event.themes),
            LaneBy::Kind => match event.kind {
                EventKind::Iom => LaneKey::IomEvents,
                EventKind::Context => LaneKey::ContextEvents,
            },
        };
        push(
            key,
            Candidate {
                item: ItemRef::new(ItemKind::Event, i),
                id: &event.id,
                x: scale.x(start),
                x_end: scale.x(end),
                is_bar: event.end.is_some(),
                end: SpanEnd::Known,
                inferred: event.inferred,
            },
        );
    }

    for (i, project) in s.projects.iter().enumerate() {
        if !flag(&visible.projects, i) {
            continue;
        }
        let start = project.start.start_fraction();
        let end = match (project.end, project.span_end()) {
            (Some(end), _) => end.end_fraction(),
            (None, SpanEnd::Ongoing) => s.snapshot_date.end_fraction(),
            // It may have run to any year (so the year filter keeps it), but is drawn short.
            (None, _) => scale.to,
        }
        .max(start);
        let Some((clamped_start, end)) = clamp_span(start, end, scale.from, scale.to) else {
            continue;
        };
        let x = scale.x(clamped_start);
        let mut x_end = scale.x(end);
        if project.span_end() == SpanEnd::Unrecorded {
            let start_span_end = scale.x(project.start.end_fraction());
            x_end = x_end.min((x + UNRECORDED_TAIL_PX).max(start_span_end));
        }
        let key = match options.lane_by {
            LaneBy::Theme => theme_lane(index, &project.themes),
            LaneBy::Kind => LaneKey::Projects,
        };
        push(
            key,
            Candidate {
                item: ItemRef::new(ItemKind::Project, i),
                id: &project.id,
                x,
                x_end,
                is_bar: true,
                end: project.span_end(),
                inferred: project.inferred,
            },
        );
    }
    lanes
}

/// One cluster being built: start, end of the drawn span, items.
struct Pending {
    x: f64,
    x_end: f64,
    items: Vec<ItemRef>,
}

impl LayoutOptions {
    /// The x scale of a layout with these options. It does not depend on what is visible, so
    /// the axis and the bands can be drawn once per width and year range.
    pub fn scale(&self) -> Scale {
        let x0 = self.margin_left;
        let x1 = (self.width - self.margin_right).max(x0);
        Scale::new(self.years, x0, x1)
    }
}

/// Lays out the events and projects that `visible` lets through and that overlap
/// `options.years`.
pub fn layout(s: &Snapshot, index: &Index, visible: &Visible, options: &LayoutOptions) -> Layout {
    let scale = options.scale();
    let max_rows = options.max_rows.max(1);

    let mut lanes = Vec::new();
    let mut markers = Vec::new();
    let mut clusters = Vec::new();
    let mut y = options.top;

    for (key, mut items) in candidates(s, index, visible, options, &scale) {
        if items.is_empty() {
            continue;
        }
        items.sort_unstable_by(|a, b| {
            a.x.total_cmp(&b.x)
                .then_with(|| a.id.cmp(b.id))
                .then_with(|| a.item.cmp(&b.item))
        });

        // Greedy rows: each row remembers where the next item may start.
        let mut row_free: Vec<f64> = Vec::new();
        let mut placed: Vec<(Candidate, usize)> = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();
        for candidate in items {
            let end = occupied_end(candidate.x, candidate.x_end);
            let row = match row_free.iter().position(|&free| candidate.x >= free) {
                Some(row) => Some(row),
                None if row_free.len() < max_rows => {
                    row_free.push(f64::NEG_INFINITY);
                    Some(row_free.len() - 1)
                }
                None => None,
            };
            match row {
                Some(row) => {
                    row_free[row] = end + MIN_GAP_PX;
                    placed.push((candidate, row));
                }
                None => {
                    // Overflow: join the last cluster when within MARKER_PX of it. Items come in
                    // order of start, so clusters that are not merged are more than MARKER_PX
                    // apart and never overlap.
                    match pending.last_mut() {
                        Some(last) if candidate.x <= last.x_end + MARKER_PX => {
                            last.x_end = last.x_end.max(end);
                            last.items.push(candidate.item);
                        }
                        _ => pending.push(Pending {
                            x: candidate.x,
                            x_end: end,
                            items: vec![candidate.item],
                        }),
                    }
                }
            }
        }

        let lane = lanes.len();
        let rows = row_free.len().max(1);
        let cluster_row = !pending.is_empty();
        let height = (rows + usize::from(cluster_row)) as f64 * options.row_height;
        let row_y = |row: usize| y + (row as f64 + 0.5) * options.row_height;
        markers.extend(placed.into_iter().map(|(c, row)| Marker {
            item: c.item,
            lane,
            row,
            x: c.x,
            x_end: c.x_end,
            y: row_y(row),
            is_bar: c.is_bar,
            end: c.end,
            inferred: c.inferred,
        }));
        clusters.extend(pending.into_iter().map(|p| Cluster {
            lane,
            x: p.x,
            x_end: p.x_end,
            y: row_y(rows),
            items: p.items,
        }));
        lanes.push(Lane {
            key,
            rows,
            y,
            height,
            cluster_row,
        });
        y += height + options.lane_gap;
    }

    let bottom = lanes
        .last()
        .map_or(options.top, |lane| lane.y + lane.height);
    Layout {
        scale,
        lanes,
        markers,
        clusters,
        height: bottom + BOTTOM_MARGIN_PX,
    }
}

/// Every visible project inside `years`, by start date then id (the timeline's list).
/// Indices into `s.projects`.
pub fn projects_in_order(
    s: &Snapshot,
    index: &Index,
    visible: &Visible,
    years: Years,
) -> Vec<usize> {
    let mut out: Vec<usize> = (0..s.projects.len())
        .filter(|&p| flag(&visible.projects, p) && index.project_years[p].overlaps(years))
        .collect();
    out.sort_unstable_by(|&a, &b| {
        let (a, b) = (&s.projects[a], &s.projects[b]);
        a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// Every visible event inside `years` in chronological order (by [`PartialDate`] order, then
/// id), for keyboard navigation and the accessible list. Indices into `s.events`.
pub fn chronological(s: &Snapshot, visible: &Visible, years: Years) -> Vec<usize> {
    let mut out: Vec<usize> = s
        .events
        .iter()
        .enumerate()
        .filter(|(i, event)| {
            let covered = Years {
                from: event.date.year,
                to: event.end.map_or(event.date.year, |end| end.year),
            };
            flag(&visible.events, *i) && covered.overlaps(years)
        })
        .map(|(i, _)| i)
        .collect();
    out.sort_unstable_by(|&a, &b| {
        let (a, b) = (&s.events[a], &s.events[b]);
        a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// A context band behind the markers: a framework's period or the strategy period.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The framework's short name (its name when it has none), or the strategy's title.
    pub label: Text,
    /// Clamped to the scale.
    pub x: f64,
    pub x_end: f64,
    /// The framework; `None` for the strategy period.
    pub item: Option<ItemRef>,
}

/// The periods of frameworks that have both a start and an end and overlap the scale's range,
/// plus the strategy period, sorted by start (then end, then snapshot order, strategy last).
pub fn bands(s: &Snapshot, index: &Index, scale: &Scale) -> Vec<Band> {
    let mut spans: Vec<(f64, f64, Text, Option<ItemRef>)> = Vec::new();
    for (i, framework) in s.frameworks.iter().enumerate() {
        let (Some(start), Some(end)) = (framework.start, framework.end) else {
            continue;
        };
        let (start, end) = date_span(&start, Some(&end));
        let label = framework
            .short_name
            .as_ref()
            .map_or_else(|| framework.name.clone(), Text::en);
        let item = index
            .resolve(&framework.id)
            .filter(|item| item.kind == ItemKind::Framework)
            .unwrap_or(ItemRef::new(ItemKind::Framework, i));
        spans.push((start, end, label, Some(item)));
    }
    let period = s.strategy.period;
    spans.push((
        f64::from(period.start),
        f64::from(period.end.max(period.start)) + 1.0,
        s.strategy.title.clone(),
        None,
    ));
    spans.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.total_cmp(&b.1)));
    spans
        .into_iter()
        .filter_map(|(start, end, label, item)| {
            let (start, end) = clamp_span(start, end, scale.from, scale.to)?;
            Some(Band {
                label,
                x: scale.x(start),
                x_end: scale.x(end),
                item,
            })
        })
        .collect()
}

/// Point marks for the key events of [`MILESTONE_IDS`] that the snapshot has and that fall
/// inside the scale's range, at the start of each event's date (clamped to the range), in the
/// order of [`MILESTONE_IDS`].
pub fn milestones(s: &Snapshot, index: &Index, scale: &Scale) -> Vec<(ItemRef, f64)> {
    MILESTONE_IDS
        .iter()
        .filter_map(|id| index.resolve(id))
        .filter(|item| item.kind == ItemKind::Event)
        .filter_map(|item| {
            let event = s.events.get(item.index)?;
            let (start, end) = date_span(&event.date, event.end.as_ref());
            let (start, _) = clamp_span(start, end, scale.from, scale.to)?;
            Some((item, scale.x(start)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filter::{apply, Filters};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn shipped() -> &'static (Snapshot, Index) {
        static SHIPPED: OnceLock<(Snapshot, Index)> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let s = crate::core::shipped_snapshot();
            let index = Index::build(&s);
            (s, index)
        })
    }

    fn options(width: f64, years: Years, lane_by: LaneBy, max_rows: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            years,
            lane_by,
            max_rows,
            row_height: 22.0,
            lane_gap: 8.0,
            margin_left: 16.0,
            margin_right: 16.0,
            top: 28.0,
        }
    }

    fn everything() -> Visible {
        let (s, index) = shipped();
        apply(&Filters::default(), s, index)
    }

    fn event(id: &str) -> ItemRef {
        let item = shipped().1.resolve(id).unwrap();
        assert_eq!(item.kind, ItemKind::Event, "{id}");
        item
    }

    fn clustered(layout: &Layout) -> usize {
        layout.clusters.iter().map(|c| c.items.len()).sum()
    }

    /// How many times `item` appears in the layout, as a marker or in a cluster.
    fn appearances(layout: &Layout, item: ItemRef) -> usize {
        layout.markers.iter().filter(|m| m.item == item).count()
            + layout
                .clusters
                .iter()
                .map(|c| c.items.iter().filter(|&&i| i == item).count())
                .sum::<usize>()
    }

    #[test]
    fn the_scale_round_trips_and_maps_whole_years() {
        let scale = Scale::new(Years::ALL, 10.0, 530.0);
        assert_eq!(scale.x(2001.0), 10.0);
        assert_eq!(scale.x(2027.0), 530.0);
        for x in [10.0, 11.5, 200.0, 529.9, 530.0, -40.0, 800.0] {
            assert!((scale.x(scale.year_at(x)) - x).abs() < 1e-9, "{x}");
        }
        let flat = Scale::new(Years::ALL, 10.0, 10.0);
        assert_eq!(flat.year_at(10.0), 2001.0);
    }

    #[test]
    fn ticks_are_inside_increasing_spaced_and_thin_out_when_narrow() {
        for width in [120.0, 360.0, 700.0, 1400.0, 4000.0] {
            for years in [
                Years::ALL,
                Years {
                    from: 2018,
                    to: 2022,
                },
                Years {
                    from: 2022,
                    to: 2022,
                },
            ] {
                let scale = Scale::new(years, 0.0, width);
                let ticks = scale.ticks(40.0);
                assert!(!ticks.is_empty(), "{width} {years:?}");
                assert!(ticks.iter().all(|&t| (years.from..=years.to).contains(&t)));
                for pair in ticks.windows(2) {
                    assert!(pair[0] < pair[1]);
                    let gap = scale.x(f64::from(pair[1])) - scale.x(f64::from(pair[0]));
                    assert!(gap >= 40.0 - 1e-9, "{width} {years:?} {ticks:?}");
                }
            }
        }
        let narrow = Scale::new(Years::ALL, 0.0, 360.0).ticks(40.0);
        assert!(narrow.len() < 26, "{narrow:?}");
        assert!(narrow.len() >= 2, "{narrow:?}");
        assert_eq!(narrow, vec![2005, 2010, 2015, 2020, 2025]);
        let wide = Scale::new(Years::ALL, 0.0, 2600.0).ticks(40.0);
        assert_eq!(wide, (2001..=2026).collect::<Vec<_>>());
        let tiny = Scale::new(Years::ALL, 0.0, 20.0).ticks(40.0);
        assert_eq!(tiny.len(), 1);
    }

    #[test]
    fn a_year_only_event_spans_its_whole_year_and_a_ranged_event_is_a_bar() {
        let (s, index) = shipped();
        let layout = layout(
            s,
            index,
            &everything(),
            &options(2000.0, Years::ALL, LaneBy::Theme, 50),
        );
        assert!(layout.clusters.is_empty());
        let find = |item: ItemRef| layout.markers.iter().find(|m| m.item == item).unwrap();

        let first = find(event("ev-2001-counter-trafficking"));
        assert_eq!(first.x, layout.scale.x(2001.0));
        assert_eq!(first.x_end, layout.scale.x(2002.0));
        assert!(!first.is_bar);

        let month = find(event("ev-2018-iom-membership"));
        let june = PartialDate::parse("2018-06").unwrap();
        assert_eq!(month.x, layout.scale.x(june.start_fraction()));
        assert_eq!(month.x_end, layout.scale.x(june.end_fraction()));
        assert!(!month.is_bar);

        let ranged = find(event("ev-2018-attapeu-response"));
        assert!(ranged.is_bar);
        let end = PartialDate::parse("2019-02").unwrap();
        assert_eq!(ranged.x_end, layout.scale.x(end.end_fraction()));

        // A project with no recorded end is not drawn to the range's end, which would claim it
        // ran to 2026: it is a short tail after its start.
        let unrecorded = s
            .projects
            .iter()
            .position(|p| p.span_end() == SpanEnd::Unrecorded)
            .unwrap();
        let start = s.projects[unrecorded].start;
        let tail = find(ItemRef::new(ItemKind::Project, unrecorded));
        assert!(tail.is_bar && tail.end == SpanEnd::Unrecorded);
        assert!(tail.x_end < layout.scale.x1);
        assert_eq!(
            tail.x_end,
            (tail.x + UNRECORDED_TAIL_PX).max(layout.scale.x(start.end_fraction()))
        );
    }

    #[test]
    fn an_ongoing_project_is_drawn_to_the_snapshot_date() {
        let (shipped, _) = shipped();
        let mut s = shipped.clone();
        s.snapshot_date = PartialDate::parse("2024-06-30").unwrap();
        s.projects[0].end = None;
        s.projects[0].ongoing = true;
        let index = Index::build(&s);
        let visible = apply(&Filters::default(), &s, &index);
        let layout = layout(
            &s,
            &index,
            &visible,
            &options(2000.0, Years::ALL, LaneBy::Kind, 50),
        );
        let item = ItemRef::new(ItemKind::Project, 0);
        let bar = layout.markers.iter().find(|m| m.item == item).unwrap();
        assert_eq!(bar.end, SpanEnd::Ongoing);
        assert_eq!(bar.x_end, layout.scale.x(s.snapshot_date.end_fraction()));
        assert!(bar.x_end < layout.scale.x1);
    }

    #[test]
    fn items_are_clamped_to_the_range_and_outside_ones_are_left_out() {
        let (s, index) = shipped();
        let years = Years {
            from: 2019,
            to: 2020,
        };
        let layout = layout(
            s,
            index,
            &everything(),
            &options(1200.0, years, LaneBy::Kind, 50),
        );
        assert!(layout
            .markers
            .iter()
            .all(|m| m.x >= layout.scale.x0 && m.x_end <= layout.scale.x1 && m.x <= m.x_end));
        // The Attapeu response (2018-07 to 2019-02) starts at the range start.
        let attapeu = layout
            .markers
            .iter()
            .find(|m| m.item == event("ev-2018-attapeu-response"))
            .unwrap();
        assert_eq!(attapeu.x, layout.scale.x0);
        assert_eq!(
            appearances(&layout, event("ev-2001-counter-trafficking")),
            0
        );
        assert_eq!(appearances(&layout, event("ev-2022-strategy-launch")), 0);
    }

    #[test]
    fn an_item_with_several_themes_goes_to_its_first_themes_lane() {
        let (s, index) = shipped();
        let layout = layout(
            s,
            index,
            &everything(),
            &options(2000.0, Years::ALL, LaneBy::Theme, 50),
        );
        let launch = event("ev-2022-strategy-launch");
        assert_eq!(appearances(&layout, launch), 1);
        let marker = layout.markers.iter().find(|m| m.item == launch).unwrap();
        let first = index
            .resolve(&s.events[launch.index].themes[0])
            .unwrap()
            .index;
        assert_eq!(layout.lanes[marker.lane].key, LaneKey::Theme(first));
        // Lanes follow the snapshot's order of themes, with no theme last.
        let keys: Vec<LaneKey> = layout.lanes.iter().map(|l| l.key).collect();
        assert_eq!(keys.last(), Some(&LaneKey::NoTheme));
        let themes: Vec<usize> = keys
            .iter()
            .filter_map(|k| match k {
                LaneKey::Theme(t) => Some(*t),
                _ => None,
            })
            .collect();
        assert!(themes.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lanes_by_kind_hold_their_kind() {
        let (s, index) = shipped();
        let layout = layout(
            s,
            index,
            &everything(),
            &options(1000.0, Years::ALL, LaneBy::Kind, 3),
        );
        let keys: Vec<LaneKey> = layout.lanes.iter().map(|l| l.key).collect();
        assert_eq!(
            keys,
            vec![
                LaneKey::IomEvents,
                LaneKey::ContextEvents,
                LaneKey::Projects
            ]
        );
        for m in &layout.markers {
            let expected = match m.item.kind {
                ItemKind::Project => LaneKey::Projects,
                _ => match s.events[m.item.index].kind {
                    EventKind::Iom => LaneKey::IomEvents,
                    EventKind::Context => LaneKey::ContextEvents,
                },
            };
            assert_eq!(layout.lanes[m.lane].key, expected);
        }
    }

    /// The layout reads only the snapshot and the options: two indexes of the same snapshot
    /// (each with its own hash order) give the same picture.
    #[test]
    fn the_layout_does_not_depend_on_hash_order() {
        let (s, index) = shipped();
        let other = Index::build(s);
        let visible = everything();
        let o = options(640.0, Years::ALL, LaneBy::Theme, 2);
        assert_eq!(
            layout(s, index, &visible, &o),
            layout(s, &other, &visible, &o)
        );
    }

    #[test]
    fn a_cluster_zooms_to_the_years_of_its_items() {
        let (s, index) = shipped();
        let narrow = layout(
            s,
            index,
            &everything(),
            &options(360.0, Years::ALL, LaneBy::Theme, 2),
        );
        assert!(!narrow.clusters.is_empty());
        for cluster in &narrow.clusters {
            let years = cluster.years(&narrow.scale);
            assert!(years.from <= years.to);
            for item in &cluster.items {
                let covered = match item.kind {
                    ItemKind::Event => index.event_years[item.index],
                    _ => index.project_years[item.index],
                };
                assert!(
                    covered.overlaps(years),
                    "{item:?} {covered:?} outside {years:?}"
                );
            }
        }
    }

    #[test]
    fn points_are_pointed_at_in_their_middle_and_bars_at_their_start() {
        let (s, index) = shipped();
        let wide = layout(
            s,
            index,
            &everything(),
            &options(1200.0, Years::ALL, LaneBy::Theme, 3),
        );
        assert!(wide.markers.iter().any(|m| m.is_bar) && wide.markers.iter().any(|m| !m.is_bar));
        for m in &wide.markers {
            let x = m.anchor_x();
            if m.is_bar {
                assert_eq!(x, m.x);
            } else {
                // Inside the drawn point, whose width is MARKER_PX whatever its date's span.
                assert!(m.x < x && x < m.x + MARKER_PX, "{m:?}");
            }
            assert_eq!(Placement::Marker(m).anchor(), (x, m.y));
        }
    }

    #[test]
    fn projects_are_listed_by_start_with_exactly_the_visible_ones_in_range() {
        let (s, index) = shipped();
        let mut visible = everything();
        visible.projects[0] = false;
        let years = Years {
            from: 2015,
            to: 2020,
        };
        let list = projects_in_order(s, index, &visible, years);
        assert!(!list.contains(&0));
        for pair in list.windows(2) {
            assert!(s.projects[pair[0]].start <= s.projects[pair[1]].start);
        }
        let expected = (1..s.projects.len())
            .filter(|&p| index.project_years[p].overlaps(years))
            .count();
        assert_eq!(list.len(), expected);
    }

    #[test]
    fn nothing_visible_gives_an_empty_layout() {
        let (s, index) = shipped();
        let layout = layout(
            s,
            index,
            &Visible::default(),
            &options(800.0, Years::ALL, LaneBy::Theme, 3),
        );
        assert!(layout.lanes.is_empty() && layout.markers.is_empty());
        assert_eq!(layout.height, 28.0 + BOTTOM_MARGIN_PX);
    }

    #[test]
    fn chronological_is_sorted_and_has_exactly_the_visible_events_in_range() {
        let (s, index) = shipped();
        let years = Years {
            from: 2018,
            to: 2022,
        };
        let mut visible = everything();
        visible.events[event("ev-2020-first-covid-case").index] = false;
        let order = chronological(s, &visible, years);
        for pair in order.windows(2) {
            let (a, b) = (&s.events[pair[0]], &s.events[pair[1]]);
            assert!((&a.date, &a.id) < (&b.date, &b.id), "{} {}", a.id, b.id);
        }
        let expected: Vec<usize> = (0..s.events.len())
            .filter(|&i| visible.events[i] && index.event_years[i].overlaps(years))
            .collect();
        let mut got = order.clone();
        got.sort_unstable();
        assert_eq!(got, expected);
        assert!(!order.contains(&event("ev-2020-first-covid-case").index));
        assert!(order.contains(&event("ev-2022-strategy-launch").index));
    }

    #[test]
    fn bands_include_the_strategy_and_the_nsedps_and_milestones_find_the_launch() {
        let (s, index) = shipped();
        let scale = Scale::new(Years::ALL, 0.0, 1040.0);
        let all = bands(s, index, &scale);
        assert!(all.windows(2).all(|w| w[0].x <= w[1].x));
        let strategy = all.iter().find(|b| b.item.is_none()).unwrap();
        assert_eq!(strategy.x, scale.x(2022.0));
        assert_eq!(strategy.x_end, scale.x(2027.0));
        for id in ["fw-nsedp-8", "fw-nsedp-9", "fw-unsdcf", "fw-unpf"] {
            let item = index.resolve(id).unwrap();
            let band = all.iter().find(|b| b.item == Some(item));
            assert!(band.is_some(), "{id}");
        }
        let nsedp8 = all
            .iter()
            .find(|b| b.item == index.resolve("fw-nsedp-8"))
            .unwrap();
        assert_eq!(nsedp8.label.en, "8th NSEDP");
        assert_eq!((nsedp8.x, nsedp8.x_end), (scale.x(2016.0), scale.x(2021.0)));
        // The 2030 Agenda runs past the range: clamped. The GCM has no end: not a band.
        let agenda = all
            .iter()
            .find(|b| b.item == index.resolve("fw-agenda-2030"))
            .unwrap();
        assert_eq!(agenda.x_end, scale.x1);
        assert!(!all.iter().any(|b| b.item == index.resolve("fw-gcm")));

        let marks = milestones(s, index, &scale);
        assert_eq!(marks.len(), MILESTONE_IDS.len());
        let launch = event("ev-2022-strategy-launch");
        let date = s.events[launch.index].date;
        assert!(marks.contains(&(launch, scale.x(date.start_fraction()))));

        let recent = Scale::new(
            Years {
                from: 2021,
                to: 2026,
            },
            0.0,
            700.0,
        );
        let marks = milestones(s, index, &recent);
        assert!(!marks
            .iter()
            .any(|(item, _)| *item == event("ev-2001-counter-trafficking")));
        assert!(bands(s, index, &recent)
            .iter()
            .all(|b| b.x >= 0.0 && b.x_end <= 700.0));
        assert!(!bands(s, index, &recent)
            .iter()
            .any(|b| b.item == index.resolve("fw-nsedp-8")));
    }

    #[test]
    fn missing_milestones_are_skipped() {
        let (s, _) = shipped();
        let mut fewer = s.clone();
        fewer.events.retain(|e| e.id != "ev-2022-strategy-launch");
        let index = Index::build(&fewer);
        let marks = milestones(&fewer, &index, &Scale::new(Years::ALL, 0.0, 1000.0));
        assert_eq!(marks.len(), MILESTONE_IDS.len() - 1);
    }

    #[test]
    fn every_shown_item_is_found_where_it_is_drawn() {
        let (s, index) = shipped();
        let visible = everything();
        let narrow = layout(
            s,
            index,
            &visible,
            &options(360.0, Years::ALL, LaneBy::Theme, 2),
        );
        assert!(!narrow.clusters.is_empty(), "a phone-width layout clusters");
        for marker in &narrow.markers {
            assert_eq!(
                narrow.placement(marker.item),
                Some(Placement::Marker(marker))
            );
        }
        for cluster in &narrow.clusters {
            for &item in &cluster.items {
                assert_eq!(narrow.placement(item), Some(Placement::Cluster(cluster)));
            }
        }
        let hidden = Years {
            from: 2001,
            to: 2001,
        };
        let early = layout(
            s,
            index,
            &visible,
            &options(1200.0, hidden, LaneBy::Theme, 3),
        );
        let late = event_after(2010);
        assert_eq!(
            early.placement(late),
            None,
            "an item outside the years is not drawn"
        );
    }

    /// Some event dated after `year`.
    fn event_after(year: i32) -> ItemRef {
        let (s, index) = shipped();
        let e = s.events.iter().find(|e| e.date.year > year).unwrap();
        index.resolve(&e.id).unwrap()
    }

    #[test]
    fn narrow_layouts_cluster_and_wide_ones_cluster_less() {
        let (s, index) = shipped();
        let visible = everything();
        for lane_by in [LaneBy::Theme, LaneBy::Kind] {
            let narrow = layout(s, index, &visible, &options(360.0, Years::ALL, lane_by, 2));
            let wide = layout(s, index, &visible, &options(2000.0, Years::ALL, lane_by, 4));
            assert!(!narrow.clusters.is_empty(), "{lane_by:?}");
            assert!(clustered(&wide) < clustered(&narrow), "{lane_by:?}");
            // A lane with clusters is one row taller.
            for lane in &narrow.lanes {
                let rows = lane.rows + usize::from(lane.cluster_row);
                assert_eq!(lane.height, rows as f64 * 22.0);
                assert_eq!(
                    lane.cluster_row,
                    narrow
                        .clusters
                        .iter()
                        .any(|c| narrow.lanes[c.lane].key == lane.key)
                );
            }
        }
    }

    #[derive(Debug, Clone)]
    struct Case {
        width: f64,
        years: Years,
        lane_by: LaneBy,
        max_rows: usize,
        events: Vec<bool>,
        projects: Vec<bool>,
    }

    fn arbitrary_case() -> impl Strategy<Value = Case> {
        let (s, _) = shipped();
        (
            200.0f64..2000.0,
            2001i32..=2026,
            0i32..=25,
            prop_oneof![Just(LaneBy::Theme), Just(LaneBy::Kind)],
            1usize..=4,
            proptest::collection::vec(proptest::bool::weighted(0.8), s.events.len()),
            proptest::collection::vec(proptest::bool::weighted(0.8), s.projects.len()),
        )
            .prop_map(
                |(width, from, span, lane_by, max_rows, events, projects)| Case {
                    width,
                    years: Years {
                        from,
                        to: (from + span).min(2026),
                    },
                    lane_by,
                    max_rows,
                    events,
                    projects,
                },
            )
    }

    /// The filters' result for the case's years, thinned by the case's random subsets.
    fn visible_for(case: &Case) -> Visible {
        let (s, index) = shipped();
        let filters = Filters {
            years: case.years,
            ..Filters::default()
        };
        let mut visible = apply(&filters, s, index);
        for (flag, keep) in visible.events.iter_mut().zip(&case.events) {
            *flag &= keep;
        }
        for (flag, keep) in visible.projects.iter_mut().zip(&case.projects) {
            *flag &= keep;
        }
        visible
    }

    fn layout_for(case: &Case) -> (Visible, Layout) {
        let (s, index) = shipped();
        let visible = visible_for(case);
        let o = options(case.width, case.years, case.lane_by, case.max_rows);
        let layout = layout(s, index, &visible, &o);
        (visible, layout)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// No two markers in one lane and row overlap, counting each marker's drawn width and
        /// the gap; clusters in one lane do not overlap; lanes stack without overlapping.
        #[test]
        fn markers_in_a_row_never_overlap(case in arbitrary_case()) {
            let (_, layout) = layout_for(&case);
            for (lane_index, lane) in layout.lanes.iter().enumerate() {
                prop_assert!(lane.rows >= 1 && lane.rows <= case.max_rows);
                for row in 0..lane.rows {
                    let mut in_row: Vec<&Marker> = layout
                        .markers
                        .iter()
                        .filter(|m| m.lane == lane_index && m.row == row)
                        .collect();
                    in_row.sort_by(|a, b| a.x.total_cmp(&b.x));
                    for pair in in_row.windows(2) {
                        prop_assert!(
                            pair[1].x >= pair[0].drawn_end() + MIN_GAP_PX - 1e-9,
                            "{:?} overlaps {:?}", pair[0], pair[1]
                        );
                    }
                    for m in &in_row {
                        prop_assert!(m.y > lane.y && m.y < lane.y + lane.height);
                    }
                }
                let clusters: Vec<&Cluster> =
                    layout.clusters.iter().filter(|c| c.lane == lane_index).collect();
                prop_assert_eq!(lane.cluster_row, !clusters.is_empty());
                for pair in clusters.windows(2) {
                    prop_assert!(pair[1].x >= pair[0].x_end + MIN_GAP_PX);
                }
                for c in &clusters {
                    prop_assert!(c.x_end >= c.x + MARKER_PX);
                    prop_assert!(!c.items.is_empty());
                    prop_assert!(c.y > lane.y + lane.rows as f64 * 22.0 && c.y < lane.y + lane.height);
                }
            }
            for pair in layout.lanes.windows(2) {
                prop_assert!(pair[1].y >= pair[0].y + pair[0].height);
            }
            if let Some(last) = layout.lanes.last() {
                prop_assert!(layout.height > last.y + last.height);
            }
        }

        /// Every visible event and project in the range appears exactly once (as a marker or in
        /// one cluster); hidden ones and ones outside the range never appear.
        #[test]
        fn every_visible_item_appears_exactly_once(case in arbitrary_case()) {
            let (s, index) = shipped();
            let (visible, layout) = layout_for(&case);
            for i in 0..s.events.len() {
                let expected = case.events[i] && index.event_years[i].overlaps(case.years);
                let seen = appearances(&layout, ItemRef::new(ItemKind::Event, i));
                prop_assert_eq!(seen, usize::from(expected), "{}", s.events[i].id);
                prop_assert!(seen == 0 || visible.events[i]);
            }
            for i in 0..s.projects.len() {
                let expected = case.projects[i] && index.project_years[i].overlaps(case.years);
                let seen = appearances(&layout, ItemRef::new(ItemKind::Project, i));
                prop_assert_eq!(seen, usize::from(expected), "{}", s.projects[i].id);
                prop_assert!(seen == 0 || visible.projects[i]);
            }
            for m in &layout.markers {
                prop_assert!(m.x >= layout.scale.x0 - 1e-9 && m.x_end <= layout.scale.x1 + 1e-9);
                prop_assert!(m.x <= m.x_end);
            }
        }
    }
}

/// Rows for the period bars under the chart: each band takes the lowest row where it does not
/// overlap another band, counting its label (`label_px(band)` wide) as part of it.
pub fn band_rows(bands: &[Band], label_px: impl Fn(&Band) -> f64) -> Vec<usize> {
    let mut row_ends: Vec<f64> = Vec::new();
    bands
        .iter()
        .map(|band| {
            let end = band.x_end.max(band.x + label_px(band)) + MIN_GAP_PX;
            match row_ends.iter().position(|&row_end| row_end <= band.x) {
                Some(row) => {
                    row_ends[row] = end;
                    row
                }
                None => {
                    row_ends.push(end);
                    row_ends.len() - 1
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod band_row_tests {
    use super::*;

    #[test]
    fn period_bars_in_one_row_never_overlap_with_their_labels() {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        for width in [360.0, 800.0, 1400.0] {
            let scale = Scale::new(Years::ALL, 0.0, width);
            let bands = bands(&s, &index, &scale);
            let label = |b: &Band| b.label.en.chars().count() as f64 * 6.5;
            let rows = band_rows(&bands, label);
            for (i, a) in bands.iter().enumerate() {
                for (j, b) in bands.iter().enumerate().skip(i + 1) {
                    if rows[i] == rows[j] {
                        let a_end = a.x_end.max(a.x + label(a));
                        let b_end = b.x_end.max(b.x + label(b));
                        assert!(
                            a_end <= b.x || b_end <= a.x,
                            "{:?} and {:?} overlap at {width}",
                            a.label.en,
                            b.label.en
                        );
                    }
                }
            }
        }
    }
}
