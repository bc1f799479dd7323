//! Downloads the snapshot with gloo-net and checks it with the core loader.

use std::sync::Arc;

use gloo_net::http::Request;
use wasm_bindgen_futures::JsFuture;

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
    // Aborts the download, body included, when it takes too long.
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_SECONDS * 1000);

    let response = Request::get(&url)
        .abort_signal(Some(&signal))
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
    let Some(window) = web_sys::window() else {
        return;
    };
    // `caches` is missing outside secure contexts and where storage is off.
    let Some(caches) = window.caches().ok().filter(|caches| !caches.is_undefined()) else {
        return;
    };
    let Ok(absolute) =
        web_sys::Url::new_with_base(url, &window.location().href().unwrap_or_default())
    else {
        return;
    };
    let init = web_sys::ResponseInit::new();
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("content-type", "application/json");
        init.set_headers(&headers);
    }
    let Ok(response) = web_sys::Response::new_with_opt_js_u8_array_and_init(Some(body), &init)
    else {
        return;
    };
    let key = absolute.href();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(cache) = JsFuture::from(caches.open(GOOD_SNAPSHOTS)).await else {
            return;
        };
        let cache = web_sys::Cache::from(cache);
        let _ = JsFuture::from(cache.put_with_str(&key, &response)).await;
    });
}

/// The Cache Storage name shared with `public/sw.js`.
const GOOD_SNAPSHOTS: &str = "iom-explorer-good-snapshots";

fn aborted_or_network(signal: &web_sys::AbortSignal, url: &str) -> LoadError {
    if signal.aborted() {
        LoadError::Timeout {
            url: url.to_owned(),
        }
    } else {
        LoadError::Network {
            url: url.to_owned(),
        }
    }
}
