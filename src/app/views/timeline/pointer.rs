//! Where the timeline is pointed at: the keyboard's ring around the active event (or around the
//! cluster it went into), and one tip with the date and title of the marker under the pointer,
//! or else of the keyboard's.

use leptos::prelude::*;

use super::spoken;
use crate::app::state::AppState;
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::kinds::{ItemKind, ItemRef};
use crate::core::num::{coord, tenths};
use crate::core::timeline::{Layout, Placement};

/// The ring around the keyboard's event.
pub fn ring(
    layout: Memo<Layout>,
    active: Signal<Option<usize>>,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    part(move || {
        let event = ItemRef::new(ItemKind::Event, active.get()?);
        layout.with(|l| {
            Some(match l.placement(event)? {
                Placement::Marker(m) => view! {
                    <circle cx=coord(m.anchor_x()) cy=coord(m.y) r=10 class="iom-active-ring" />
                }
                .into_any(),
                Placement::Cluster(c) => view! {
                    <rect x=coord(c.x - 4.0) y=coord(c.y - 12.0) width=coord(c.drawn_width() + 8.0) height=24 rx=12 class="iom-active-ring" />
                }
                .into_any(),
            })
        })
    })
}

/// The tip, placed beside its marker towards the middle of the drawing (below it in the top
/// lane), through the CSSOM: a `style` attribute would break the page's CSP.
pub fn tip(
    data: Data,
    layout: Memo<Layout>,
    width: Memo<f64>,
    hovered: RwSignal<Option<ItemRef>>,
    active: Signal<Option<usize>>,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    let state = expect_context::<AppState>();
    let place = move || {
        let item = hovered
            .get()
            .or_else(|| active.get().map(|e| ItemRef::new(ItemKind::Event, e)))?;
        let (x, y) = layout.with(|l| l.placement(item).map(|p| p.anchor()))?;
        Some((item, x, y))
    };
    part(move || {
        let Some((item, x, y)) = place() else {
            return ().into_any();
        };
        let w = width.get();
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
}
