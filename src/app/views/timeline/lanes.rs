//! The timeline's lane rules and labels, kept by lane ([`crate::core::keyed`]) instead of being
//! rebuilt: a filter change usually only moves lanes up or down, one `transform` per lane.

use leptos::prelude::*;

use crate::app::views::widgets::dom::svg_shape;
use crate::core::keyed::{Keyed, Order};
use crate::core::num::tenths;
use crate::core::timeline::LaneKey;

/// One drawn lane: its group (moved as a whole), its rule and its label, with what they show.
struct Lane {
    group: web_sys::Element,
    rule: web_sys::Element,
    label: web_sys::Element,
    y: Option<f64>,
    width: Option<f64>,
    text: String,
}

impl Lane {
    fn new(document: &web_sys::Document) -> Self {
        let group = svg_shape(document, "g", &[("class", "iom-lane")]);
        let rule = svg_shape(
            document,
            "line",
            &[
                ("class", "iom-lane__rule"),
                ("x1", "0"),
                ("y1", "-18"),
                ("y2", "-18"),
            ],
        );
        let label = svg_shape(
            document,
            "text",
            &[("class", "iom-lane__label"), ("x", "6"), ("y", "-7")],
        );
        let _ = group.append_child(&rule);
        let _ = group.append_child(&label);
        Lane {
            group,
            rule,
            label,
            y: None,
            width: None,
            text: String::new(),
        }
    }

    /// Changes only what differs: usually the lane's place.
    fn update(&mut self, y: f64, width: f64, text: String) {
        if self.y != Some(y) {
            let _ = self
                .group
                .set_attribute("transform", &format!("translate(0 {})", tenths(y)));
            self.y = Some(y);
        }
        if self.width != Some(width) {
            let _ = self.rule.set_attribute("x2", &tenths(width).to_string());
            self.width = Some(width);
        }
        if self.text != text {
            // Snapshot text goes in as text, never as markup.
            self.label.set_text_content(Some(&text));
            self.text = text;
        }
    }
}

/// Keeps `group` holding one rule and label per lane of `places` (lane and baseline y), with
/// labels from `label`, as wide as `width`.
pub fn keep_lanes(
    places: Memo<Vec<(LaneKey, f64)>>,
    width: Memo<f64>,
    label: impl Fn(LaneKey) -> String + 'static,
    group: NodeRef<leptos::svg::G>,
) {
    let kept = StoredValue::new_local(Keyed::<LaneKey, Lane>::default());
    Effect::new(move |_| {
        let Some(group) = group.get() else { return };
        let group: &web_sys::Element = group.as_ref();
        let document = document();
        let width = width.get();
        places.with(|places| {
            kept.update_value(|kept| {
                kept.sync(
                    group,
                    places.iter().map(|&(key, y)| (key, (key, y))),
                    Order::Any,
                    |_| Lane::new(&document),
                    |&(key, y), lane| lane.update(y, width, label(key)),
                    |lane| &lane.group,
                );
            });
        });
    });
}
