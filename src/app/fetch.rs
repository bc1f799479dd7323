//! Downloads the snapshot with gloo-net and checks it with the core loader.

use std::sync::Arc;

use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::index::Index;
use crate::core::load::MAX_SNAPSHOT_BYTES;
use crate::core::{load_snapshot, Problem, Snapshot};

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
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|n| n.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|bytes| *bytes > MAX_SNAPSHOT_BYTES) {
        return Err(LoadError::TooLarge { url, bytes });
    }
    let text = response
        .text()
        .await
        .map_err(|_| aborted_or_network(&signal, &url))?;
    if text.len() > MAX_SNAPSHOT_BYTES {
        return Err(LoadError::TooLarge {
            url,
            bytes: text.len(),
        });
    }
    let snapshot = load_snapshot(&text).map_err(|problems| LoadError::Invalid { url, problems })?;
    let index = Arc::new(Index::build(&snapshot));
    Ok(Loaded {
        snapshot: Arc::new(snapshot),
        index,
    })
}

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
