//! Whether the page is being printed, so that print-only parts (the filters at the top, the
//! sources at the end) are built only for printing instead of on every filter change.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// True from `beforeprint` to `afterprint`, and while the print media query matches (print
/// preview and emulated print media fire only that one).
pub fn use_printing() -> ReadSignal<bool> {
    let (printing, set_printing) = signal(false);
    let before = window_event_listener_untyped("beforeprint", move |_| set_printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| set_printing.set(false));
    let query = window().match_media("print").ok().flatten();
    if let Some(query) = query {
        set_printing.set(query.matches());
        let watched = query.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || set_printing.set(watched.matches()));
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let kept = send_wrapper::SendWrapper::new((query, on_change));
        on_cleanup(move || {
            let (query, on_change) = &*kept;
            let _ = query
                .remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        });
    }
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    printing
}
