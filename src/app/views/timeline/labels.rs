//! The event titles written on the timeline (see `core::timeline_labels` for where they go).
//! The browser measures each label in the drawing's font, once per text, so the placement
//! never overlaps what the eye sees.

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::app::views::widgets::measure::TextMeasure;
use crate::app::views::Data;
use crate::core::items;
use crate::core::num::coord;
use crate::core::timeline::Layout;
use crate::core::timeline_labels::{place_labels, Label};

/// The labels' font, as `svg.css` sets it for `.iom-tl-label`.
const FONT_PX: f64 = 11.0;

/// The labels layer: redrawn when the layout or the language changes (a few dozen texts).
pub fn labels(
    layout: Memo<Layout>,
    data: Data,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    let state = expect_context::<AppState>();
    let measure = StoredValue::new_local(TextMeasure::new(FONT_PX, false));
    let placed = {
        let data = data.clone();
        Memo::new(move |_| {
            let lang = state.lang();
            layout.with(|l| {
                measure
                    .try_update_value(|m| {
                        place_labels(&data.snapshot, l, lang, &mut |t| m.width(t))
                    })
                    .unwrap_or_default()
            })
        })
    };
    move || {
        let ui = state.lang();
        placed.with(|labels| {
            labels
                .iter()
                .map(|label| label_view(&data, label, ui))
                .collect_view()
                .into_any()
        })
    }
}

fn label_view(data: &Data, label: &Label, ui: crate::core::Lang) -> impl IntoView {
    let id = items::id(&data.snapshot, label.item).to_owned();
    let lang = (label.lang != ui).then_some(label.lang.code());
    view! {
        <text class="iom-tl-label" data-id=id lang=lang x=coord(label.x) y=coord(label.y + 4.0)>
            {label.text.clone()}
        </text>
    }
}
