//! The snapshot editor (`edit.html`): the people who keep the explorer's content change it in
//! English and Lao, checked by the explorer's own rules, without touching JSON. Its own Wasm,
//! so the explorer's first view carries none of it. The logic is in
//! `iom_lao_editor::core` (`src/editor/core/`, host-tested); this binary only draws it and talks to the browser.

#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod views;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(views::Editor);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The editor runs in the browser: `make serve`, then open /edit.html (see README).");
}
