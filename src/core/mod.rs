//! Plain-Rust core: the snapshot model, its loading and validation, and the logic the views
//! draw from. Nothing here touches the DOM, so all of it is tested with `cargo test` on the host.

pub mod coverage;
pub mod cursor;
pub mod date;
pub mod directory;
pub mod embed;
pub mod export;
pub mod facets;
pub mod filter;
pub mod geo;
pub mod i18n;
pub mod index;
pub mod items;
pub mod keyed;
pub mod kinds;
pub mod lao_dates;
pub mod link;
pub mod load;
pub mod map_labels;
pub mod model;
pub mod network;
pub mod num;
pub mod problem;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod search;
pub mod story;
pub mod summary;
pub mod synth;
pub mod text;
pub mod timeline;
pub mod timeline_labels;
pub mod trig;
pub mod url_state;
pub mod validate;
pub mod years;

pub use date::{PartialDate, Precision};
pub use load::{load_snapshot, load_snapshot_bytes};
pub use model::Snapshot;
pub use problem::Problem;
pub use text::{Lang, Text};

/// The snapshot shipped with the explorer, loaded for the host tests.
#[cfg(test)]
pub(crate) fn shipped_snapshot() -> Snapshot {
    load_snapshot(include_str!("../../public/data/strategy.json")).unwrap()
}
