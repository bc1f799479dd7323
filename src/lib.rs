//! IOM Lao PDR Strategy Explorer.
//!
//! Two layers: [`core`] is plain Rust (model, validation, filtering, layout) tested on the host;
//! [`app`] holds the thin Leptos views and is only built for the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
