//! What the timeline shows whatever the filters let through: the axis, the strategy period,
//! the milestones, and the periods of the frameworks under the lanes. It changes with the
//! width, the year range and the language only.

use leptos::prelude::*;

use super::AXIS_HEIGHT;
use crate::app::state::AppState;
use crate::app::views::Data;
use crate::core::i18n::Msg;
use crate::core::items;
use crate::core::num::{coord, tenths};
use crate::core::timeline::{self, Band, Scale};
use crate::core::Lang;

/// Grid lines and the strategy band run to the bottom of the drawing, whatever its height: the
/// SVG clips them, so a filter that changes the height does not touch them.
const FULL_HEIGHT: f64 = 100_000.0;
/// The height of one row of period bars.
pub const PERIOD_ROW: f64 = 24.0;

/// A band over the drawing's whole height (the strategy period).
#[derive(Clone, PartialEq)]
struct StrategyBand {
    x: f64,
    x_end: f64,
    label: String,
}

/// A framework's period, in its row under the lanes; a click opens the framework.
#[derive(Clone, PartialEq)]
struct PeriodBar {
    x: f64,
    x_end: f64,
    label: String,
    id: Option<String>,
    row: usize,
}

#[derive(Clone, PartialEq)]
struct Milestone {
    x: f64,
    title: String,
}

#[derive(Clone, PartialEq)]
pub struct Backdrop {
    scale: Scale,
    ticks: Vec<i32>,
    strategy: Vec<StrategyBand>,
    periods: Vec<PeriodBar>,
    /// How many rows the periods take.
    pub period_rows: usize,
    milestones: Vec<Milestone>,
}

impl Backdrop {
    pub fn new(data: &Data, scale: Scale, lang: Lang) -> Self {
        let s = &data.snapshot;
        let (strategy, periods): (Vec<_>, Vec<_>) = timeline::bands(s, &data.index, &scale)
            .into_iter()
            .partition(|band| band.item.is_none());
        // About the width of a label in the drawing's font, to keep labels in a row apart.
        let label_px = |band: &Band| band.label.get(lang).text.chars().count() as f64 * 6.5 + 8.0;
        let rows = timeline::band_rows(&periods, label_px);
        Backdrop {
            scale,
            ticks: scale.ticks(44.0),
            strategy: strategy
                .iter()
                .map(|band| StrategyBand {
                    x: band.x,
                    x_end: band.x_end,
                    label: band.label.get(lang).text.to_owned(),
                })
                .collect(),
            period_rows: rows.iter().max().map_or(0, |r| r + 1),
            periods: periods
                .iter()
                .zip(rows)
                .map(|(band, row)| PeriodBar {
                    x: band.x,
                    x_end: band.x_end,
                    label: band.label.get(lang).text.to_owned(),
                    id: band.item.map(|item| items::id(s, item).to_owned()),
                    row,
                })
                .collect(),
            milestones: timeline::milestones(s, &data.index, &scale)
                .into_iter()
                .map(|(item, x)| Milestone {
                    x,
                    title: items::title(s, item).get(lang).text.to_owned(),
                })
                .collect(),
        }
    }
}

/// The strategy band, the axis and the milestones, behind everything else.
pub fn back(backdrop: &Backdrop) -> AnyView {
    let strategy = backdrop
        .strategy
        .iter()
        .map(|band| {
            view! {
                <rect x=coord(band.x) y=coord(AXIS_HEIGHT - 2.0) width=coord((band.x_end - band.x).max(1.0)) height=coord(FULL_HEIGHT) class="iom-band__strategy">
                    <title>{band.label.clone()}</title>
                </rect>
            }
        })
        .collect_view();
    let scale = backdrop.scale;
    let axis = backdrop
        .ticks
        .iter()
        .map(|&year| {
            let x = scale.x(f64::from(year));
            let mid = scale.x(f64::from(year) + 0.5);
            view! {
                <g class="iom-tick">
                    <line x1=coord(x) x2=coord(x) y1=coord(AXIS_HEIGHT - 8.0) y2=coord(FULL_HEIGHT) />
                    <text x=coord(mid) y=coord(AXIS_HEIGHT - 14.0) text-anchor="middle">{year}</text>
                </g>
            }
        })
        .collect_view();
    let milestones = backdrop
        .milestones
        .iter()
        .map(|milestone| {
            view! {
                <g class="iom-milestone">
                    <path d=format!("M{},{} l5,-7 h-10 z", tenths(milestone.x), tenths(AXIS_HEIGHT - 2.0)) />
                    <title>{milestone.title.clone()}</title>
                </g>
            }
        })
        .collect_view();
    view! { {strategy} <g class="iom-axis">{axis}</g> {milestones} }.into_any()
}

/// The periods of the frameworks, one bar each in its row, with their heading.
pub fn periods(backdrop: &Backdrop, state: AppState) -> AnyView {
    let heading = (backdrop.period_rows > 0).then(|| {
        view! { <text x=6 y=-6 class="iom-lane__label">{state.t(Msg::Periods)}</text> }
    });
    let bars = backdrop
        .periods
        .iter()
        .map(|bar| {
            let y = bar.row as f64 * PERIOD_ROW;
            let id = bar.id.clone();
            view! {
                <g class="iom-period" on:click=move |_| if let Some(id) = &id { state.open(id) }>
                    <rect x=coord(bar.x) y=coord(y) width=coord((bar.x_end - bar.x).max(2.0)) height=6 rx=3 />
                    <text x=coord(bar.x) y=coord(y + 16.0)>{bar.label.clone()}</text>
                    <title>{bar.label.clone()}</title>
                </g>
            }
        })
        .collect_view();
    view! { {heading} {bars} }.into_any()
}
