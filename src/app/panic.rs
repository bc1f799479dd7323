//! No panic leaves a visitor with a frozen page: the panic hook logs it (for developers) and
//! replaces each explorer on the page with a message and a Reload button, written with plain
//! DOM calls because the reactive system may be broken by then.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::i18n::{t, Msg};
use crate::core::Lang;

thread_local! {
    /// The elements explorers are mounted in.
    static MOUNTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            MOUNTS.with(|mounts| {
                for mount in mounts.borrow().iter() {
                    let _ = show_panel(mount);
                }
            });
        }));
    });
}

pub fn watch(mount: &web_sys::HtmlElement) {
    MOUNTS.with(|mounts| mounts.borrow_mut().push(mount.clone()));
}

fn show_panel(mount: &web_sys::HtmlElement) -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let lang = mount
        .query_selector("[lang]")?
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let panel = document.create_element("div")?;
    panel.set_class_name("iom-explorer iom-panic");
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("lang", lang.code())?;
    let title = document.create_element("h1")?;
    title.set_text_content(Some(t(lang, Msg::PanicTitle)));
    let body = document.create_element("p")?;
    body.set_text_content(Some(t(lang, Msg::PanicBody)));
    let button: web_sys::HtmlButtonElement = document.create_element("button")?.dyn_into()?;
    button.set_type("button");
    button.set_class_name("iom-button");
    button.set_text_content(Some(t(lang, Msg::Reload)));
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    button.set_onclick(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    panel.append_child(&title)?;
    panel.append_child(&body)?;
    panel.append_child(&button)?;
    mount.replace_children_with_node_1(&panel);
    Ok(())
}

/// `?debug=panic`, `?debug=abort` and `?debug=oom` make the standalone page fail on purpose
/// (a panic; an abort, which no panic hook sees; an allocation the Wasm cannot grow to), so
/// that the browser tests can check what a visitor sees. It affects only the visitor's page.
pub fn deliberate_if_asked() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = window.location().search().unwrap_or_default();
    let query = query.strip_prefix('?').unwrap_or(&query);
    let Some(kind) = form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == "debug")
        .map(|(_, value)| value.into_owned())
    else {
        return;
    };
    let boom = Closure::once_into_js(move || match kind.as_str() {
        "panic" => panic!("deliberate panic for testing (debug=panic)"),
        "abort" => std::process::abort(),
        // More than a 32-bit Wasm can ever hold: the allocator fails, which aborts.
        "oom" => {
            let huge = vec![1u8; 3_900_000_000];
            std::hint::black_box(huge);
        }
        _ => {}
    });
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 1500);
}
