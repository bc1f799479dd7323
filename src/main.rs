//! The Wasm binary Trunk builds. Its start does nothing by itself: the same Wasm serves the
//! standalone page (whose start-up script calls `start_page`) and script embeds on other
//! sites (`embed.js` calls `mount_explorer`), and an embed must never act on its host's
//! document, e.g. because the host happens to have an element with the standalone page's id.
//! On the host this binary only points to the README.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Keeps the library, and its exported functions, in the binary.
    let _ = iom_lao_explorer::app::start_page;
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The explorer runs in the browser: build it with `trunk build --release` (see README)."
    );
}
