//! Downloads the snapshot with gloo-net and checks it with the core loader.

use std::sync::Arc;

use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::index::Index;
use crate::core::load::MAX_SNAPSHOT_BYTES;
use crate::core::{load_snapshot_bytes, Problem, Snapshot};

/// A checked snapshot with its lookups, built once when it loads.
#[derive(Clone)]
pub struct Loaded {
    pub snapshot: Arc<Snapshot>,
    pub index: Arc<Index>,
}

/// A download that has not finished by then is abandoned, and Retry is offered.
pub const TIMEOUT_SECONDS: u32 = 20;

/// Why the snapshot is not shown. Each case names the URL and the problem.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Network {
        url: String,
    },
    Timeout {
        url: String,
    },
    Status {
        url: String,
        status: u16,
        text: String,
    },
    TooLarge {
        url: String,
        bytes: usize,
    },
    /// The server answered with something that is not a snapshot (e.g. an HTML page).
    WrongType {
        url: String,
        content_type: String,
    },
    Invalid {
        url: String,
        problems: Vec<Problem>,
    },
}

pub async fn fetch_snapshot(url: String) -> Result<Loaded, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let _timeout = controller.map(|controller| AbortTimer::start(controller, TIMEOUT_SECONDS));

    let response = Request::get(&url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| aborted_or_network(&signal, &url))?;
    if !response.ok() {
        return Err(LoadError::Status {
            url,
            status: response.status(),
            text: response.status_text(),
        });
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if !could_be_json(&content_type) {
        return Err(LoadError::WrongType { url, content_type });
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|n| n.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|bytes| *bytes > MAX_SNAPSHOT_BYTES) {
        return Err(LoadError::TooLarge { url, bytes });
    }
    // Bytes, not text: the core checks that they are UTF-8 (naming the first bad byte) and
    // parses them where they are; `text()` would replace bad bytes silently and cross the
    // boundary as UTF-16 to be encoded back.
    let body = web_sys::Response::from(response)
        .array_buffer()
        .map_err(|_| aborted_or_network(&signal, &url))?;
    let body = wasm_bindgen_futures::JsFuture::from(body)
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer))
        .map_err(|_| aborted_or_network(&signal, &url))?;
    if body.length() as usize > MAX_SNAPSHOT_BYTES {
        return Err(LoadError::TooLarge {
            url,
            bytes: body.length() as usize,
        });
    }
    let snapshot = load_snapshot_bytes(&body.to_vec()).map_err(|problems| LoadError::Invalid {
        url: url.clone(),
        problems,
    })?;
    remember_good_snapshot(&url, &body);
    let index = Arc::new(Index::build(&snapshot));
    super::perf::mark_once(super::perf::SNAPSHOT);
    Ok(Loaded {
        snapshot: Arc::new(snapshot),
        index,
    })
}

/// Static hosts label JSON in many ways; an HTML page (a login or "not found" page served with
/// status 200), an image or the like is certainly not a snapshot.
fn could_be_json(content_type: &str) -> bool {
    let kind = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    !(kind == "text/html"
        || kind == "application/xhtml+xml"
        || ["image/", "audio/", "video/", "font/"]
            .iter()
            .any(|prefix| kind.starts_with(prefix)))
}

/// Keeps a copy of a snapshot that passed every check, for offline visits: the service worker
/// serves it when the network fails, and never stores a snapshot itself, so a broken new
/// snapshot can never replace the last good one.
fn remember_good_snapshot(url: &str, body: &js_sys::Uint8Array) {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsValue;
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(caches) = Reflect::get(&window, &JsValue::from_str("caches")) else {
        return;
    };
    if caches.is_undefined() {
        return; // not a secure context, or storage is off
    }
    let Ok(absolute) =
        web_sys::Url::new_with_base(url, &window.location().href().unwrap_or_default())
    else {
        return;
    };
    let headers = web_sys::Headers::new().ok();
    if let Some(headers) = &headers {
        let _ = headers.set("content-type", "application/json");
    }
    let init = web_sys::ResponseInit::new();
    if let Some(headers) = &headers {
        init.set_headers(headers);
    }
    let Ok(response) = web_sys::Response::new_with_opt_js_u8_array_and_init(Some(body), &init)
    else {
        return;
    };
    let key = absolute.href();
    wasm_bindgen_futures::spawn_local(async move {
        let open = Reflect::get(&caches, &JsValue::from_str("open"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        let Some(open) = open else { return };
        let Ok(promise) = open.call1(&caches, &JsValue::from_str(GOOD_SNAPSHOTS)) else {
            return;
        };
        let Ok(cache) = wasm_bindgen_futures::JsFuture::from(Promise::from(promise)).await else {
            return;
        };
        let put = Reflect::get(&cache, &JsValue::from_str("put"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        if let Some(put) = put {
            if let Ok(promise) = put.call2(&cache, &JsValue::from_str(&key), &response) {
                let _ = wasm_bindgen_futures::JsFuture::from(Promise::from(promise)).await;
            }
        }
    });
}

/// The Cache Storage name shared with `public/sw.js`.
const GOOD_SNAPSHOTS: &str = "iom-explorer-good-snapshots";

fn aborted_or_network(signal: &Option<web_sys::AbortSignal>, url: &str) -> LoadError {
    if signal.as_ref().is_some_and(|s| s.aborted()) {
        LoadError::Timeout {
            url: url.to_owned(),
        }
    } else {
        LoadError::Network {
            url: url.to_owned(),
        }
    }
}

/// Aborts a request after a delay; dropping it (when the request is done) cancels the timer.
struct AbortTimer {
    handle: i32,
    _callback: Closure<dyn FnMut()>,
}

impl AbortTimer {
    fn start(controller: web_sys::AbortController, seconds: u32) -> Option<Self> {
        let callback = Closure::<dyn FnMut()>::new(move || controller.abort());
        let handle = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                (seconds * 1000) as i32,
            )
            .ok()?;
        Some(AbortTimer {
            handle,
            _callback: callback,
        })
    }
}

impl Drop for AbortTimer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}
