//! The timeline 2001-2026: an SVG drawn from the core layout (lanes, markers, clusters, bands),
//! sized to its container; one tab stop with arrow-key navigation announced to screen readers;
//! year handles that set the shared year filter; and a chronological list as an alternative.
//!
//! Its parts: `toolbar` (lanes and list switches), `year_handles`, `chart` (the SVG, with its
//! `backdrop`, `lanes`, `marks`, `clusters` and `pointer` layers), `list`.

mod backdrop;
mod chart;
mod clusters;
mod coords;
mod labels;
mod lanes;
mod legend;
mod list;
mod marks;
mod pointer;
mod toolbar;
mod year_handles;

use leptos::html::Div;
use leptos::prelude::*;

use crate::app::intl::format_span;
use crate::app::resize::use_width;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{part, NoResults};
use crate::app::views::Data;
use crate::core::cursor::{self, Move};
use crate::core::i18n::Msg;
use crate::core::items;
use crate::core::kinds::{ItemKind, ItemRef};
use crate::core::timeline::{self, LaneBy, LayoutOptions};
use crate::core::Lang;

const ROW_HEIGHT: f64 = 22.0;
const LANE_GAP: f64 = 22.0;
const AXIS_HEIGHT: f64 = 40.0;
/// Space above the first lane for its label.
const LABEL_SPACE: f64 = 18.0;

/// What the drawing frame holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ChartState {
    /// Not laid out yet: its width is unknown.
    Unmeasured,
    Empty,
    Shown,
}

/// "24 February 2022: Strategy launched", with the date at its own precision.
fn spoken(data: &Data, item: ItemRef, lang: Lang) -> String {
    let s = &data.snapshot;
    let mut when = items::dates(s, item)
        .map(|(start, end, _)| format_span(&start, end.as_ref(), lang))
        .unwrap_or_default();
    if let Some(open) = items::open_end_label(s, item) {
        when = format!("{when} – {}", crate::core::i18n::t(lang, open));
    }
    format!("{when}: {}", items::title(s, item).get(lang).text)
}

#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let container = NodeRef::<Div>::new();
    let width = use_width(container);
    let lane_by = RwSignal::new(LaneBy::Theme);
    let as_list = RwSignal::new(false);
    let years = state.years;

    let options = Memo::new(move |_| {
        let width = width.get().max(280.0);
        LayoutOptions {
            width,
            years: years.get(),
            lane_by: lane_by.get(),
            max_rows: if width < 600.0 { 2 } else { 3 },
            row_height: ROW_HEIGHT,
            lane_gap: LANE_GAP,
            margin_left: 8.0,
            margin_right: 8.0,
            top: AXIS_HEIGHT + LABEL_SPACE,
        }
    });
    let layout = {
        let data = data.clone();
        Memo::new(move |_| {
            options.with(|options| {
                data.visible
                    .with(|visible| timeline::layout(&data.snapshot, &data.index, visible, options))
            })
        })
    };
    // The events in date order: the keyboard's path through the drawing.
    let order = {
        let data = data.clone();
        Memo::new(move |_| {
            data.visible
                .with(|visible| timeline::chronological(&data.snapshot, visible, years.get()))
        })
    };
    let cursor = Cursor::new(order);

    let on_key = {
        let data = data.clone();
        move |event: leptos::ev::KeyboardEvent| {
            let key = event.key();
            if key == "Enter" || key == " " {
                event.prevent_default();
                if let Some(event_index) = cursor.event_untracked() {
                    state.open(&data.snapshot.events[event_index].id);
                }
            } else if let Some(step) = Move::of_key(&key) {
                event.prevent_default();
                cursor.step(step);
            }
        }
    };
    let announcement = {
        let data = data.clone();
        part(move || {
            let event = cursor.event()?;
            Some(spoken(
                &data,
                ItemRef::new(ItemKind::Event, event),
                state.lang(),
            ))
        })
    };

    // The drawing is built once; a filter change then only updates its parts (see `Chart`).
    let chart_state = Memo::new(move |_| {
        if width.get() <= 0.0 {
            ChartState::Unmeasured
        } else if layout.with(|l| l.markers.is_empty() && l.clusters.is_empty()) {
            ChartState::Empty
        } else {
            ChartState::Shown
        }
    });
    let chart = {
        let data = data.clone();
        let active = Signal::derive(move || cursor.event());
        part(move || match chart_state.get() {
            ChartState::Unmeasured => None,
            ChartState::Empty => Some(view! { <NoResults /> }.into_any()),
            ChartState::Shown => {
                Some(view! { <chart::Chart options layout active data=data.clone() /> }.into_any())
            }
        })
    };

    view! {
        <article class="iom-timeline">
            <h1>{tr(state, Msg::ViewTimeline)}</h1>
            <p class="iom-intro">{tr(state, Msg::TimelineIntro)}</p>
            <toolbar::Toolbar lane_by as_list />
            <year_handles::YearHandles />
            <Show when=move || !as_list.get()>
                <div
                    class="iom-tl-frame"
                    node_ref=container
                    tabindex="0"
                    role="group"
                    aria-label=tr(state, Msg::TimelineKeys)
                    on:keydown=on_key.clone()
                >
                    {chart.clone()}
                </div>
                <p class="iom-visually-hidden" aria-live="polite" aria-atomic="true">{announcement.clone()}</p>
                <legend::Legend />
            </Show>
            <Show when=move || as_list.get()>
                <list::EventList order />
            </Show>
        </article>
    }
}

/// The keyboard's place among the events in date order (none until an arrow key is pressed).
#[derive(Clone, Copy)]
struct Cursor {
    at: RwSignal<Option<usize>>,
    order: Memo<Vec<usize>>,
}

impl Cursor {
    fn new(order: Memo<Vec<usize>>) -> Self {
        let at = RwSignal::new(None::<usize>);
        // A new filter can shorten the list under the cursor. Without a cursor, the order is
        // not read (nor sorted on each keystroke).
        Effect::new(move |_| {
            let current = at.get();
            if current.is_some() {
                let kept = cursor::kept(current, order.with(Vec::len));
                if kept != current {
                    at.set(kept);
                }
            }
        });
        Cursor { at, order }
    }

    fn step(self, step: Move) {
        let len = self.order.with_untracked(Vec::len);
        let next = cursor::moved(self.at.get_untracked(), len, step);
        if next != self.at.get_untracked() {
            self.at.set(next);
        }
    }

    /// The event (an index into the snapshot's events) under the cursor.
    fn event(self) -> Option<usize> {
        let at = self.at.get()?;
        self.order.with(|order| order.get(at).copied())
    }

    fn event_untracked(self) -> Option<usize> {
        let at = self.at.get_untracked()?;
        self.order.with_untracked(|order| order.get(at).copied())
    }
}
