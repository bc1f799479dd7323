//! The snapshot editor's core (`edit.html`, for communications officers and translators): the
//! snapshot written back in the repository's layout, the translation sheet, and the list of
//! changes since the file was opened. The explorer's views never use it, so it adds nothing to
//! the explorer's Wasm.

pub mod changes;
pub mod draft;
pub mod fields;
mod json_tree;
pub mod layout;
pub mod translation_sheet;
pub mod ui_text;
