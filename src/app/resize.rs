//! The width of an element, kept current with a `ResizeObserver`, so that drawings fit their
//! container (and reflow in an embed) instead of assuming a width.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Returns the element's inner width (inside its border) in CSS pixels, 0 until it is mounted.
/// The drawing frames have no padding, so this is the width a drawing gets.
pub fn use_width(target: NodeRef<Div>) -> ReadSignal<f64> {
    use_measure(target, |element| f64::from(element.client_width()))
}

/// Returns the element's border-box height in CSS pixels (0 until it is mounted).
pub fn use_height(target: NodeRef<Div>) -> ReadSignal<f64> {
    use_measure(target, |element| {
        element.get_bounding_client_rect().height()
    })
}

/// The observer's first report, which comes with the first layout after mounting, is the first
/// reading: measured there, the element is laid out already, while measuring at mount would
/// make the browser lay out the whole new page at once, in the middle of the task that built
/// it (tens of milliseconds on a phone). The drawing is then made in that same frame, before
/// it is painted.
fn use_measure(target: NodeRef<Div>, measure: fn(&web_sys::HtmlElement) -> f64) -> ReadSignal<f64> {
    let (width, set_width) = signal(0.0);
    Effect::new(move |_| {
        let Some(element) = target.get() else { return };
        let observed = element.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            let measured = measure(&observed).round();
            // Ignore sub-pixel jitter so a redraw cannot feed back into a resize.
            if (measured - width.get_untracked()).abs() >= 1.0 {
                set_width.set(measured);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
            // The callback lives as long as the observer; both go when the element does.
            let kept = send_wrapper::SendWrapper::new((observer, callback));
            on_cleanup(move || kept.0.disconnect());
        }
    });
    width
}
