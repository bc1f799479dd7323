//! The map itself: the 18 provinces shaded by their counts, each a toggle of the shared
//! province filter, named on hover and focus.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::summary;
use crate::app::resize::use_width;
use crate::app::state::AppState;
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::facets::Facet;
use crate::core::geo::{paths, Boundaries, Projection, ProvinceCounts, Shading};
use crate::core::i18n::Msg;
use crate::core::num::{coord, tenths};

const PADDING: f64 = 8.0;

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
                let toggle =
                    move |code: String| state.update_filters(|f| f.toggle(Facet::Provinces, &code));
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
