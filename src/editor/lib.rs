//! The snapshot editor's library: its core (`core`), plain Rust with host tests. The views are
//! the `editor` binary (`main.rs`), built for the browser.

pub mod core;
