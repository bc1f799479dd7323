//! The timeline's lane rules and labels, kept by lane instead of being rebuilt: a filter change
//! usually only moves lanes up or down, which is one `transform` per lane.

use std::collections::HashMap;

use leptos::prelude::*;

use super::svg_shape;
use crate::core::num::tenths;
use crate::core::timeline::LaneKey;

/// One drawn lane: its group (moved as a whole), its rule and its label.
struct Lane {
    group: web_sys::Element,
    rule: web_sys::Element,
    label: web_sys::Element,
    y: Option<f64>,
    width: Option<f64>,
    text: String,
}

fn create(document: &web_sys::Document, tag: &str, class: &str) -> web_sys::Element {
    svg_shape(document, tag, &[("class", class)])
}

impl Lane {
    fn new(document: &web_sys::Document) -> Self {
        let group = create(document, "g", "iom-lane");
        let rule = create(document, "line", "iom-lane__rule");
        let label = create(document, "text", "iom-lane__label");
        for (name, value) in [("x1", "0"), ("y1", "-18"), ("y2", "-18")] {
            let _ = rule.set_attribute(name, value);
        }
        for (name, value) in [("x", "6"), ("y", "-7")] {
            let _ = label.set_attribute(name, value);
        }
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
    let drawn = StoredValue::new_local(HashMap::<LaneKey, Lane>::new());
    Effect::new(move |_| {
        let Some(group) = group.get() else { return };
        let document = document();
        let width = width.get();
        places.with(|places| {
            drawn.update_value(|drawn| {
                // Lanes with nothing left in them are taken out and kept for later.
                for (key, lane) in drawn.iter() {
                    if !places.iter().any(|(shown, _)| shown == key) {
                        lane.group.remove();
                    }
                }
                for &(key, y) in places {
                    let lane = drawn.entry(key).or_insert_with(|| Lane::new(&document));
                    lane.update(y, width, label(key));
                    if lane.group.parent_node().is_none() {
                        let _ = group.append_child(&lane.group);
                    }
                }
            });
        });
    });
}
