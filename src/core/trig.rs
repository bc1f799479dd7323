//! Sine and cosine for the layouts (network rings, map projection). In the Wasm they come from
//! the browser's `Math`: Rust's own, from libm, would add about 7 KB to it. On the host (tests,
//! tools) they are Rust's.

#[cfg(target_arch = "wasm32")]
pub fn sin(x: f64) -> f64 {
    js_sys::Math::sin(x)
}

#[cfg(target_arch = "wasm32")]
pub fn cos(x: f64) -> f64 {
    js_sys::Math::cos(x)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn cos(x: f64) -> f64 {
    x.cos()
}
