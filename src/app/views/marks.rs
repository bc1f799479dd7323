//! The timeline's markers, kept in step with the layout by key instead of being rebuilt.
//!
//! A filter change can bring back every marker at once (clearing the search), so each marker
//! is a single plain SVG shape made straight with the DOM: no listener, text or reactive part
//! of its own (the drawing's delegated handlers open it and show its tip). A marker whose
//! key is unchanged keeps its node; only the markers that changed are added or removed.

use std::collections::HashMap;

use leptos::prelude::*;

use super::{svg_shape as shape, Data};
use crate::core::index::{ItemKind, ItemRef};
use crate::core::items;
use crate::core::model::EventKind;
use crate::core::timeline::{Layout, Marker};
use crate::core::Precision;

/// What identifies a drawn marker: its item, where it is and how it looks.
type MarkerKey = (ItemRef, [u64; 3], [bool; 3]);

fn marker_key(marker: &Marker) -> MarkerKey {
    (
        marker.item,
        [
            marker.x.to_bits(),
            marker.x_end.to_bits(),
            marker.y.to_bits(),
        ],
        [marker.is_bar, marker.open_end, marker.inferred],
    )
}

/// A marker's nodes, each with the group it belongs in (its span behind, or the mark).
type Nodes = Vec<(web_sys::Element, bool)>;

/// The markers in the document, and those a filter took out, kept detached for when it is
/// undone (clearing a search brings every marker back at its old place and key).
#[derive(Default)]
struct Drawn {
    shown: HashMap<MarkerKey, Nodes>,
    spare: HashMap<MarkerKey, Nodes>,
}

/// How many detached markers are kept at most, for each marker shown (memory stays bounded
/// when the width or the years change every key).
const SPARE_PER_SHOWN: usize = 4;

/// Draws the markers of `layout` into two groups: the faint spans of dates known only to the
/// month or year (behind), and the marks themselves.
pub fn keep_marks(
    layout: Memo<Layout>,
    data: Data,
    spans: NodeRef<leptos::svg::G>,
    marks: NodeRef<leptos::svg::G>,
) {
    let drawn = StoredValue::new_local(Drawn::default());
    Effect::new(move |_| {
        let (Some(spans), Some(marks)) = (spans.get(), marks.get()) else {
            return;
        };
        let document = document();
        let attach = |nodes: &Nodes| {
            for (node, is_span) in nodes {
                let group = if *is_span { &spans } else { &marks };
                let _ = group.append_child(node);
            }
        };
        layout.with(|layout| {
            drawn.update_value(|drawn| {
                let mut shown = HashMap::with_capacity(layout.markers.len());
                for marker in &layout.markers {
                    let key = marker_key(marker);
                    let nodes = match drawn.shown.remove(&key) {
                        Some(nodes) => nodes,
                        None => match drawn.spare.remove(&key) {
                            Some(nodes) => {
                                attach(&nodes);
                                nodes
                            }
                            None => {
                                let nodes = draw(&document, &data, marker);
                                attach(&nodes);
                                nodes
                            }
                        },
                    };
                    shown.insert(key, nodes);
                }
                for (key, nodes) in std::mem::take(&mut drawn.shown) {
                    for (node, _) in &nodes {
                        node.remove();
                    }
                    drawn.spare.insert(key, nodes);
                }
                if drawn.spare.len() > SPARE_PER_SHOWN * shown.len().max(100) {
                    drawn.spare.clear();
                }
                drawn.shown = shown;
            });
            if !layout.markers.is_empty() || !layout.clusters.is_empty() {
                mark_ready();
            }
        });
    });
}

/// Marks the first complete drawing of the timeline on this page, for the benchmark (README,
/// Performance), once the markers are in the document.
fn mark_ready() {
    let Some(performance) = window().performance() else {
        return;
    };
    let marked = performance
        .get_entries_by_name("iom-timeline-ready")
        .length()
        > 0;
    if !marked {
        let _ = performance.mark("iom-timeline-ready");
    }
}

fn px(value: f64) -> String {
    crate::core::num::tenths(value).to_string()
}

fn draw(document: &web_sys::Document, data: &Data, marker: &Marker) -> Nodes {
    let s = &data.snapshot;
    let item = marker.item;
    let id = items::id(s, item);
    let (x, y) = (marker.x, marker.y);
    let w = (marker.x_end - marker.x).max(1.0);
    let inferred = if marker.inferred {
        " iom-mark--inferred"
    } else {
        ""
    };
    let mut nodes = Vec::with_capacity(2);
    if marker.is_bar {
        let open = if marker.open_end {
            " iom-mark--open"
        } else {
            ""
        };
        let class = format!("iom-mark iom-mark--bar{open}{inferred}");
        let bar = shape(
            document,
            "rect",
            &[
                ("class", &class),
                ("data-id", id),
                ("x", &px(x)),
                ("y", &px(y - 6.0)),
                ("width", &px(w.max(4.0))),
                ("height", "12"),
                ("rx", "3"),
            ],
        );
        nodes.push((bar, false));
    } else {
        let event = (item.kind == ItemKind::Event).then(|| &s.events[item.index]);
        if event.is_some_and(|e| e.date.precision() != Precision::Day) {
            let span = shape(
                document,
                "rect",
                &[
                    ("class", "iom-mark__span"),
                    ("data-id", id),
                    ("x", &px(x)),
                    ("y", &px(y - 7.0)),
                    ("width", &px(w)),
                    ("height", "14"),
                    ("rx", "2"),
                ],
            );
            nodes.push((span, true));
        }
        let context = if event.is_some_and(|e| e.kind == EventKind::Context) {
            " iom-mark--context"
        } else {
            ""
        };
        let class = format!("iom-mark iom-mark--point{context}{inferred}");
        let point = shape(
            document,
            "circle",
            &[
                ("class", &class),
                ("data-id", id),
                ("cx", &px(x + 6.0)),
                ("cy", &px(y)),
                ("r", "5.5"),
            ],
        );
        nodes.push((point, false));
    }
    nodes
}
