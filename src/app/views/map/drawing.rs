//! The map itself: the 18 provinces shaded by their counts and named in the current language
//! (with the capital marked and the neighbouring countries at their borders), each a toggle of
//! the shared province filter; hover and focus give a province's counts.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::summary;
use crate::app::resize::use_width;
use crate::app::state::AppState;
use crate::app::views::widgets::measure::TextMeasure;
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::facets::Facet;
use crate::core::geo::{paths, Boundaries, Projection, ProvinceCounts, ProvincePath, Shading};
use crate::core::i18n::Msg;
use crate::core::map_labels::{place, Wanted, NEIGHBOURS};
use crate::core::num::{coord, tenths};
use crate::core::Lang;

const PADDING: f64 = 8.0;
/// The names' font size and the height each line of them takes.
const NAME_PX: f64 = 11.0;
const LINE_PX: f64 = 14.0;

#[component]
pub fn MapDrawing(
    shapes: Arc<Boundaries>,
    counts: Memo<Vec<ProvinceCounts>>,
    shading: Memo<Shading>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let frame = NodeRef::<Div>::new();
    let width = use_width(frame);
    let hovered = RwSignal::new(None::<String>);
    let bbox = shapes.bbox();
    let measure = StoredValue::new_local(TextMeasure::new(NAME_PX, true));

    // What a pointer or focus is on, with its counts, derived from the hovered code.
    let hover_line = {
        let data = data.clone();
        move || {
            let code = hovered.get()?;
            let i = data
                .snapshot
                .provinces
                .iter()
                .position(|p| p.code == code)?;
            let lang = state.lang();
            let name = data.snapshot.provinces[i].name.get(lang).text;
            let count = counts.with(|c| c.get(i).copied())?;
            Some(summary(state, name, count, lang))
        }
    };
    let drawing = part(move || {
        let width = width.get();
        if width <= 0.0 {
            return None;
        }
        let height = Projection::height_for_width(bbox, width, PADDING);
        let projection = Projection::fit(bbox, width, height, PADDING);
        let lang = state.lang();
        let drawn = paths(&shapes, &projection);
        let names = names(
            &data,
            &drawn,
            &projection,
            lang,
            state,
            measure,
            width,
            height,
        );
        // The shapes and names depend on the width and the language only; a filter change
        // rewrites each province's shade, state and label, not the drawing.
        let provinces = drawn
            .into_iter()
            .map(|path| {
                let position = data
                    .snapshot
                    .provinces
                    .iter()
                    .position(|p| p.code == path.code);
                let name = position
                    .map(|i| data.snapshot.provinces[i].name.get(lang).text.to_owned())
                    .unwrap_or_else(|| path.code.clone());
                let count = move || {
                    position
                        .and_then(|i| counts.with(|c| c.get(i).copied()))
                        .unwrap_or_default()
                };
                let code = path.code.clone();
                let selected =
                    Memo::new(move |_| state.facets.with(|f| f.provinces.contains(&code)));
                // One class attribute (a `class:` toggle beside it would be wiped when it is
                // rewritten).
                let class = move || {
                    let shade = shading.with(|s| s.class(count().total()));
                    let selected = if selected.get() {
                        " iom-province--selected"
                    } else {
                        ""
                    };
                    format!("iom-province iom-shade-{shade}{selected}")
                };
                let aria = {
                    let name = name.clone();
                    move || summary(state, &name, count(), lang)
                };
                let (code_click, code_key, code_enter, code_focus) = (
                    path.code.clone(),
                    path.code.clone(),
                    path.code.clone(),
                    path.code.clone(),
                );
                let toggle =
                    move |code: String| state.update_filters(|f| f.toggle(Facet::Provinces, &code));
                view! {
                    <path
                        d=path.d
                        class=class
                        tabindex="0"
                        role="button"
                        aria-pressed=move || selected.get().to_string()
                        aria-label=aria
                        on:click=move |_| toggle(code_click.clone())
                        on:keydown=move |event| {
                            if event.key() == "Enter" || event.key() == " " {
                                event.prevent_default();
                                toggle(code_key.clone());
                            }
                        }
                        on:mouseenter=move |_| hovered.set(Some(code_enter.clone()))
                        on:focus=move |_| hovered.set(Some(code_focus.clone()))
                        on:mouseleave=move |_| hovered.set(None)
                        on:blur=move |_| hovered.set(None)
                    >
                        <title>{name}</title>
                    </path>
                }
            })
            .collect_view();
        Some(view! {
            <svg
                class="iom-map-svg"
                width=coord(width)
                height=coord(height)
                viewBox=format!("0 0 {} {}", tenths(width), tenths(height.round()))
                role="group"
                aria-label=state.t(Msg::MapLabel)
            >
                {provinces}
                <g class="iom-map-names" aria-hidden="true">{names}</g>
            </svg>
        })
    });
    view! {
        // What a pointer or focus is on, with its counts (the province's own label says the same
        // to screen readers).
        <p class="iom-map-hover" aria-hidden="true">{hover_line}</p>
        <div class="iom-map-frame" node_ref=frame>{drawing}</div>
    }
}

/// The names written on the map: the neighbouring countries at their borders, then the capital,
/// then every other province (see `core::map_labels`).
#[allow(clippy::too_many_arguments)]
fn names(
    data: &Data,
    drawn: &[ProvincePath],
    projection: &Projection,
    lang: Lang,
    state: AppState,
    measure: StoredValue<TextMeasure, LocalStorage>,
    width: f64,
    height: f64,
) -> impl IntoView {
    let s = &data.snapshot;
    let mut wanted: Vec<Wanted> = Vec::new();
    for (country, lon, lat) in NEIGHBOURS {
        let text = state.t(country).to_owned();
        wanted.push(Wanted {
            key: format!("{country:?}"),
            width: measure.try_update_value(|m| m.width(&text)).unwrap_or(0.0),
            text,
            at: projection.project(lon, lat),
            movable: false,
        });
    }
    let capital_first = {
        let mut order: Vec<&ProvincePath> = drawn.iter().collect();
        order.sort_by_key(|path| !s.provinces.iter().any(|p| p.code == path.code && p.capital));
        order
    };
    for path in capital_first {
        let Some(province) = s.provinces.iter().find(|p| p.code == path.code) else {
            continue;
        };
        let text = province.name.get(lang).text.to_owned();
        let width = measure.try_update_value(|m| m.width(&text)).unwrap_or(0.0);
        // The capital's name stands beside its dot, not over it.
        let (x, y) = path.label_at;
        let at = if province.capital {
            (x + width / 2.0 + 6.0, y)
        } else {
            (x, y)
        };
        wanted.push(Wanted {
            key: path.code.clone(),
            width,
            text,
            at,
            movable: true,
        });
    }
    let capital = s.provinces.iter().find(|p| p.capital).and_then(|p| {
        drawn
            .iter()
            .find(|path| path.code == p.code)
            .map(|path| path.label_at)
    });
    let placed = place(&wanted, width, height, LINE_PX);
    let countries: Vec<String> = NEIGHBOURS
        .iter()
        .map(|(country, ..)| format!("{country:?}"))
        .collect();
    let views = placed
        .into_iter()
        .map(|name| {
            let class = if countries.contains(&name.key) {
                "iom-map-country"
            } else {
                "iom-map-name"
            };
            let leader = name.leader.map(|((x1, y1), (x2, y2))| {
                view! { <line class="iom-map-leader" x1=coord(x1) y1=coord(y1) x2=coord(x2) y2=coord(y2) /> }
            });
            view! {
                {leader}
                <text class=class x=coord(name.x) y=coord(name.y + NAME_PX * 0.35) text-anchor="middle">{name.text}</text>
            }
        })
        .collect_view();
    let star = capital.map(|(x, y)| {
        view! { <circle class="iom-map-capital" cx=coord(x) cy=coord(y) r="3.5" /> }
    });
    view! { {views} {star} }
}
