//! Drawings kept in step with what is shown, by key, instead of being rebuilt.
//!
//! The parts of the explorer that change on every keystroke at 100 times the real data (the
//! timeline's markers and lanes, the partner network's nodes, the directory's rows) are drawn
//! straight with the DOM rather than through the view layer, and all of them keep their
//! drawings with this one mechanism:
//! - a key's drawing is made once, the first time the key is shown;
//! - while the key stays shown, the drawing is kept and brought up to date in place (the
//!   caller's `update` touches only what changed), so keyboard focus stays on it;
//! - when the key is no longer shown, its drawing is taken out of its container and kept, for
//!   when the filter is undone (clearing a search brings every drawing back at once);
//! - where order matters ([`Order::Given`]), drawings are put in the order given, moving only
//!   those out of place; elsewhere ([`Order::Any`]) a kept drawing is never moved.
//!
//! It knows nothing of the DOM: a [`Container`] does the inserting and removing, so the host
//! tests run it on a plain list.

use std::collections::HashMap;
use std::hash::Hash;

/// Where drawings go (a DOM element, in the browser).
pub trait Container {
    type Node;
    /// Puts `node` just before `before`, or last; a node already inside is moved.
    fn put_before(&self, node: &Self::Node, before: Option<&Self::Node>);
    fn take_out(&self, node: &Self::Node);
}

/// Whether the container's order must follow the order of the keys.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Order {
    /// The drawings follow the keys' order (tab order, table rows).
    Given,
    /// Any order will do (SVG marks whose place is set by coordinates): new drawings go last.
    Any,
}

struct Kept<V> {
    drawing: V,
    /// The last [`Keyed::sync`] that showed it.
    shown_in: u32,
    /// The last sync that put it in its place (only for [`Order::Given`]).
    placed_in: u32,
    in_container: bool,
}

impl<V> Kept<V> {
    fn new(drawing: V) -> Self {
        Kept {
            drawing,
            shown_in: 0,
            placed_in: 0,
            in_container: false,
        }
    }
}

/// The drawings of one container, by key.
pub struct Keyed<K, V> {
    kept: HashMap<K, Kept<V>>,
    /// The keys shown, in the container's order.
    shown: Vec<K>,
    syncs: u32,
}

impl<K: Eq + Hash + Clone, V> Default for Keyed<K, V> {
    fn default() -> Self {
        Keyed {
            kept: HashMap::new(),
            shown: Vec::new(),
            syncs: 0,
        }
    }
}

impl<K: Eq + Hash + Clone, V> Keyed<K, V> {
    /// Shows exactly the keys of `items` (each with what its drawing needs), no key twice.
    /// `make` draws a key shown for the first time; `update` is called for every shown key,
    /// new or kept, before it is put in place; `node` is a drawing's node in `container`.
    pub fn sync<C: Container, D>(
        &mut self,
        container: &C,
        items: impl IntoIterator<Item = (K, D)>,
        order: Order,
        mut make: impl FnMut(&D) -> V,
        mut update: impl FnMut(&D, &mut V),
        node: impl Fn(&V) -> &C::Node,
    ) {
        self.syncs = self.syncs.wrapping_add(1);
        let now = self.syncs;
        let mut shown = Vec::with_capacity(self.shown.len());
        // Every drawing is brought up to date before it is put in the container: a new one is
        // finished while it is still outside the document, which is cheaper.
        for (key, item) in items {
            shown.push(key.clone());
            let kept = self
                .kept
                .entry(key)
                .or_insert_with(|| Kept::new(make(&item)));
            kept.shown_in = now;
            update(&item, &mut kept.drawing);
            // In any order, this one pass is all (the timeline's marks, on every keystroke).
            if order == Order::Any && !kept.in_container {
                container.put_before(node(&kept.drawing), None);
                kept.in_container = true;
            }
        }
        // Out, so that what is left in the container is in the order of `self.shown`.
        self.take_out_hidden(container, &node);
        if order == Order::Given {
            self.place_in_order(container, &shown, &node);
        }
        self.shown = shown;
    }

    /// Takes out of the container the drawings shown before that this sync does not show.
    fn take_out_hidden<C: Container>(&mut self, container: &C, node: &impl Fn(&V) -> &C::Node) {
        let now = self.syncs;
        for key in &self.shown {
            if let Some(gone) = self.kept.get_mut(key).filter(|k| k.shown_in != now) {
                container.take_out(node(&gone.drawing));
                gone.in_container = false;
            }
        }
    }

    /// Walks the new order beside what the container holds (the kept drawings still shown, in
    /// their old order): a drawing already next is passed over, any other is put there.
    fn place_in_order<C: Container>(
        &mut self,
        container: &C,
        shown: &[K],
        node: &impl Fn(&V) -> &C::Node,
    ) {
        let now = self.syncs;
        let kept = &mut self.kept;
        let mut rest = self
            .shown
            .iter()
            .filter(|key| kept[*key].shown_in == now)
            .collect::<Vec<&K>>()
            .into_iter()
            .peekable();
        for key in shown {
            // Drawings moved ahead earlier in this walk are no longer where `rest` has them.
            while rest.next_if(|next| kept[*next].placed_in == now).is_some() {}
            if rest.next_if(|next| *next == key).is_none() {
                let before = rest.peek().map(|next| node(&kept[*next].drawing));
                container.put_before(node(&kept[key].drawing), before);
            }
            let placed = kept.get_mut(key).expect("kept above");
            placed.placed_in = now;
            placed.in_container = true;
        }
    }

    /// Takes every drawing out and forgets them all (when every drawing would change, such as
    /// the directory's rows in another language).
    pub fn clear<C: Container>(&mut self, container: &C, node: impl Fn(&V) -> &C::Node) {
        for key in self.shown.drain(..) {
            if let Some(kept) = self.kept.get(&key) {
                container.take_out(node(&kept.drawing));
            }
        }
        self.kept.clear();
    }

    /// The keys shown, in the container's order.
    pub fn shown(&self) -> &[K] {
        &self.shown
    }

    /// How many drawings are kept, shown or not.
    pub fn kept(&self) -> usize {
        self.kept.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cell::{Cell, RefCell};

    /// A container that is a list of node names, counting what it is asked to do.
    #[derive(Default)]
    struct List {
        nodes: RefCell<Vec<String>>,
        moves: Cell<usize>,
    }

    impl Container for List {
        type Node = String;
        fn put_before(&self, node: &String, before: Option<&String>) {
            let mut nodes = self.nodes.borrow_mut();
            if let Some(at) = nodes.iter().position(|n| n == node) {
                nodes.remove(at);
            }
            let at = before.map_or(nodes.len(), |b| {
                nodes.iter().position(|n| n == b).expect("before is inside")
            });
            nodes.insert(at, node.clone());
            self.moves.set(self.moves.get() + 1);
        }
        fn take_out(&self, node: &String) {
            self.nodes.borrow_mut().retain(|n| n != node);
        }
    }

    /// A drawing: its node's name and how many times it was brought up to date.
    struct Drawing {
        name: String,
        updates: usize,
    }

    fn sync(keyed: &mut Keyed<u32, Drawing>, list: &List, keys: &[u32], order: Order) -> usize {
        let made = Cell::new(0);
        keyed.sync(
            list,
            keys.iter().map(|&k| (k, k)),
            order,
            |k| {
                made.set(made.get() + 1);
                Drawing {
                    name: format!("n{k}"),
                    updates: 0,
                }
            },
            |_, drawing| drawing.updates += 1,
            |drawing| &drawing.name,
        );
        made.get()
    }

    fn names(keys: &[u32]) -> Vec<String> {
        keys.iter().map(|k| format!("n{k}")).collect()
    }

    #[test]
    fn a_drawing_is_made_once_and_kept_while_hidden() {
        let (mut keyed, list) = (Keyed::default(), List::default());
        assert_eq!(sync(&mut keyed, &list, &[1, 2, 3], Order::Given), 3);
        assert_eq!(sync(&mut keyed, &list, &[2], Order::Given), 0);
        assert_eq!(*list.nodes.borrow(), names(&[2]));
        assert_eq!(keyed.kept(), 3);
        // Undoing the filter brings the kept drawings back, in order, making none.
        assert_eq!(sync(&mut keyed, &list, &[1, 2, 3, 4], Order::Given), 1);
        assert_eq!(*list.nodes.borrow(), names(&[1, 2, 3, 4]));
        assert_eq!(keyed.shown(), &[1, 2, 3, 4]);
    }

    #[test]
    fn every_shown_drawing_is_brought_up_to_date() {
        let (mut keyed, list) = (Keyed::default(), List::default());
        sync(&mut keyed, &list, &[1, 2], Order::Any);
        sync(&mut keyed, &list, &[2, 3], Order::Any);
        let updates: Vec<usize> = [1, 2, 3].map(|k| keyed.kept[&k].drawing.updates).into();
        assert_eq!(updates, [1, 2, 1]);
    }

    #[test]
    fn narrowing_moves_nothing_that_stays() {
        let (mut keyed, list) = (Keyed::default(), List::default());
        sync(&mut keyed, &list, &[1, 2, 3, 4, 5], Order::Given);
        list.moves.set(0);
        sync(&mut keyed, &list, &[1, 3, 5], Order::Given);
        assert_eq!(list.moves.get(), 0);
        // Widening again puts back only what came back.
        sync(&mut keyed, &list, &[1, 2, 3, 4, 5], Order::Given);
        assert_eq!(list.moves.get(), 2);
    }

    #[test]
    fn in_any_order_kept_drawings_stay_and_new_ones_go_last() {
        let (mut keyed, list) = (Keyed::default(), List::default());
        sync(&mut keyed, &list, &[1, 2, 3], Order::Any);
        list.moves.set(0);
        sync(&mut keyed, &list, &[4, 3, 1], Order::Any);
        assert_eq!(*list.nodes.borrow(), names(&[1, 3, 4]));
        assert_eq!(list.moves.get(), 1);
    }

    #[test]
    fn clearing_takes_everything_out_and_draws_anew() {
        let (mut keyed, list) = (Keyed::default(), List::default());
        sync(&mut keyed, &list, &[1, 2], Order::Given);
        keyed.clear(&list, |d| &d.name);
        assert!(list.nodes.borrow().is_empty());
        assert_eq!(sync(&mut keyed, &list, &[2, 1], Order::Given), 2);
        assert_eq!(*list.nodes.borrow(), names(&[2, 1]));
    }

    /// Sequences of key lists: each a shuffled subset of 30 keys.
    fn key_lists() -> impl Strategy<Value = Vec<Vec<u32>>> {
        proptest::collection::vec(
            proptest::sample::subsequence((0u32..30).collect::<Vec<_>>(), 0..30).prop_shuffle(),
            1..12,
        )
    }

    proptest! {
        /// Whatever the sequence of key lists, the container holds exactly the last one's
        /// drawings, in its order, and no key is drawn twice.
        #[test]
        fn the_container_always_matches_the_keys(
            steps in key_lists()
        ) {
            let (mut keyed, list) = (Keyed::default(), List::default());
            let mut made = 0;
            let mut seen = std::collections::HashSet::new();
            for keys in &steps {
                made += sync(&mut keyed, &list, keys, Order::Given);
                seen.extend(keys.iter().copied());
                prop_assert_eq!(&*list.nodes.borrow(), &names(keys));
                prop_assert_eq!(keyed.shown(), keys.as_slice());
            }
            prop_assert_eq!(made, seen.len());
        }

        #[test]
        fn in_any_order_the_container_holds_the_keys(
            steps in key_lists()
        ) {
            let (mut keyed, list) = (Keyed::default(), List::default());
            for keys in &steps {
                sync(&mut keyed, &list, keys, Order::Any);
                let mut held = list.nodes.borrow().clone();
                held.sort();
                let mut wanted = names(keys);
                wanted.sort();
                prop_assert_eq!(held, wanted);
            }
        }
    }
}
