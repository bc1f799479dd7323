//! The snapshot editor's core (`edit.html`, for communications officers and translators), plain
//! Rust tested on the host: which fields the editor shows and how (`fields`), the draft as the
//! JSON typed and its checks (`draft`), the snapshot written back in the repository's layout
//! (`layout`), the translation sheet, the changes since the file was opened, and the editor's
//! interface text. It lives in the editor's own package, not in the explorer's library: even
//! unused, its strings changed how the explorer's Wasm packs its own (243 bytes more brotli).

pub mod changes;
pub mod draft;
pub mod fields;
mod json_tree;
pub mod layout;
pub mod translation_sheet;
pub mod ui_text;

/// The snapshot shipped with the explorer, for the host tests.
#[cfg(test)]
pub(crate) fn shipped_snapshot() -> iom_lao_explorer::core::Snapshot {
    iom_lao_explorer::core::load_snapshot(include_str!("../../../public/data/strategy.json"))
        .unwrap()
}
