//! The timeline's markers, kept by key ([`crate::core::keyed`]) instead of being rebuilt.
//!
//! A filter change can bring back every marker at once (clearing the search), so each marker
//! is a single plain SVG shape made straight with the DOM: no listener, text or reactive part
//! of its own (the drawing's delegated handlers open it and show its tip). A marker keeps its
//! node while its item is shown; a filter change adds or removes only the markers that came or
//! went, and moves those whose place changed.

use leptos::prelude::*;

use super::coords::{self, Coord};
use crate::app::perf;
use crate::app::views::first_screen;
use crate::app::views::widgets::dom::svg_shape;
use crate::app::views::Data;
use crate::core::items;
use crate::core::keyed::{Keyed, Order};
use crate::core::kinds::{ItemKind, ItemRef};
use crate::core::model::EventKind;
use crate::core::model::SpanEnd;
use crate::core::timeline::{Layout, Marker};
use crate::core::Precision;

/// What a drawn marker is: its item and how it looks. Where it is can change without a new
/// node (a narrower search packs the lanes' rows again): the node is moved instead.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Look {
    item: ItemRef,
    is_bar: bool,
    end: SpanEnd,
    inferred: bool,
}

impl Look {
    fn of(marker: &Marker) -> Self {
        Look {
            item: marker.item,
            is_bar: marker.is_bar,
            end: marker.end,
            inferred: marker.inferred,
        }
    }
}

/// One drawn shape: a mark, or the faint span behind a point whose date is known only to the
/// month or year.
struct Shape {
    element: web_sys::Element,
    /// Where it was last put: x, end x and y (bits), to move it only when that changes.
    place: [u64; 3],
}

impl Shape {
    fn new(element: web_sys::Element) -> Self {
        Shape {
            element,
            place: [u64::MAX; 3],
        }
    }

    /// Puts the shape at `marker`'s place, if it is not there already.
    fn follow(&mut self, marker: &Marker, is_span: bool) {
        let place = [
            marker.x.to_bits(),
            marker.x_end.to_bits(),
            marker.y.to_bits(),
        ];
        if self.place != place {
            self.place = place;
            move_to(&self.element, marker, is_span);
        }
    }
}

/// Whether a marker has a span behind it: a point whose date is not known to the day.
fn has_span(data: &Data, marker: &Marker) -> bool {
    !marker.is_bar
        && marker.item.kind == ItemKind::Event
        && data.snapshot.events[marker.item.index].date.precision() != Precision::Day
}

/// Draws the markers of `layout` into two groups: the spans (behind) and the marks.
pub fn keep_marks(
    layout: Memo<Layout>,
    data: Data,
    spans: NodeRef<leptos::svg::G>,
    marks: NodeRef<leptos::svg::G>,
) {
    let kept = StoredValue::new_local((Keyed::<Look, Shape>::default(), Keyed::default()));
    Effect::new(move |_| {
        let (Some(spans), Some(marks)) = (spans.get(), marks.get()) else {
            return;
        };
        let (spans, marks): (&web_sys::Element, &web_sys::Element) =
            (spans.as_ref(), marks.as_ref());
        let document = document();
        layout.with(|layout| {
            kept.update_value(|(kept_marks, kept_spans)| {
                let markers = || layout.markers.iter().map(|m| (Look::of(m), m));
                kept_marks.sync(
                    marks,
                    markers(),
                    Order::Any,
                    |marker| Shape::new(draw_mark(&document, &data, marker)),
                    |marker, shape| shape.follow(marker, false),
                    |shape| &shape.element,
                );
                kept_spans.sync(
                    spans,
                    markers().filter(|(_, m)| has_span(&data, m)),
                    Order::Any,
                    |marker| Shape::new(draw_span(&document, &data, marker)),
                    |marker, shape| shape.follow(marker, true),
                    |shape| &shape.element,
                );
            });
            if !layout.markers.is_empty() || !layout.clusters.is_empty() {
                // The first complete drawing of the timeline on this page, for the benchmark
                // (once seen: it may be drawn behind the page's prerendered copy).
                first_screen::when_seen(|| perf::mark_once(perf::TIMELINE));
            }
        });
    });
}

fn draw_span(document: &web_sys::Document, data: &Data, marker: &Marker) -> web_sys::Element {
    let id = items::id(&data.snapshot, marker.item);
    svg_shape(
        document,
        "rect",
        &[
            ("class", "iom-mark__span"),
            ("data-id", id),
            ("height", "14"),
            ("rx", "2"),
        ],
    )
}

fn draw_mark(document: &web_sys::Document, data: &Data, marker: &Marker) -> web_sys::Element {
    let s = &data.snapshot;
    let item = marker.item;
    let id = items::id(s, item);
    let inferred = if marker.inferred {
        " iom-mark--inferred"
    } else {
        ""
    };
    if marker.is_bar {
        let open = match marker.end {
            SpanEnd::Known => "",
            SpanEnd::Ongoing => " iom-mark--ongoing",
            SpanEnd::Unrecorded => " iom-mark--open",
        };
        let class = format!("iom-mark iom-mark--bar{open}{inferred}");
        svg_shape(
            document,
            "rect",
            &[
                ("class", &class),
                ("data-id", id),
                ("height", "12"),
                ("rx", "3"),
            ],
        )
    } else {
        let is_context =
            item.kind == ItemKind::Event && s.events[item.index].kind == EventKind::Context;
        let context = if is_context { " iom-mark--context" } else { "" };
        let class = format!("iom-mark iom-mark--point{context}{inferred}");
        svg_shape(
            document,
            "circle",
            &[("class", &class), ("data-id", id), ("r", "5.5")],
        )
    }
}

/// Sets where a shape is drawn: a bar over its dates, a point at its date, a span over the
/// month or year the point stands for.
fn move_to(element: &web_sys::Element, marker: &Marker, is_span: bool) {
    let (x, y) = (marker.x, marker.y);
    let w = (marker.x_end - marker.x).max(1.0);
    let set = |coord, value| coords::set(element, coord, value);
    if is_span {
        set(Coord::X, x);
        set(Coord::Y, y - 7.0);
        set(Coord::Width, w);
    } else if marker.is_bar {
        set(Coord::X, x);
        set(Coord::Y, y - 6.0);
        set(Coord::Width, w.max(4.0));
    } else {
        set(Coord::Cx, marker.anchor_x());
        set(Coord::Cy, y);
    }
}
