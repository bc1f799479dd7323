//! The timeline's markers, kept in step with the layout by key instead of being rebuilt.
//!
//! A filter change can bring back every marker at once (clearing the search), so each marker
//! is a single plain SVG shape made straight with the DOM: no listener, text or reactive part
//! of its own (the drawing's delegated handlers open it and show its tip). A marker keeps its
//! node while its item is shown: a filter change adds or removes only the markers that came or
//! went, and moves those whose place changed.

use std::collections::HashMap;

use leptos::prelude::*;

use super::coords::{self, Coord};
use super::{svg_shape as shape, Data};
use crate::app::perf;
use crate::core::index::{ItemKind, ItemRef};
use crate::core::items;
use crate::core::model::EventKind;
use crate::core::timeline::{Layout, Marker};
use crate::core::Precision;

/// What a drawn marker is: its item and how it looks. Where it is can change without a new
/// node (a narrower search packs the lanes' rows again): the node is moved instead.
type Look = (ItemRef, [bool; 3]);
/// Where a marker is drawn: x, end x and y.
type Place = [u64; 3];

fn look(marker: &Marker) -> Look {
    (
        marker.item,
        [marker.is_bar, marker.open_end, marker.inferred],
    )
}

fn place(marker: &Marker) -> Place {
    [
        marker.x.to_bits(),
        marker.x_end.to_bits(),
        marker.y.to_bits(),
    ]
}

/// A marker's nodes, each with the group it belongs in (its span behind, or the mark).
type Nodes = Vec<(web_sys::Element, bool)>;

/// The markers in the document, and those a filter took out, kept detached for when it is
/// undone (clearing a search brings every marker back). An item has one look, so the spare
/// markers are never more than the items.
#[derive(Default)]
struct Drawn {
    shown: HashMap<Look, (Place, Nodes)>,
    spare: HashMap<Look, (Place, Nodes)>,
}

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
                    let key = look(marker);
                    let now = place(marker);
                    let (was, nodes) = match drawn.shown.remove(&key) {
                        Some(kept) => kept,
                        None => match drawn.spare.remove(&key) {
                            Some(kept) => {
                                attach(&kept.1);
                                kept
                            }
                            None => {
                                let nodes = draw(&document, &data, marker);
                                attach(&nodes);
                                (now, nodes)
                            }
                        },
                    };
                    if was != now {
                        move_to(&nodes, marker);
                    }
                    shown.insert(key, (now, nodes));
                }
                for (key, kept) in std::mem::take(&mut drawn.shown) {
                    for (node, _) in &kept.1 {
                        node.remove();
                    }
                    drawn.spare.insert(key, kept);
                }
                drawn.shown = shown;
            });
            if !layout.markers.is_empty() || !layout.clusters.is_empty() {
                // The first complete drawing of the timeline on this page, for the benchmark.
                perf::mark_once(perf::TIMELINE);
            }
        });
    });
}

fn draw(document: &web_sys::Document, data: &Data, marker: &Marker) -> Nodes {
    let s = &data.snapshot;
    let item = marker.item;
    let id = items::id(s, item);
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
            &[("class", &class), ("data-id", id), ("r", "5.5")],
        );
        nodes.push((point, false));
    }
    move_to(&nodes, marker);
    nodes
}

/// Sets where a marker's nodes are drawn: a bar over its dates, a point at its date with a
/// faint span over the month or year it stands for.
fn move_to(nodes: &Nodes, marker: &Marker) {
    let (x, y) = (marker.x, marker.y);
    let w = (marker.x_end - marker.x).max(1.0);
    for (node, is_span) in nodes {
        let set = |coord, value| coords::set(node, coord, value);
        if *is_span {
            set(Coord::X, x);
            set(Coord::Y, y - 7.0);
            set(Coord::Width, w);
        } else if marker.is_bar {
            set(Coord::X, x);
            set(Coord::Y, y - 6.0);
            set(Coord::Width, w.max(4.0));
        } else {
            set(Coord::Cx, x + 6.0);
            set(Coord::Cy, y);
        }
    }
}
