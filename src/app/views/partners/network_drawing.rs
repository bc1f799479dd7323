//! The partner network's drawing, kept in step with the layout instead of being rebuilt.
//!
//! At 100 times the real snapshot the network has over 3,000 nodes and 6,000 edges, and a
//! keystroke in the search moves most of them (the rings close up around what is left). So:
//! - each node is a button made straight with the DOM (a group with its name, moved by one
//!   `transform`, holding the shape of its kind), kept by item while its item is shown: a filter
//!   change adds, removes and moves nodes, and keyboard focus stays put. The drawing's
//!   delegated handlers open a node and light it, so a node has no listener of its own;
//! - the edges are three paths (plain, donor, lit), one attribute each to redraw;
//! - lighting a node touches only the nodes whose light changes.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::shapes::{kind_class, kind_msg, node_shape};
use crate::app::state::AppState;
use crate::app::views::widgets::dom::svg_shape as shape;
use crate::app::views::Data;
use crate::core::i18n::{fill, Msg};
use crate::core::items;
use crate::core::keyed::{Keyed, Order};
use crate::core::kinds::ItemRef;
use crate::core::network::{self, short_label, Network, NodeKind};
use crate::core::num::{coord, tenths};
use crate::core::text::Lang;
use crate::core::Snapshot;

/// A node's elements and what they show now, to touch only what changed.
struct Node {
    group: web_sys::Element,
    shape: web_sys::Element,
    /// Radius (bits) of the drawn shape, which grows with the node's links.
    radius: u64,
    place: [u64; 2],
    named: (Lang, usize),
    lit: bool,
}

/// The drawing's layers and nodes. A node is made once per item and kept: a filter takes it
/// out of the document and brings it back (clearing a search brings every node back).
struct Drawing {
    svg: web_sys::Element,
    edges: [web_sys::Element; 3],
    nodes: web_sys::Element,
    labels: web_sys::Element,
    /// The nodes, by item, in ring order (the order of the tab stops).
    nodes_by_item: Keyed<ItemRef, Node>,
    /// The layout and language drawn, so that lighting a node does not redraw the rest (held,
    /// so that a new layout can never be at the same address).
    drawn: Option<(Arc<Network>, Lang)>,
}

const PLAIN: usize = 0;
const DONOR: usize = 1;
const LIT: usize = 2;

impl Drawing {
    /// The SVG and its layers (edges, nodes, labels), appended to `host`.
    fn new(document: &web_sys::Document, host: &web_sys::Element) -> Self {
        let svg = shape(
            document,
            "svg",
            &[("class", "iom-network-svg"), ("role", "group")],
        );
        let _ = host.append_child(&svg);
        let layer = |hidden: bool| {
            let g = shape(document, "g", &[]);
            if hidden {
                let _ = g.set_attribute("aria-hidden", "true");
            }
            let _ = svg.append_child(&g);
            g
        };
        let edges_layer = layer(true);
        let edges = [
            "iom-edge",
            "iom-edge iom-edge--donor",
            "iom-edge iom-edge--lit",
        ]
        .map(|class| {
            let path = shape(document, "path", &[("class", class)]);
            let _ = edges_layer.append_child(&path);
            path
        });
        let (nodes, labels) = (layer(false), layer(true));
        Drawing {
            svg,
            edges,
            nodes,
            labels,
            nodes_by_item: Keyed::default(),
            drawn: None,
        }
    }

    /// The SVG's size, name and state classes.
    fn frame(&self, net: &Network, width: f64, lit: bool, state: AppState) {
        let svg = &self.svg;
        let _ = svg.set_attribute("width", &coord(width));
        let _ = svg.set_attribute("aria-label", state.t(Msg::NetworkLabel));
        let view_box = format!(
            "0 0 {} {}",
            tenths(net.width.round()),
            tenths(net.height.round())
        );
        let _ = svg.set_attribute("viewBox", &view_box);
        let classes = svg.class_list();
        // Before its frame is measured it holds its (square) place; only a filter that leaves
        // no partner hides it.
        let empty = width > 0.0 && net.nodes.is_empty();
        let _ = classes.toggle_with_force("iom-network-svg--empty", empty);
        let _ = classes.toggle_with_force("iom-network--focus", lit);
    }

    /// The three edge paths; the plain and donor ones only for a new layout or language.
    fn edges(&mut self, net: &Arc<Network>, lang: Lang, lit_node: Option<usize>) {
        let fresh = !self
            .drawn
            .as_ref()
            .is_some_and(|(drawn, drawn_lang)| Arc::ptr_eq(drawn, net) && *drawn_lang == lang);
        self.drawn = Some((net.clone(), lang));
        let edges_path = |pick: &dyn Fn(&network::Edge) -> bool| net.edges_path(pick);
        if fresh {
            let _ = self.edges[PLAIN].set_attribute("d", &edges_path(&|e| !e.donor));
            let _ = self.edges[DONOR].set_attribute("d", &edges_path(&|e| e.donor));
        }
        let lit_edges = match lit_node {
            Some(i) => edges_path(&|e| e.from == i || e.to == i),
            None => String::new(),
        };
        let _ = self.edges[LIT].set_attribute("d", &lit_edges);
    }

    /// Labels sit in their own layer, outside the buttons, so that a node's accessible name is
    /// its full name and the shortened visible label is decoration. Themes are always named;
    /// other nodes while lit.
    fn labels(
        &self,
        document: &web_sys::Document,
        s: &Snapshot,
        net: &Network,
        lit: &[ItemRef],
        lang: Lang,
    ) {
        self.labels.set_text_content(None);
        for node in &net.nodes {
            if node.kind != NodeKind::Theme && !lit.contains(&node.item) {
                continue;
            }
            let title = items::title(s, node.item);
            let short = short_label(title.get(lang).text);
            // Labels point away from the centre so that neighbours' do not collide.
            let (x, anchor) = if node.x < net.width / 2.0 {
                (node.x - node.r - 4.0, "end")
            } else {
                (node.x + node.r + 4.0, "start")
            };
            let label = shape(
                document,
                "text",
                &[
                    ("x", &tenths(x).to_string()),
                    ("y", &tenths(node.y + 4.0).to_string()),
                    ("text-anchor", anchor),
                    ("class", "iom-node-label"),
                ],
            );
            label.set_text_content(Some(&short));
            let _ = self.labels.append_child(&label);
        }
    }
}

/// Draws `net` in an SVG inside `host`, `width` pixels wide, lighting the node `focused` and
/// its neighbours (the style dims the rest). Nodes are in ring order: the order of the tab
/// stops.
pub fn keep_drawing(
    host: NodeRef<Div>,
    width: ReadSignal<f64>,
    net: Memo<Arc<Network>>,
    focused: RwSignal<Option<ItemRef>>,
    data: Data,
) {
    let state = expect_context::<AppState>();
    let drawing = StoredValue::new_local(None::<Drawing>);
    Effect::new(move |_| {
        let Some(host) = host.get() else {
            return;
        };
        let lang = state.lang();
        let focused = focused.get();
        let document = document();
        let s = &*data.snapshot;
        net.with(|net| {
            let lit_node = focused.and_then(|item| net.nodes.iter().position(|n| n.item == item));
            let lit: Vec<ItemRef> = lit_node
                .map(|i| network::neighbours(net, i).into_iter().chain([i]))
                .into_iter()
                .flatten()
                .map(|j| net.nodes[j].item)
                .collect();
            drawing.update_value(|drawing| {
                let drawing = drawing.get_or_insert_with(|| Drawing::new(&document, &host));
                drawing.frame(net, width.get(), lit_node.is_some(), state);
                drawing.edges(net, lang, lit_node);
                // The order of items on the rings does not depend on the filter, so kept
                // nodes are already in order: a new one goes in just after the one before it.
                drawing.nodes_by_item.sync(
                    &drawing.nodes,
                    net.nodes.iter().map(|node| (node.item, node)),
                    Order::Given,
                    |node| new_node(&document, s, node, lang),
                    |node, drawn| {
                        update_node(drawn, node, s, (lang, lit.contains(&node.item)), state)
                    },
                    |drawn| &drawn.group,
                );
                drawing.labels(&document, s, net, &lit, lang);
            });
        });
    });
}

/// A node's elements, not yet placed or named.
fn new_node(document: &web_sys::Document, s: &Snapshot, node: &network::Node, lang: Lang) -> Node {
    let group = shape(
        document,
        "g",
        &[
            ("class", "iom-node-wrap"),
            ("tabindex", "0"),
            ("role", "button"),
            ("data-id", items::id(s, node.item)),
        ],
    );
    let class = format!("iom-node {}", kind_class(node.kind));
    let path = shape(document, "path", &[("class", &class)]);
    let _ = group.append_child(&path);
    Node {
        group,
        shape: path,
        radius: u64::MAX,
        place: [u64::MAX; 2],
        named: (lang, usize::MAX),
        lit: false,
    }
}

/// Brings a node's shape, place, name and light up to date, touching only what changed.
/// `lang` is the language `state` is in.
fn update_node(
    drawn: &mut Node,
    node: &network::Node,
    s: &Snapshot,
    (lang, lit): (Lang, bool),
    state: AppState,
) {
    if drawn.radius != node.r.to_bits() {
        drawn.radius = node.r.to_bits();
        let d = node_shape(node.kind, 0.0, 0.0, node.r);
        let _ = drawn.shape.set_attribute("d", &d);
    }
    let place = [node.x.to_bits(), node.y.to_bits()];
    if drawn.place != place {
        drawn.place = place;
        let at = format!("translate({},{})", tenths(node.x), tenths(node.y));
        let _ = drawn.group.set_attribute("transform", &at);
    }
    if drawn.named != (lang, node.links) {
        drawn.named = (lang, node.links);
        let title = items::title(s, node.item);
        let links = fill(state.t(Msg::LinksCount), &[&node.links.to_string()]);
        let label = format!(
            "{}: {}, {links}",
            state.t(kind_msg(node.kind)),
            title.get(lang).text
        );
        let _ = drawn.group.set_attribute("aria-label", &label);
    }
    if drawn.lit != lit {
        drawn.lit = lit;
        let _ = drawn
            .group
            .class_list()
            .toggle_with_force("iom-node-wrap--lit", lit);
    }
}
