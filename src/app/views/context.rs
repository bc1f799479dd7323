//! What the views of one explorer share through Leptos context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::filter::Visible;
use crate::core::index::Index;
use crate::core::Snapshot;

/// What every view of a loaded snapshot reads: the data, its lookups, and what the shared
/// filters let through (recomputed only when the filters change).
#[derive(Clone)]
pub struct Data {
    pub snapshot: Arc<Snapshot>,
    pub index: Arc<Index>,
    pub visible: Memo<Visible>,
}

/// The explorer's root element: lookups (focus, exports) stay inside this explorer, which may
/// sit in a shadow root beside other explorers on the same page.
#[derive(Clone, Copy)]
pub struct Root(pub NodeRef<leptos::html::Div>);
