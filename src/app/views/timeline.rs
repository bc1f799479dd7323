//! The timeline 2001-2026: an SVG drawn from the core layout (lanes, markers, clusters, bands),
//! sized to its container; one tab stop with arrow-key navigation announced to screen readers;
//! year handles that set the shared year filter; and a chronological list as an alternative.

use leptos::html::Div;
use leptos::prelude::*;

use super::lanes::keep_lanes;
use super::marks::keep_marks;
use super::widgets::{more_rows, part, ItemButton, NoResults, PAGE};
use super::Data;
use crate::app::intl::format_span;
use crate::app::resize::use_width;
use crate::app::state::{tr, AppState};
use crate::core::i18n::{fill, Msg};
use crate::core::index::{ItemKind, ItemRef, Years};
use crate::core::items;
use crate::core::num::{coord, tenths};
use crate::core::timeline::{self, Cluster, Drawn, LaneBy, LaneKey, Layout, LayoutOptions, Scale};
use crate::core::validate::{FIRST_YEAR, LAST_YEAR};
use crate::core::Lang;

const ROW_HEIGHT: f64 = 22.0;
const LANE_GAP: f64 = 22.0;
const AXIS_HEIGHT: f64 = 40.0;
/// Space above the first lane for its label.
const LABEL_SPACE: f64 = 18.0;
const PERIOD_ROW: f64 = 24.0;
/// Grid lines and the strategy band run to the bottom of the drawing, whatever its height: the
/// SVG clips them, so a filter that changes the height does not touch them.
const FULL_HEIGHT: f64 = 100_000.0;

#[derive(Clone, Copy, PartialEq, Eq)]
enum ChartState {
    /// Not laid out yet: its width is unknown.
    Unmeasured,
    Empty,
    Drawn,
}

fn lane_label(key: LaneKey) -> Option<Msg> {
    match key {
        LaneKey::Theme(_) => None,
        LaneKey::NoTheme => Some(Msg::LaneNoTheme),
        LaneKey::IomEvents => Some(Msg::LaneIomEvents),
        LaneKey::ContextEvents => Some(Msg::LaneContextEvents),
        LaneKey::Projects => Some(Msg::LaneProjects),
    }
}

/// "24 February 2022: Strategy launched", with the date at its own precision.
fn spoken(data: &Data, item: ItemRef, lang: Lang) -> String {
    let s = &data.snapshot;
    let when = items::dates(s, item)
        .map(|(start, end, _)| format_span(&start, end.as_ref(), lang))
        .unwrap_or_default();
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
    let order = {
        let data = data.clone();
        Memo::new(move |_| {
            data.visible
                .with(|visible| timeline::chronological(&data.snapshot, visible, years.get()))
        })
    };
    let active = RwSignal::new(None::<usize>);
    // A new filter can shorten the list under the cursor. Without a cursor, the order is not
    // needed (nor sorted on each keystroke).
    Effect::new(move |_| {
        if let Some(i) = active.get() {
            if i >= order.with(Vec::len) {
                active.set(None);
            }
        }
    });

    let on_key = {
        let data = data.clone();
        move |event: leptos::ev::KeyboardEvent| {
            let len = order.with(Vec::len);
            if len == 0 {
                return;
            }
            let current = active.get_untracked();
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1).min(len - 1))),
                "ArrowLeft" | "ArrowUp" => Some(current.map_or(0, |i| i.saturating_sub(1))),
                "Home" => Some(0),
                "End" => Some(len - 1),
                "Enter" | " " => {
                    if let Some(i) = current {
                        let event_index = order.with_untracked(|o| o[i]);
                        let id = data.snapshot.events[event_index].id.clone();
                        state.open(&id);
                    }
                    event.prevent_default();
                    return;
                }
                _ => None,
            };
            if let Some(next) = next {
                event.prevent_default();
                active.set(Some(next));
            }
        }
    };
    let announcement = {
        let data = data.clone();
        part(move || {
            let i = active.get()?;
            let event_index = order.with(|o| o.get(i).copied())?;
            Some(spoken(
                &data,
                ItemRef::new(ItemKind::Event, event_index),
                state.lang(),
            ))
        })
    };
    let active_event = move || active.get().and_then(|i| order.with(|o| o.get(i).copied()));

    let toolbar = view! {
        <div class="iom-tl-toolbar">
            <div class="iom-segmented" role="group" aria-label=tr(state, Msg::LanesBy)>
                <span class="iom-segmented__label" aria-hidden="true">{tr(state, Msg::LanesBy)}</span>
                <button type="button" aria-pressed=move || (lane_by.get() == LaneBy::Theme).to_string() on:click=move |_| lane_by.set(LaneBy::Theme)>
                    {tr(state, Msg::LanesByTheme)}
                </button>
                <button type="button" aria-pressed=move || (lane_by.get() == LaneBy::Kind).to_string() on:click=move |_| lane_by.set(LaneBy::Kind)>
                    {tr(state, Msg::LanesByKind)}
                </button>
            </div>
            <button type="button" class="iom-toggle" aria-pressed=move || as_list.get().to_string() on:click=move |_| as_list.update(|l| *l = !*l)>
                {tr(state, Msg::ShowList)}
            </button>
        </div>
    };

    // The drawing is built once; a filter change then only updates its parts (see `Chart`).
    let chart_state = Memo::new(move |_| {
        if width.get() <= 0.0 {
            ChartState::Unmeasured
        } else if layout.with(|l| l.markers.is_empty() && l.clusters.is_empty()) {
            ChartState::Empty
        } else {
            ChartState::Drawn
        }
    });
    let chart = {
        let data = data.clone();
        part(move || {
            match chart_state.get() {
            ChartState::Unmeasured => None,
            ChartState::Empty => Some(view! { <NoResults /> }.into_any()),
            ChartState::Drawn => Some(
                view! { <Chart options layout active=Signal::derive(active_event) data=data.clone() /> }
                    .into_any(),
            ),
        }
        })
    };

    // Each list shows a page of rows; a new filter starts again from the first page.
    let (shown_events, shown_projects) = (RwSignal::new(PAGE), RwSignal::new(PAGE));
    Effect::new(move |_| {
        data.visible.track();
        years.track();
        for shown in [shown_events, shown_projects] {
            if shown.get_untracked() != PAGE {
                shown.set(PAGE);
            }
        }
    });
    let list = {
        let data = data.clone();
        part(move || {
            let lang = state.lang();
            let s = &data.snapshot;
            let events = order.get();
            let projects: Vec<usize> = data.visible.with(|v| {
                let range = years.get();
                let mut list: Vec<usize> = (0..s.projects.len())
                    .filter(|&p| v.projects[p] && data.index.project_years[p].overlaps(range))
                    .collect();
                list.sort_unstable_by_key(|&p| (s.projects[p].start, s.projects[p].id.clone()));
                list
            });
            let summary = fill(
                state.t(Msg::EventsInList),
                &[&events.len().to_string(), &projects.len().to_string()],
            );
            // One row per dated item, for both lists.
            let rows = |kind: ItemKind, list: &[usize], shown: usize| {
                list.iter()
                    .take(shown)
                    .filter_map(|&i| {
                        let item = ItemRef::new(kind, i);
                        let (date, end, inferred) = items::dates(s, item)?;
                        let when = format_span(&date, end.as_ref(), lang);
                        Some(view! {
                            <li>
                                <time datetime=date.to_string()>{when}</time>
                                {inferred.then(|| view! { <span class="iom-inferred-tag">{state.t(Msg::Inferred)}</span> })}
                                <ItemButton item />
                            </li>
                        })
                    })
                    .collect_view()
            };
            let event_rows = rows(ItemKind::Event, &events, shown_events.get());
            let project_rows = rows(ItemKind::Project, &projects, shown_projects.get());
            view! {
                <div class="iom-tl-list">
                    <p>{summary}</p>
                    <h2>{state.t(Msg::RelatedEvents)}</h2>
                    <ol>{event_rows}</ol>
                    {more_rows(shown_events, events.len())}
                    <h2>{state.t(Msg::RelatedProjects)}</h2>
                    <ol>{project_rows}</ol>
                    {more_rows(shown_projects, projects.len())}
                </div>
            }
        })
    };

    view! {
        <article class="iom-timeline">
            <h1>{tr(state, Msg::ViewTimeline)}</h1>
            <p class="iom-intro">{tr(state, Msg::TimelineIntro)}</p>
            {toolbar}
            <YearHandles />
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
            </Show>
            <Show when=move || as_list.get()>{list.clone()}</Show>
        </article>
    }
}

/// Two handles for the first and last year: the shared year filter, by pointer or keyboard.
#[component]
fn YearHandles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let years = move || state.years.get();
    let handle = move |label: Msg, is_from: bool| {
        view! {
            <label class="iom-handle">
                <span>{tr(state, label)} ": " {part(move || if is_from { years().from } else { years().to })}</span>
                <input
                    type="range"
                    min=FIRST_YEAR
                    max=LAST_YEAR
                    step="1"
                    prop:value=move || (if is_from { years().from } else { years().to }).to_string()
                    on:input=move |event| {
                        if let Ok(year) = event_target_value(&event).parse::<i32>() {
                            state.update_filters(|f| {
                                f.years = if is_from {
                                    Years { from: year.min(f.years.to), to: f.years.to }
                                } else {
                                    Years { from: f.years.from, to: year.max(f.years.from) }
                                };
                            });
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <div class="iom-handles">
            {handle(Msg::FirstYear, true)}
            {handle(Msg::LastYear, false)}
            <Show when=move || years() != Years::ALL>
                <button type="button" class="iom-chip" on:click=move |_| state.update_filters(|f| f.years = Years::ALL)>
                    {tr(state, Msg::AllYears)}
                </button>
            </Show>
        </div>
    }
}

/// What the drawing shows whatever the filters let through: the axis, the milestones and the
/// context bands. It changes with the width, the year range and the language only.
#[derive(Clone, PartialEq)]
struct Frame {
    scale: Scale,
    ticks: Vec<i32>,
    strategy: Vec<(f64, f64, String)>,
    /// Each period with its row under the lanes.
    periods: Vec<(f64, f64, String, Option<String>, usize)>,
    period_rows: usize,
    milestones: Vec<(f64, String)>,
}

fn frame(data: &Data, scale: Scale, lang: Lang) -> Frame {
    let s = &data.snapshot;
    let (strategy, periods): (Vec<_>, Vec<_>) = timeline::bands(s, &data.index, &scale)
        .into_iter()
        .partition(|band| band.item.is_none());
    let label_px =
        |band: &timeline::Band| band.label.get(lang).text.chars().count() as f64 * 6.5 + 8.0;
    let rows = timeline::band_rows(&periods, label_px);
    Frame {
        scale,
        ticks: scale.ticks(44.0),
        strategy: strategy
            .iter()
            .map(|band| (band.x, band.x_end, band.label.get(lang).text.to_owned()))
            .collect(),
        period_rows: rows.iter().max().map_or(0, |r| r + 1),
        periods: periods
            .iter()
            .zip(rows)
            .map(|(band, row)| {
                let id = band.item.map(|item| items::id(s, item).to_owned());
                (
                    band.x,
                    band.x_end,
                    band.label.get(lang).text.to_owned(),
                    id,
                    row,
                )
            })
            .collect(),
        milestones: timeline::milestones(s, &data.index, &scale)
            .into_iter()
            .map(|(item, x)| (x, items::title(s, item).get(lang).text.to_owned()))
            .collect(),
    }
}

fn cluster_view(lang: Lang, scale: Scale, cluster: &Cluster) -> impl IntoView {
    let count = cluster.items.len();
    let from = scale.year_at(cluster.x).floor() as i32;
    let to = scale.year_at(cluster.x_end).ceil() as i32 - 1;
    let from = from.clamp(FIRST_YEAR, LAST_YEAR);
    let to = to.clamp(FIRST_YEAR, LAST_YEAR).max(from);
    let label = fill(
        crate::core::i18n::t(lang, Msg::ClusterLabel),
        &[&count.to_string()],
    );
    let w = cluster.drawn_width();
    view! {
        <g class="iom-cluster" data-years=format!("{from}-{to}")>
            <rect x=coord(cluster.x) y=coord(cluster.y - 8.0) width=coord(w) height=16 rx=8 />
            <text x=coord(cluster.x + w / 2.0) y=coord(cluster.y + 4.0) text-anchor="middle">{format!("+{count}")}</text>
            <title>{label}</title>
        </g>
    }
}

/// The SVG itself. Pointer users click markers and clusters; keyboard users use the frame.
///
/// Built once per visit to the view. Its layers follow their own inputs: the axis and bands
/// the width, years and language; the lanes their labels and places; the markers and clusters
/// are keyed, so a filter change adds and removes only the markers that changed.
#[component]
fn Chart(
    options: Memo<LayoutOptions>,
    layout: Memo<Layout>,
    active: Signal<Option<usize>>,
    data: Data,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let width = Memo::new(move |_| options.with(|o| o.width));
    let frame = {
        let data = data.clone();
        Memo::new(move |_| frame(&data, options.with(LayoutOptions::scale), state.lang()))
    };
    let periods_top = Memo::new(move |_| layout.with(|l| l.height) + 18.0);
    let height = Memo::new(move |_| {
        periods_top.get() + frame.with(|f| f.period_rows) as f64 * PERIOD_ROW + 6.0
    });

    let back = part(move || {
        frame.with(|f| {
            let strategy = f
                .strategy
                .iter()
                .map(|(x, x_end, label)| {
                    view! {
                        <rect x=coord(*x) y=coord(AXIS_HEIGHT - 2.0) width=coord((x_end - x).max(1.0)) height=coord(FULL_HEIGHT) class="iom-band__strategy">
                            <title>{label.clone()}</title>
                        </rect>
                    }
                })
                .collect_view();
            let scale = f.scale;
            let axis = f
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
            let milestones = f
                .milestones
                .iter()
                .map(|(x, title)| {
                    view! {
                        <g class="iom-milestone">
                            <path d=format!("M{},{} l5,-7 h-10 z", tenths(*x), tenths(AXIS_HEIGHT - 2.0)) />
                            <title>{title.clone()}</title>
                        </g>
                    }
                })
                .collect_view();
            view! { {strategy} <g class="iom-axis">{axis}</g> {milestones} }.into_any()
        })
    });

    // The periods sit under the lanes: drawn per frame, moved when the lanes change height.
    let periods = part(move || {
        frame.with(|f| {
            let heading = (f.period_rows > 0).then(|| {
                view! { <text x=6 y=-6 class="iom-lane__label">{state.t(Msg::Periods)}</text> }
            });
            let bars = f
                .periods
                .iter()
                .map(|(x, x_end, label, id, row)| {
                    let y = *row as f64 * PERIOD_ROW;
                    let id = id.clone();
                    view! {
                        <g class="iom-period" on:click=move |_| if let Some(id) = &id { state.open(id) }>
                            <rect x=coord(*x) y=coord(y) width=coord((x_end - x).max(2.0)) height=6 rx=3 />
                            <text x=coord(*x) y=coord(y + 16.0)>{label.clone()}</text>
                            <title>{label.clone()}</title>
                        </g>
                    }
                })
                .collect_view();
            view! { {heading} {bars} }.into_any()
        })
    });

    let lanes = NodeRef::new();
    {
        let data = data.clone();
        let places = Memo::new(move |_| {
            layout.with(|l| {
                l.lanes
                    .iter()
                    .map(|lane| (lane.key, lane.y))
                    .collect::<Vec<_>>()
            })
        });
        let label = move |key: LaneKey| match key {
            LaneKey::Theme(t) => data.snapshot.themes[t]
                .name
                .get(state.lang())
                .text
                .to_owned(),
            other => lane_label(other)
                .map(|m| state.t(m).to_owned())
                .unwrap_or_default(),
        };
        keep_lanes(places, width, label, lanes);
    }

    let (spans, marks) = (NodeRef::new(), NodeRef::new());
    keep_marks(layout, data.clone(), spans, marks);
    // Clusters are few (at most one per free stretch of a lane): redrawn together, and only
    // when they change (most keystrokes leave them as they were).
    let placed_clusters = Memo::new(move |_| layout.with(|l| (l.clusters.clone(), l.scale)));
    let clusters = part(move || {
        let lang = state.lang();
        placed_clusters.with(|(clusters, scale)| {
            clusters
                .iter()
                .map(|cluster| cluster_view(lang, *scale, cluster))
                .collect_view()
                .into_any()
        })
    });

    // The keyboard's position: a ring around the active event's marker, or around the cluster
    // the event went into.
    let ring = part(move || {
        let event = ItemRef::new(ItemKind::Event, active.get()?);
        layout.with(|l| {
            Some(match l.drawn(event)? {
                Drawn::Marker(m) => {
                    let x = m.x + if m.is_bar { 0.0 } else { 6.0 };
                    view! { <circle cx=coord(x) cy=coord(m.y) r=10 class="iom-active-ring" /> }.into_any()
                }
                Drawn::Cluster(c) => view! {
                    <rect x=coord(c.x - 4.0) y=coord(c.y - 12.0) width=coord(c.drawn_width() + 8.0) height=24 rx=12 class="iom-active-ring" />
                }
                .into_any(),
            })
        })
    });
    // One tip for the marker under the pointer, or else the keyboard's: the date and title.
    let hovered = RwSignal::new(None::<ItemRef>);
    let on_over = {
        let data = data.clone();
        move |event: leptos::ev::PointerEvent| {
            use wasm_bindgen::JsCast;
            let item = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.get_attribute("data-id"))
                .and_then(|id| data.index.resolve(&id));
            if hovered.get_untracked() != item {
                hovered.set(item);
            }
        }
    };
    let tip = {
        let data = data.clone();
        let place = move || {
            let item = hovered
                .get()
                .or_else(|| active.get().map(|e| ItemRef::new(ItemKind::Event, e)))?;
            layout.with(|l| match l.drawn(item)? {
                Drawn::Marker(m) => Some((item, m.x + if m.is_bar { 0.0 } else { 6.0 }, m.y)),
                Drawn::Cluster(c) => Some((item, c.x + c.drawn_width() / 2.0, c.y)),
            })
        };
        part(move || {
            let Some((item, x, y)) = place() else {
                return ().into_any();
            };
            let w = width.get();
            // Beside the marker, towards the middle of the drawing; below it in the top lane.
            // Placed through the CSSOM: a `style` attribute would break the page's CSP.
            let px = |v: f64| format!("{}px", tenths(v.round()));
            let auto = || "auto".to_owned();
            let (left, right) = if x < w / 2.0 {
                (px((x - 10.0).max(0.0)), auto())
            } else {
                (auto(), px((w - x - 10.0).max(0.0)))
            };
            let (top, bottom) = if y < 100.0 {
                (px(y + 12.0), auto())
            } else {
                (
                    auto(),
                    format!("calc(100% - {}px)", tenths((y - 12.0).round())),
                )
            };
            let text = spoken(&data, item, state.lang());
            view! {
                <div class="iom-tl-tip" aria-hidden="true" style:left=left style:right=right style:top=top style:bottom=bottom>
                    {text}
                </div>
            }
                .into_any()
        })
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Some(marker) = target.closest("[data-id]").ok().flatten() {
            if let Some(id) = marker.get_attribute("data-id") {
                state.open(&id);
            }
        } else if let Some(cluster) = target.closest("[data-years]").ok().flatten() {
            let years = cluster.get_attribute("data-years").unwrap_or_default();
            if let Some((from, to)) = years.split_once('-') {
                if let (Ok(from), Ok(to)) = (from.parse(), to.parse()) {
                    state.update_filters(|f| f.years = Years { from, to });
                }
            }
        }
    };

    view! {
        <svg
            class="iom-tl-svg"
            width=move || coord(width.get())
            height=move || coord(height.get())
            viewBox=move || format!("0 0 {} {}", tenths(width.get()), tenths(height.get()))
            aria-hidden="true"
            focusable="false"
            on:click=on_click
            on:pointerover=on_over
            on:pointerleave=move |_| hovered.set(None)
        >
            {back}
            <g class="iom-lanes" node_ref=lanes></g>
            <g class="iom-spans" node_ref=spans></g>
            <g class="iom-marks" node_ref=marks></g>
            <g class="iom-clusters">{clusters}</g>
            {ring}
            <g class="iom-periods" transform=move || format!("translate(0 {})", tenths(periods_top.get()))>
                {periods}
            </g>
        </svg>
        {tip}
    }
}
