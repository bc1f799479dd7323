//! The timeline 2001-2026: an SVG drawn from the core layout (lanes, markers, clusters, bands),
//! sized to its container; one tab stop with arrow-key navigation announced to screen readers;
//! year handles that set the shared year filter; and a chronological list as an alternative.

use leptos::html::Div;
use leptos::prelude::*;

use super::widgets::{ItemButton, NoResults};
use super::Data;
use crate::app::intl::format_date;
use crate::app::resize::use_width;
use crate::app::state::{tr, AppState};
use crate::core::i18n::{fill, Msg};
use crate::core::index::{ItemKind, ItemRef, Years};
use crate::core::items;
use crate::core::timeline::{self, LaneBy, LaneKey, Layout, LayoutOptions, Scale};
use crate::core::validate::{FIRST_YEAR, LAST_YEAR};
use crate::core::{Lang, PartialDate, Precision};

const ROW_HEIGHT: f64 = 22.0;
const LANE_GAP: f64 = 22.0;
const AXIS_HEIGHT: f64 = 40.0;
/// Space above the first lane for its label.
const LABEL_SPACE: f64 = 18.0;
const PERIOD_ROW: f64 = 24.0;

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
    let (start, end) = match item.kind {
        ItemKind::Event => (s.events[item.index].date, s.events[item.index].end),
        _ => (s.projects[item.index].start, s.projects[item.index].end),
    };
    let when = match end {
        Some(end) if end != start => format!(
            "{} – {}",
            format_date(&start, lang),
            format_date(&end, lang)
        ),
        _ => format_date(&start, lang),
    };
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

    let layout = {
        let data = data.clone();
        Memo::new(move |_| {
            let width = width.get().max(280.0);
            let options = LayoutOptions {
                width,
                years: years.get(),
                lane_by: lane_by.get(),
                max_rows: if width < 600.0 { 2 } else { 3 },
                row_height: ROW_HEIGHT,
                lane_gap: LANE_GAP,
                margin_left: 8.0,
                margin_right: 8.0,
                top: AXIS_HEIGHT + LABEL_SPACE,
            };
            data.visible
                .with(|visible| timeline::layout(&data.snapshot, &data.index, visible, &options))
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
    // A new filter can shorten the list under the cursor.
    Effect::new(move |_| {
        let len = order.with(Vec::len);
        if active.get_untracked().is_some_and(|i| i >= len) {
            active.set(None);
        }
    });

    // Marks the first complete drawing, for the benchmark (README, Performance).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let drawn =
            width.get() > 0.0 && layout.with(|l| !l.markers.is_empty() || !l.clusters.is_empty());
        if drawn {
            if let Some(performance) = window().performance() {
                let _ = performance.mark("iom-timeline-ready");
            }
        }
        drawn
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
        move || {
            let i = active.get()?;
            let event_index = order.with(|o| o.get(i).copied())?;
            Some(spoken(
                &data,
                ItemRef::new(ItemKind::Event, event_index),
                state.lang(),
            ))
        }
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

    let chart = {
        let data = data.clone();
        move || {
            let layout = layout.get();
            let w = width.get();
            // Redrawn in the new language when it changes.
            let _ = state.lang();
            if w <= 0.0 {
                return None;
            }
            if layout.markers.is_empty() && layout.clusters.is_empty() {
                return Some(view! { <NoResults /> }.into_any());
            }
            Some(view! { <Chart layout width=w active=Signal::derive(active_event) data=data.clone() /> }.into_any())
        }
    };

    let list = {
        let data = data.clone();
        move || {
            let lang = state.lang();
            let s = &data.snapshot;
            let events = order.get();
            let projects: Vec<usize> = data.visible.with(|v| {
                let range = years.get();
                let mut list: Vec<usize> = (0..s.projects.len())
                    .filter(|&p| v.projects[p] && data.index.project_years[p].overlaps(range))
                    .collect();
                list.sort_by_key(|&p| (s.projects[p].start, s.projects[p].id.clone()));
                list
            });
            let summary = fill(
                state.t(Msg::EventsInList),
                &[&events.len().to_string(), &projects.len().to_string()],
            );
            let row = |item: ItemRef,
                       date: PartialDate,
                       end: Option<PartialDate>,
                       inferred: bool| {
                let when = match end {
                    Some(end) if end != date => {
                        format!("{} – {}", format_date(&date, lang), format_date(&end, lang))
                    }
                    _ => format_date(&date, lang),
                };
                view! {
                    <li>
                        <time datetime=date.to_string()>{when}</time>
                        {inferred.then(|| view! { <span class="iom-inferred-tag">{state.t(Msg::Inferred)}</span> })}
                        <ItemButton item />
                    </li>
                }
            };
            let event_rows = events
                .iter()
                .map(|&e| {
                    row(
                        ItemRef::new(ItemKind::Event, e),
                        s.events[e].date,
                        s.events[e].end,
                        s.events[e].inferred,
                    )
                })
                .collect_view();
            let project_rows = projects
                .iter()
                .map(|&p| {
                    row(
                        ItemRef::new(ItemKind::Project, p),
                        s.projects[p].start,
                        s.projects[p].end,
                        s.projects[p].inferred,
                    )
                })
                .collect_view();
            view! {
                <div class="iom-tl-list">
                    <p>{summary}</p>
                    <h2>{state.t(Msg::RelatedEvents)}</h2>
                    <ol>{event_rows}</ol>
                    <h2>{state.t(Msg::RelatedProjects)}</h2>
                    <ol>{project_rows}</ol>
                </div>
            }
        }
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
                <span>{tr(state, label)} ": " {move || if is_from { years().from } else { years().to }}</span>
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

/// The SVG itself. Pointer users click markers and clusters; keyboard users use the frame.
#[component]
fn Chart(layout: Layout, width: f64, active: Signal<Option<usize>>, data: Data) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.url.with_untracked(|url| url.lang);
    let s = data.snapshot.clone();
    let scale: Scale = layout.scale;
    let ticks = scale.ticks(44.0);

    // The strategy period shades the whole chart; the other periods are bars under it.
    let all_bands = timeline::bands(&s, &data.index, &scale);
    let (strategy, periods): (Vec<_>, Vec<_>) =
        all_bands.into_iter().partition(|band| band.item.is_none());
    let label_px =
        |band: &timeline::Band| band.label.get(lang).text.chars().count() as f64 * 6.5 + 8.0;
    let rows = timeline::band_rows(&periods, label_px);
    let period_rows = rows.iter().max().map_or(0, |r| r + 1);
    let periods_top = layout.height + 18.0;
    let height = periods_top + period_rows as f64 * PERIOD_ROW + 6.0;
    let strategy_band = strategy
        .into_iter()
        .map(|band| {
            let label = band.label.get(lang).text.to_owned();
            view! {
                <rect x=band.x y=AXIS_HEIGHT - 2.0 width=(band.x_end - band.x).max(1.0) height=height - AXIS_HEIGHT class="iom-band__strategy">
                    <title>{label}</title>
                </rect>
            }
        })
        .collect_view();
    let periods_view = periods
        .iter()
        .zip(&rows)
        .map(|(band, &row)| {
            let label = band.label.get(lang).text.to_owned();
            let y = periods_top + row as f64 * PERIOD_ROW;
            let id = band.item.map(|item| items::id(&s, item).to_owned());
            view! {
                <g class="iom-period" on:click=move |_| if let Some(id) = &id { state.open(id) }>
                    <rect x=band.x y=y width=(band.x_end - band.x).max(2.0) height=6 rx=3 />
                    <text x=band.x y=y + 16.0>{label.clone()}</text>
                    <title>{label}</title>
                </g>
            }
        })
        .collect_view();
    let periods_heading = (period_rows > 0).then(|| {
        view! { <text x=6 y=periods_top - 6.0 class="iom-lane__label">{state.t(Msg::Periods)}</text> }
    });

    let axis = ticks
        .iter()
        .map(|&year| {
            let x = scale.x(f64::from(year));
            let mid = scale.x(f64::from(year) + 0.5);
            view! {
                <g class="iom-tick">
                    <line x1=x x2=x y1=AXIS_HEIGHT - 8.0 y2=height />
                    <text x=mid y=AXIS_HEIGHT - 14.0 text-anchor="middle">{year}</text>
                </g>
            }
        })
        .collect_view();

    let milestones = timeline::milestones(&s, &data.index, &scale)
        .into_iter()
        .map(|(item, x)| {
            let title = items::title(&s, item).get(lang).text.to_owned();
            view! {
                <g class="iom-milestone">
                    <path d=format!("M{x:.1},{top:.1} l5,-7 h-10 z", top = AXIS_HEIGHT - 2.0) />
                    <title>{title}</title>
                </g>
            }
        })
        .collect_view();

    let lanes = layout
        .lanes
        .iter()
        .map(|lane| {
            let label = match lane.key {
                LaneKey::Theme(t) => s.themes[t].name.get(lang).text.to_owned(),
                other => lane_label(other)
                    .map(|m| state.t(m).to_owned())
                    .unwrap_or_default(),
            };
            view! {
                <g class="iom-lane">
                    <line x1=0 x2=width y1=lane.y - 18.0 y2=lane.y - 18.0 class="iom-lane__rule" />
                    <text x=6 y=lane.y - 7.0 class="iom-lane__label">{label}</text>
                </g>
            }
        })
        .collect_view();

    // Markers and clusters are plain nodes with data attributes and no listener or reactive
    // part of their own: one click handler on the drawing serves them all, and one ring shows
    // the keyboard's position. A filter change then only swaps plain nodes.
    let markers = layout
        .markers
        .iter()
        .map(|marker| {
            let item = marker.item;
            let id = items::id(&s, item).to_owned();
            let tip = spoken(&data, item, lang);
            let (x, y) = (marker.x, marker.y);
            let w = (marker.x_end - marker.x).max(1.0);
            let mut class = String::from("iom-marker");
            if marker.inferred {
                class.push_str(" iom-marker--inferred");
            }
            let shape = if marker.is_bar {
                let bar = if marker.open_end {
                    "iom-mark iom-mark--bar iom-mark--open"
                } else {
                    "iom-mark iom-mark--bar"
                };
                view! { <rect x=x y=y - 6.0 width=w.max(4.0) height=12 rx=3 class=bar /> }
                    .into_any()
            } else {
                let event = (item.kind == ItemKind::Event).then(|| &s.events[item.index]);
                // Year- and month-precision dates show their whole span, faint, behind the point.
                let span = event.is_some_and(|e| e.date.precision() != Precision::Day).then(|| {
                    view! { <rect x=x y=y - 7.0 width=w height=14 rx=2 class="iom-mark__span" /> }
                });
                let point =
                    if event.is_some_and(|e| e.kind == crate::core::model::EventKind::Context) {
                        "iom-mark iom-mark--point iom-mark--context"
                    } else {
                        "iom-mark iom-mark--point"
                    };
                view! { {span} <circle cx=x + 6.0 cy=y r=5.5 class=point /> }.into_any()
            };
            view! {
                <g class=class data-id=id>
                    {shape}
                    <title>{tip}</title>
                </g>
            }
        })
        .collect_view();

    let clusters = layout
        .clusters
        .iter()
        .map(|cluster| {
            let count = cluster.items.len();
            let from = scale.year_at(cluster.x).floor() as i32;
            let to = scale.year_at(cluster.x_end).ceil() as i32 - 1;
            let from = from.clamp(FIRST_YEAR, LAST_YEAR);
            let to = to.clamp(FIRST_YEAR, LAST_YEAR).max(from);
            let label = fill(state.t(Msg::ClusterLabel), &[&count.to_string()]);
            let w = (cluster.x_end - cluster.x).max(26.0);
            view! {
                <g class="iom-cluster" data-years=format!("{from}-{to}")>
                    <rect x=cluster.x y=cluster.y - 8.0 width=w height=16 rx=8 />
                    <text x=cluster.x + w / 2.0 y=cluster.y + 4.0 text-anchor="middle">{format!("+{count}")}</text>
                    <title>{label}</title>
                </g>
            }
        })
        .collect_view();

    // Where each event marker is, for the keyboard ring.
    let positions: Vec<(usize, f64, f64)> = layout
        .markers
        .iter()
        .filter(|m| m.item.kind == ItemKind::Event)
        .map(|m| (m.item.index, m.x + if m.is_bar { 0.0 } else { 6.0 }, m.y))
        .collect();
    let ring = move || {
        let event = active.get()?;
        let &(_, x, y) = positions.iter().find(|(e, _, _)| *e == event)?;
        Some(view! { <circle cx=x cy=y r=10 class="iom-active-ring" /> })
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
            width=width
            height=height
            viewBox=format!("0 0 {width} {height}")
            aria-hidden="true"
            focusable="false"
            on:click=on_click
        >
            {strategy_band}
            <g class="iom-axis">{axis}</g>
            {milestones}
            {lanes}
            {markers}
            {clusters}
            {ring}
            {periods_heading}
            {periods_view}
        </svg>
    }
}
