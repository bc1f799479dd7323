//! Long start-up work cut into tasks of the browser's event loop, so that between two pieces
//! the page can answer a tap, scroll and paint (a phone runs each piece several times slower
//! than a desktop: README, "Performance").

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task (the browser's `setTimeout(0)`), or at once in a hidden page:
/// nobody is waiting for it there, and browsers delay a hidden page's timers by up to a second.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.document().is_none_or(|document| document.hidden()) {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window.set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
