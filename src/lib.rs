//! IOM Lao PDR Strategy Explorer.
//!
//! Two layers: [`core`] is plain Rust (model, validation, filtering, layout) tested on the host;
//! [`app`] holds the thin Leptos views and is only built for the browser (feature `app`, on by
//! default; the editor builds without it).

pub mod core;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod app;
