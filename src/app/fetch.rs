//! Downloads the snapshot and checks it with the core loader.

use std::sync::Arc;

use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen_futures::JsFuture;

use super::http::{self, is_json, HttpError, Limits};
use super::tasks::{task_began, yield_if_long};

use crate::core::index::Index;
use crate::core::load::{load_clean_bytes, load_thoroughly_bytes, MAX_SNAPSHOT_BYTES};
use crate::core::{Problem, Snapshot};

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
    /// The download failed (see [`HttpError`]).
    Download {
        url: String,
        error: HttpError,
    },
    Invalid {
        url: String,
        problems: Vec<Problem>,
    },
}

const LIMITS: Limits = Limits {
    seconds: TIMEOUT_SECONDS,
    bytes: MAX_SNAPSHOT_BYTES,
    // Only JSON: anything else the site serves (an uploaded text file, a sign-in page) is not
    // a snapshot, whatever its name.
    accepts: is_json,
};

/// Downloads and checks the snapshot at `url`; `published` is the one the explorer shows when
/// no preview is asked for.
pub async fn fetch_snapshot(url: String, published: String) -> Result<Loaded, LoadError> {
    let body = http::get(&url, LIMITS)
        .await
        .map_err(|error| LoadError::Download {
            url: url.clone(),
            error,
        })?;
    // Reading, indexing and drawing are each a long piece of work on a phone: each starts in
    // a task of its own once the work before it has run long, so that the page can answer
    // and paint between them. The download's end began this task.
    task_began();
    // Bytes, not text: the core checks that they are UTF-8 (naming the first bad byte) and
    // parses them where they are.
    let snapshot = match load_clean_bytes(&body) {
        Ok(snapshot) => snapshot,
        // Not clean: the thorough reading, downloaded now, says everything that is wrong (or
        // accepts it after all). If it cannot be downloaded, the first problems found are shown.
        Err(first_problems) => match check_thoroughly(&body).await {
            Ok(read) => read,
            Err(CheckerMissing) => Err(first_problems),
        }
        .map_err(|problems| LoadError::Invalid {
            url: url.clone(),
            problems,
        })?,
    };
    remember_good_snapshot(&url, &published, &js_sys::Uint8Array::from(body.as_slice()));
    yield_if_long().await;
    let index = Arc::new(Index::build(&snapshot));
    super::perf::mark_once(super::perf::SNAPSHOT);
    // The first view draws when this returns.
    yield_if_long().await;
    Ok(Loaded {
        snapshot: Arc::new(snapshot),
        index,
    })
}

/// The thorough reading's code did not arrive.
struct CheckerMissing;

impl From<SplitLoaderError> for CheckerMissing {
    fn from(_: SplitLoaderError) -> Self {
        CheckerMissing
    }
}

/// The thorough reading is not in the first Wasm file: every published snapshot passes the
/// one-pass reading, so only a broken one (a preview, a bad upload) needs it.
#[allow(improper_ctypes_definitions)]
#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
fn check_thoroughly(body: &[u8]) -> Result<Result<Snapshot, Vec<Problem>>, CheckerMissing> {
    Ok(load_thoroughly_bytes(body))
}

/// Keeps a copy of a snapshot that passed every check, for offline visits: the service worker
/// serves it when the network fails, and never stores a snapshot itself, so a broken new
/// snapshot can never replace the last good one. Previews (up to 25 MB each) do not pile up:
/// only the published snapshot and the last preview are kept.
fn remember_good_snapshot(url: &str, published: &str, body: &js_sys::Uint8Array) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // `caches` is missing outside secure contexts and where storage is off.
    let Some(caches) = window.caches().ok().filter(|caches| !caches.is_undefined()) else {
        return;
    };
    let page = window.location().href().unwrap_or_default();
    let absolute = |url: &str| web_sys::Url::new_with_base(url, &page).map(|url| url.href());
    let (Ok(key), Ok(published)) = (absolute(url), absolute(published)) else {
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
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(cache) = JsFuture::from(caches.open(GOOD_SNAPSHOTS)).await else {
            return;
        };
        let cache = web_sys::Cache::from(cache);
        let _ = JsFuture::from(cache.put_with_str(&key, &response)).await;
        if key == published {
            return;
        }
        let Ok(stored) = JsFuture::from(cache.keys()).await else {
            return;
        };
        for request in js_sys::Array::from(&stored).iter() {
            let stored = js_sys::Reflect::get(&request, &"url".into())
                .ok()
                .and_then(|url| url.as_string())
                .unwrap_or_default();
            if stored != key && stored != published {
                let _ = JsFuture::from(cache.delete_with_str(&stored)).await;
            }
        }
    });
}

/// The Cache Storage name shared with `public/sw.js`.
const GOOD_SNAPSHOTS: &str = "iom-explorer-good-snapshots";
