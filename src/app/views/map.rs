//! The province map: the 18 provinces drawn from the bundled boundaries, shaded by what the
//! filters let through, each a toggle of the shared province filter; a legend with values, the
//! attribution and disclaimer, and a table with the same counts as the accessible alternative.

use std::sync::Arc;

use gloo_net::http::Request;
use leptos::html::Div;
use leptos::prelude::*;

use super::widgets::part;
use super::Data;
use crate::app::intl::format_number;
use crate::app::resize::use_width;
use crate::app::state::{tr, AppState};
use crate::core::geo::{paths, province_counts, Boundaries, Projection, ProvinceCounts, Shading};
use crate::core::i18n::{fill, Msg};
use crate::core::index::{ItemKind, ItemRef};
use crate::core::num::{coord, tenths};
use crate::core::Lang;

/// The boundaries shipped beside the snapshot, fetched only when the map is first shown.
pub const BOUNDARIES: &str = "data/lao-provinces.geojson";
const SHADES: usize = 5;
const PADDING: f64 = 8.0;

async fn fetch_boundaries(url: String) -> Result<Arc<Boundaries>, String> {
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|err| err.to_string())?;
    if !response.ok() {
        return Err(format!("{} {}", response.status(), response.status_text()));
    }
    let text = response.text().await.map_err(|err| err.to_string())?;
    Boundaries::parse(&text).map(Arc::new)
}

fn summary(state: AppState, name: &str, counts: ProvinceCounts, lang: Lang) -> String {
    let n = |value: usize| format_number(value, lang);
    fill(
        state.t(Msg::ProvinceSummary),
        &[
            name,
            &n(counts.partners),
            &n(counts.events),
            &n(counts.projects),
        ],
    )
}

#[component]
pub fn ProvinceMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let url = state.asset(BOUNDARIES);
    let boundaries = LocalResource::new(move || fetch_boundaries(url.clone()));
    let counts = {
        let data = data.clone();
        Memo::new(move |_| {
            data.visible
                .with(|v| province_counts(&data.snapshot, &data.index, v))
        })
    };
    let shading = Memo::new(move |_| {
        counts.with(|counts| {
            Shading::new(
                counts.iter().map(ProvinceCounts::total).max().unwrap_or(0),
                SHADES,
            )
        })
    });

    let map = part(move || {
        match boundaries.get() {
        None => view! { <p class="iom-loading" role="status">{state.t(Msg::MapLoading)}</p> }.into_any(),
        Some(Err(problem)) => {
            view! { <p class="iom-error" role="alert">{fill(state.t(Msg::MapLoadFailed), &[&problem])}</p> }.into_any()
        }
        Some(Ok(shapes)) => view! { <MapDrawing shapes counts shading /> }.into_any(),
    }
    });

    let legend = part(move || {
        let lang = state.lang();
        shading
            .get()
            .legend()
            .into_iter()
            .map(|(class, low, high)| {
                let label = match (low, high) {
                    (0, 0) => format!("0 ({})", state.t(Msg::LegendNone)),
                    (low, high) if low == high => format_number(low, lang),
                    (low, high) => format!("{}–{}", format_number(low, lang), format_number(high, lang)),
                };
                view! {
                    <li><span class=format!("iom-swatch iom-shade-{class}") aria-hidden="true"></span>{label}</li>
                }
            })
            .collect_view()
    });

    view! {
        <article class="iom-map">
            <h1>{tr(state, Msg::ViewMap)}</h1>
            <p class="iom-intro">{tr(state, Msg::MapIntro)}</p>
            <div class="iom-map-layout">
                <div class="iom-map-main">{map}</div>
                <aside class="iom-map-side">
                    <h2 id="iom-legend-title">{tr(state, Msg::LegendTitle)}</h2>
                    <ul class="iom-legend" aria-labelledby="iom-legend-title">{legend}</ul>
                    <p class="iom-attribution">{tr(state, Msg::BoundaryAttribution)}</p>
                    <p class="iom-attribution">{tr(state, Msg::Disclaimer)}</p>
                </aside>
            </div>
            <ProvinceTable counts />
        </article>
    }
}

#[component]
fn MapDrawing(
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

    let drawing = part(move || {
        let width = width.get();
        if width <= 0.0 {
            return None;
        }
        let height = Projection::height_for_width(bbox, width, PADDING);
        let projection = Projection::fit(bbox, width, height, PADDING);
        let lang = state.lang();
        let selected = state.facets.with(|f| f.provinces.clone());
        let counts = counts.get();
        let shading = shading.get();
        let drawn = paths(&shapes, &projection);
        let mut label = None;
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
                let count = position
                    .and_then(|i| counts.get(i).copied())
                    .unwrap_or_default();
                let class = format!("iom-province iom-shade-{}", shading.class(count.total()));
                let is_selected = selected.contains(&path.code);
                if hovered.get().as_deref() == Some(path.code.as_str()) {
                    label = Some((name.clone(), path.label_at));
                }
                let aria = summary(state, &name, count, lang);
                let (code_click, code_key, code_enter, code_focus) = (
                    path.code.clone(),
                    path.code.clone(),
                    path.code.clone(),
                    path.code.clone(),
                );
                let toggle = move |code: String| {
                    state.update_filters(|f| {
                        if !f.provinces.remove(&code) {
                            f.provinces.insert(code);
                        }
                    })
                };
                view! {
                    <path
                        d=path.d
                        class=class
                        class:iom-province--selected=is_selected
                        tabindex="0"
                        role="button"
                        aria-pressed=is_selected.to_string()
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
                        <title>{name.clone()}</title>
                    </path>
                }
            })
            .collect_view();
        let label = label.map(|(name, (x, y))| {
            view! { <text x=coord(x) y=coord(y) text-anchor="middle" class="iom-map-label" aria-hidden="true">{name}</text> }
        });
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
                {label}
            </svg>
        })
    });
    view! { <div class="iom-map-frame" node_ref=frame>{drawing}</div> }
}

/// The accessible alternative: every province with its counts; names open the province.
#[component]
fn ProvinceTable(counts: Memo<Vec<ProvinceCounts>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let rows = part(move || {
        let lang = state.lang();
        let counts = counts.get();
        let mut order: Vec<usize> = (0..data.snapshot.provinces.len()).collect();
        order.sort_unstable_by_key(|&i| {
            (
                std::cmp::Reverse(counts[i].total()),
                data.snapshot.provinces[i].name.en.clone(),
                i,
            )
        });
        order
            .into_iter()
            .map(|i| {
                let c = counts[i];
                let n = |value: usize| format_number(value, lang);
                view! {
                    <tr>
                        <th scope="row"><super::widgets::ItemButton item=ItemRef::new(ItemKind::Province, i) /></th>
                        <td>{n(c.partners)}</td>
                        <td>{n(c.events)}</td>
                        <td>{n(c.projects)}</td>
                        <td>{n(c.total())}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    view! {
        <div class="iom-table-wrap">
            <table class="iom-table">
                <caption>{tr(state, Msg::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(state, Msg::ItemProvince)}</th>
                        <th scope="col">{tr(state, Msg::RelatedPartners)}</th>
                        <th scope="col">{tr(state, Msg::RelatedEvents)}</th>
                        <th scope="col">{tr(state, Msg::RelatedProjects)}</th>
                        <th scope="col">{tr(state, Msg::ColTotal)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
