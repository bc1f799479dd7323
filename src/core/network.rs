//! The partner network: themes on an inner circle, donor-funded projects on a middle circle,
//! partners on the outer circle grouped by kind. Deterministic: no randomness, no hash order.

use std::f64::consts::{FRAC_PI_2, TAU};

use super::filter::Visible;
use super::index::Index;
use super::kinds::{ItemKind, ItemRef};
use super::model::{PartnerKind, Snapshot};

/// What a node stands for (partners carry their kind, for colour and grouping).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Theme,
    Partner(PartnerKind),
    Project,
}

/// A circle of the drawing: centre `(x, y)` and radius `r`, in the network's own units.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub item: ItemRef,
    pub kind: NodeKind,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// How many nodes it is linked to (each pair of nodes has at most one edge).
    pub links: usize,
}

/// A link between two nodes (indices into `Network::nodes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// A donor–project edge.
    pub donor: bool,
}

/// Nodes in ring order (themes, projects, partners), edges in a fixed order, and the side of
/// the square they fit in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub width: f64,
    pub height: f64,
}

/// Space kept between two nodes (more than the 2 promised, so rounding never breaks it).
const GAP: f64 = 3.0;
/// Empty slots between two kind groups on the partner circle.
const GROUP_GAP: f64 = 1.0;

fn on(flags: &[bool], i: usize) -> bool {
    flags.get(i).copied().unwrap_or(false)
}

/// Lays out what `visible` lets through in a square of side `size`, grown if the circles need
/// more room.
pub fn layout(s: &Snapshot, index: &Index, visible: &Visible, size: f64) -> Network {
    let partner = |id: &String| {
        index
            .resolve(id)
            .filter(|item| item.kind == ItemKind::Partner)
            .map(|item| item.index)
    };
    let mut partners: Vec<usize> = (0..s.partners.len())
        .filter(|&i| on(&visible.partners, i))
        .collect();
    partners.sort_unstable_by_key(|&i| (s.partners[i].kind, s.partners[i].id.as_str(), i));
    let links = |kind, i| index.links(ItemRef::new(kind, i));
    let mut projects: Vec<usize> = (0..s.projects.len())
        .filter(|&i| {
            on(&visible.projects, i) && s.projects[i].donors.iter().any(|d| partner(d).is_some())
        })
        .collect();
    // Projects next to their first theme, so that their edges cross less.
    projects
        .sort_unstable_by_key(|&i| (links(ItemKind::Project, i).themes.iter().min().copied(), i));

    let mut nodes = Vec::new();
    let mut theme_node = vec![None; s.themes.len()];
    let mut partner_node = vec![None; s.partners.len()];
    let mut add = |item: ItemRef, kind, r| {
        nodes.push(Node {
            item,
            kind,
            x: 0.0,
            y: 0.0,
            r,
            links: 0,
        });
        nodes.len() - 1
    };
    for t in (0..s.themes.len()).filter(|&i| on(&visible.themes, i)) {
        theme_node[t] = Some(add(ItemRef::new(ItemKind::Theme, t), NodeKind::Theme, 14.0));
    }
    for &p in &projects {
        add(ItemRef::new(ItemKind::Project, p), NodeKind::Project, 6.0);
    }
    for &p in &partners {
        let kind = NodeKind::Partner(s.partners[p].kind);
        partner_node[p] = Some(add(ItemRef::new(ItemKind::Partner, p), kind, 8.0));
    }

    let mut edges = Vec::new();
    let mut link = |from, to: Option<usize>, donor| {
        if let Some(to) = to {
            edges.push(Edge { from, to, donor });
        }
    };
    let themes_of = |kind, i| links(kind, i).themes.iter().map(|&t| theme_node[t]);
    let first_project = theme_node.iter().flatten().count();
    for (k, &p) in projects.iter().enumerate() {
        let me = first_project + k;
        let mut donors: Vec<usize> = s.projects[p].donors.iter().filter_map(partner).collect();
        donors.sort_unstable();
        donors.dedup();
        for d in donors {
            if let Some(d) = partner_node[d] {
                link(d, Some(me), true);
            }
        }
        for t in themes_of(ItemKind::Project, p) {
            link(me, t, false);
        }
    }
    let first_partner = first_project + projects.len();
    for (k, &p) in partners.iter().enumerate() {
        for t in themes_of(ItemKind::Partner, p) {
            link(first_partner + k, t, false);
        }
    }

    // Partners grow slightly with their number of links.
    let mut degree = vec![0usize; nodes.len()];
    for e in &edges {
        degree[e.from] += 1;
        degree[e.to] += 1;
    }
    for (node, &d) in nodes.iter_mut().zip(&degree) {
        node.links = d;
    }
    for node in nodes.iter_mut().skip(first_partner) {
        node.r = (8.0 + 0.5 * node.links as f64).min(12.0);
    }

    // Angles: evenly spaced, with a gap between partner kind groups.
    let mut angles = Vec::with_capacity(nodes.len());
    let rings = [
        (0, first_project),
        (first_project, first_partner),
        (first_partner, nodes.len()),
    ];
    let mut ring_steps = [0.0; 3];
    for (ring, &(a, b)) in rings.iter().enumerate() {
        let mut slot = 0.0;
        let mut slots = Vec::new();
        for i in a..b {
            if i > a && nodes[i].kind != nodes[i - 1].kind {
                slot += GROUP_GAP;
            }
            slots.push(slot);
            slot += 1.0;
        }
        if ring == 2 && nodes[a..b].first().map(|n| n.kind) != nodes[a..b].last().map(|n| n.kind) {
            slot += GROUP_GAP;
        }
        ring_steps[ring] = TAU / slot.max(1.0);
        angles.extend(slots.iter().map(|s| s * ring_steps[ring] - FRAC_PI_2));
    }

    // Radii: each ring at least its share of the square, wide enough for its nodes, and clear
    // of the ring inside it.
    let size = size.max(0.0);
    let r_of = |a: usize, b: usize| nodes[a..b].iter().map(|n| n.r).fold(0.0, f64::max);
    let outer_base = (size / 2.0 - 12.0 - GAP).max(0.0);
    let mut prev: Option<(f64, f64)> = None;
    let mut radii = [0.0; 3];
    for (ring, &(a, b)) in rings.iter().enumerate() {
        if a == b {
            continue;
        }
        let r = r_of(a, b);
        let chord = if b - a > 1 {
            (2.0 * r + GAP) / (2.0 * super::trig::sin(ring_steps[ring] / 2.0))
        } else {
            0.0
        };
        let clear = prev.map_or(0.0, |(pr, prr)| pr + prr + r + GAP);
        let radius = ([0.35, 0.65, 1.0][ring] * outer_base).max(chord).max(clear);
        radii[ring] = radius;
        prev = Some((radius, r));
    }
    let side = prev.map_or(size, |(pr, prr)| size.max(2.0 * (pr + prr + GAP)));
    let c = side / 2.0;
    for (ring, &(a, b)) in rings.iter().enumerate() {
        for i in a..b {
            nodes[i].x = c + radii[ring] * super::trig::cos(angles[i]);
            nodes[i].y = c + radii[ring] * super::trig::sin(angles[i]);
        }
    }
    Network {
        nodes,
        edges,
        width: side,
        height: side,
    }
}

impl Network {
    /// The edges `pick` keeps as one SVG path of straight lines, `M x1 y1 L x2 y2` each, in
    /// whole units (an end is hidden under its node): thousands of edges are one element to
    /// draw and one attribute to set, not a node each.
    pub fn edges_path(&self, pick: impl Fn(&Edge) -> bool) -> String {
        use std::fmt::Write;
        let mut path = String::new();
        let at = |i: usize| {
            (
                self.nodes[i].x.round() as i64,
                self.nodes[i].y.round() as i64,
            )
        };
        for edge in self.edges.iter().filter(|e| pick(e)) {
            let ((x1, y1), (x2, y2)) = (at(edge.from), at(edge.to));
            let _ = write!(path, "M{x1} {y1}L{x2} {y2}");
        }
        path
    }
}

/// Indices of the nodes directly linked to node `i`, sorted.
/// How many characters of a name a node's visible label shows (its accessible name is whole).
pub const LABEL_CHARS: usize = 22;

/// A node's visible label: the name, cut to [`LABEL_CHARS`] characters with "…" if longer.
pub fn short_label(name: &str) -> String {
    let mut chars = name.chars();
    let mut short: String = chars.by_ref().take(LABEL_CHARS).collect();
    if chars.next().is_some() {
        short.push('…');
    }
    short
}

pub fn neighbours(net: &Network, i: usize) -> Vec<usize> {
    let mut out: Vec<usize> = net
        .edges
        .iter()
        .filter_map(|e| match (e.from == i, e.to == i) {
            (true, _) => Some(e.to),
            (_, true) => Some(e.from),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::filter::{apply, Filters};
    use proptest::prelude::*;

    use crate::core::shipped_snapshot as shipped;

    fn check_geometry(net: &Network) -> Result<(), String> {
        for (i, a) in net.nodes.iter().enumerate() {
            if a.x - a.r < 0.0 || a.y - a.r < 0.0 || a.x + a.r > net.width || a.y + a.r > net.height
            {
                return Err(format!(
                    "node {i} at ({}, {}) outside {}",
                    a.x, a.y, net.width
                ));
            }
            for (j, b) in net.nodes.iter().enumerate().skip(i + 1) {
                let d = (a.x - b.x).hypot(a.y - b.y);
                if d < a.r + b.r + 2.0 {
                    return Err(format!("nodes {i} and {j} overlap: {d}"));
                }
            }
        }
        Ok(())
    }

    fn node_of(net: &Network, item: ItemRef) -> Option<usize> {
        net.nodes.iter().position(|n| n.item == item)
    }

    #[test]
    fn the_layout_is_deterministic() {
        let s = shipped();
        let a = layout(
            &s,
            &Index::build(&s),
            &apply(&Filters::default(), &s, &Index::build(&s)),
            800.0,
        );
        let s2 = shipped();
        let index = Index::build(&s2);
        let b = layout(&s2, &index, &apply(&Filters::default(), &s2, &index), 800.0);
        assert_eq!(a, b);
        assert!(!a.nodes.is_empty() && !a.edges.is_empty());
    }

    #[test]
    fn the_shipped_network_fits_and_holds_every_relation() {
        let s = shipped();
        let index = Index::build(&s);
        let visible = apply(&Filters::default(), &s, &index);
        for size in [0.0, 300.0, 800.0, 2000.0] {
            let net = layout(&s, &index, &visible, size);
            check_geometry(&net).unwrap();
            assert!(net.width >= size && net.width == net.height);
            if size >= 2000.0 {
                assert_eq!(net.width, size);
            }
        }
        let net = layout(&s, &index, &visible, 800.0);
        let has_edge = |a: usize, b: usize, donor: bool| {
            net.edges
                .iter()
                .any(|e| e.donor == donor && ((e.from, e.to) == (a, b) || (e.from, e.to) == (b, a)))
        };
        for (p, partner) in s.partners.iter().enumerate() {
            let pn = node_of(&net, ItemRef::new(ItemKind::Partner, p)).unwrap();
            for id in &partner.themes {
                let t = index.resolve(id).unwrap();
                let tn = node_of(&net, t).unwrap();
                assert!(has_edge(pn, tn, false), "{} - {id}", partner.id);
                assert!(neighbours(&net, tn).contains(&pn));
            }
        }
        let mut projects = 0;
        for (j, project) in s.projects.iter().enumerate() {
            let node = node_of(&net, ItemRef::new(ItemKind::Project, j));
            assert_eq!(node.is_some(), !project.donors.is_empty(), "{}", project.id);
            let Some(jn) = node else { continue };
            projects += 1;
            for id in &project.donors {
                let dn = node_of(&net, index.resolve(id).unwrap()).unwrap();
                assert!(has_edge(dn, jn, true), "{} - {id}", project.id);
            }
            for id in &project.themes {
                let tn = node_of(&net, index.resolve(id).unwrap()).unwrap();
                assert!(has_edge(jn, tn, false), "{} - {id}", project.id);
            }
        }
        assert_eq!(
            net.nodes.len(),
            s.themes.len() + s.partners.len() + projects
        );
        // Partners come grouped by kind, then by id.
        let keys: Vec<(NodeKind, &str)> = net
            .nodes
            .iter()
            .filter(|n| n.item.kind == ItemKind::Partner)
            .map(|n| (n.kind, s.partners[n.item.index].id.as_str()))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        for e in &net.edges {
            assert!(e.from < net.nodes.len() && e.to < net.nodes.len() && e.from != e.to);
        }
        for (i, node) in net.nodes.iter().enumerate() {
            assert_eq!(node.links, neighbours(&net, i).len(), "node {i}");
        }
    }

    #[test]
    fn the_edges_path_draws_each_picked_edge_between_its_nodes() {
        let s = shipped();
        let index = Index::build(&s);
        let net = layout(&s, &index, &apply(&Filters::default(), &s, &index), 800.0);
        let lines = |path: &str| -> Vec<[i64; 4]> {
            path.split('M')
                .skip(1)
                .map(|line| {
                    let n: Vec<i64> = line.split(['L', ' ']).map(|v| v.parse().unwrap()).collect();
                    [n[0], n[1], n[2], n[3]]
                })
                .collect()
        };
        let donors = lines(&net.edges_path(|e| e.donor));
        let others = lines(&net.edges_path(|e| !e.donor));
        assert_eq!(donors.len(), net.edges.iter().filter(|e| e.donor).count());
        assert_eq!(donors.len() + others.len(), net.edges.len());
        assert!(!donors.is_empty() && !others.is_empty());
        let near = |a: f64, b: i64| (a - b as f64).abs() <= 0.5;
        for (edge, line) in net.edges.iter().filter(|e| e.donor).zip(&donors) {
            let (a, b) = (&net.nodes[edge.from], &net.nodes[edge.to]);
            assert!(
                near(a.x, line[0])
                    && near(a.y, line[1])
                    && near(b.x, line[2])
                    && near(b.y, line[3])
            );
        }
        assert_eq!(net.edges_path(|_| false), "");
    }

    #[test]
    fn a_kind_filter_keeps_only_partners_of_that_kind() {
        let s = shipped();
        let index = Index::build(&s);
        for kind in PartnerKind::ALL {
            let filters = Filters {
                kinds: [kind].into(),
                ..Filters::default()
            };
            let visible = apply(&filters, &s, &index);
            let net = layout(&s, &index, &visible, 600.0);
            let partners: Vec<&Node> = net
                .nodes
                .iter()
                .filter(|n| n.item.kind == ItemKind::Partner)
                .collect();
            assert_eq!(partners.len(), visible.partners_count());
            for n in partners {
                assert_eq!(n.kind, NodeKind::Partner(kind));
                assert_eq!(s.partners[n.item.index].kind, kind);
            }
            check_geometry(&net).unwrap();
        }
    }

    #[test]
    fn nothing_visible_gives_an_empty_network() {
        let s = shipped();
        let index = Index::build(&s);
        let net = layout(&s, &index, &Visible::default(), 500.0);
        assert!(net.nodes.is_empty() && net.edges.is_empty());
        assert_eq!((net.width, net.height), (500.0, 500.0));
        assert!(neighbours(&net, 0).is_empty());
    }

    fn arbitrary_filters(s: &Snapshot) -> impl Strategy<Value = Filters> {
        let themes: Vec<String> = s.themes.iter().map(|t| t.id.clone()).collect();
        let provinces: Vec<String> = s.provinces.iter().map(|p| p.code.clone()).collect();
        (
            proptest::sample::subsequence(themes.clone(), 0..=themes.len()),
            proptest::sample::subsequence(PartnerKind::ALL.to_vec(), 0..=5),
            proptest::sample::subsequence(provinces.clone(), 0..=provinces.len()),
        )
            .prop_map(|(themes, kinds, provinces)| Filters {
                themes: themes.into_iter().collect(),
                kinds: kinds.into_iter().collect(),
                provinces: provinces.into_iter().collect(),
                ..Filters::default()
            })
    }

    proptest! {
        #[test]
        fn any_filter_gives_a_clean_layout(filters in arbitrary_filters(&shipped()), size in 0.0f64..1500.0) {
            let s = shipped();
            let index = Index::build(&s);
            let visible = apply(&filters, &s, &index);
            let net = layout(&s, &index, &visible, size);
            if let Err(err) = check_geometry(&net) {
                prop_assert!(false, "{}", err);
            }
            prop_assert!(net.width >= size);
            prop_assert_eq!(&net, &layout(&s, &index, &visible, size));
            for (i, node) in net.nodes.iter().enumerate() {
                prop_assert_eq!(node.links, neighbours(&net, i).len());
            }
            for n in &net.nodes {
                let flags = match n.item.kind {
                    ItemKind::Theme => &visible.themes,
                    ItemKind::Partner => &visible.partners,
                    _ => &visible.projects,
                };
                prop_assert!(flags[n.item.index]);
            }
        }
    }

    #[test]
    fn long_names_are_cut_to_a_short_label() {
        assert_eq!(short_label("Ministry of Health"), "Ministry of Health");
        let long = "Ministry of Labour and Social Welfare";
        let short = short_label(long);
        assert!(short.ends_with('…'));
        assert_eq!(short.chars().count(), LABEL_CHARS + 1);
        assert!(long.starts_with(short.trim_end_matches('…')));
        // Lao is cut by characters, never inside one.
        let lao = "ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ";
        assert_eq!(short_label(lao).chars().count(), LABEL_CHARS + 1);
        assert_eq!(
            short_label(&"x".repeat(LABEL_CHARS)),
            "x".repeat(LABEL_CHARS)
        );
    }
}
