//! Browser entry point: mount the explorer. On the host this binary does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    iom_lao_explorer::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The explorer runs in the browser: build it with `trunk build --release` (see README)."
    );
}
