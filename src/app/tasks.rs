//! Long start-up work cut into tasks of the browser's event loop, so that between two pieces
//! the page can answer a tap, scroll and paint (a phone runs each piece several times slower
//! than a desktop: README, "Performance").
//!
//! The work yields only once it has run for a time slice: a fast machine does the whole
//! start-up in one or two tasks and pays no extra frames, a slow one gets more, shorter tasks.

use std::cell::Cell;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How long a piece of work may run before it lets the page in. The browser calls a task of
/// 50 ms or more long (and Lighthouse counts each one's time beyond 50 ms as blocking); the
/// piece that follows the check also runs before the next one, so the slice is shorter.
const SLICE_MS: f64 = 30.0;

thread_local! {
    /// When the task running now began (`performance.now()`), where the explorer knows it;
    /// NaN where it does not, which counts as a slice used up.
    static SLICE_START: Cell<f64> = const { Cell::new(f64::NAN) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(f64::NAN, |performance| performance.now())
}

/// Says that a task began here: the code after an `await` on the network runs in a new one.
pub fn task_began() {
    SLICE_START.set(now());
}

/// Lets the page answer and paint before going on, if the task so far has run for a slice;
/// otherwise goes on at once.
pub async fn yield_if_long() {
    let ran = now() - SLICE_START.get();
    // NaN (an unknown start, or no clock) fails the comparison and yields.
    if ran < SLICE_MS {
        return;
    }
    next_task().await;
    task_began();
}

/// Resolves in a later task (the browser's `setTimeout(0)`), or at once in a hidden page:
/// nobody is waiting for it there, and browsers delay a hidden page's timers by up to a second.
async fn next_task() {
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
