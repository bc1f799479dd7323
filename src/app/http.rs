//! The one way the explorer downloads its data (the snapshot, the boundaries): a time limit
//! that covers the body too, a size limit counted while the body arrives (a chunked or
//! compressed body has no trustworthy length up front), no redirect to another site, and the
//! media type checked before the body is read.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What a download may take.
#[derive(Clone, Copy)]
pub struct Limits {
    pub seconds: u32,
    pub bytes: usize,
    /// Whether the response's `content-type` is acceptable.
    pub accepts: fn(&str) -> bool,
}

/// Why a download gave nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum HttpError {
    Network,
    Timeout,
    Status {
        status: u16,
        text: String,
    },
    /// A redirect ended on another site (its origin).
    Redirected {
        to: String,
    },
    WrongType {
        content_type: String,
    },
    /// Larger than the limit: `declared` is the `content-length` when the server gave one;
    /// otherwise the body was stopped at the limit.
    TooLarge {
        declared: Option<usize>,
    },
}

/// Downloads `url` within `limits`.
pub async fn get(url: &str, limits: Limits) -> Result<Vec<u8>, HttpError> {
    let signal = web_sys::AbortSignal::timeout_with_u32(limits.seconds * 1000);
    let failed = |_: wasm_bindgen::JsValue| aborted_or_network(&signal);
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| aborted_or_network(&signal))?;
    if !response.ok() {
        return Err(HttpError::Status {
            status: response.status(),
            text: response.status_text(),
        });
    }
    if response.redirected() {
        let (asked, ended) = (origin_of(url), origin_of(&response.url()));
        if asked.is_none() || asked != ended {
            return Err(HttpError::Redirected {
                to: ended.unwrap_or_else(|| response.url()),
            });
        }
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if !(limits.accepts)(&content_type) {
        return Err(HttpError::WrongType { content_type });
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|n| n.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|bytes| *bytes > limits.bytes) {
        return Err(HttpError::TooLarge {
            declared: Some(bytes),
        });
    }
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::with_capacity(declared.unwrap_or(0));
    loop {
        let chunk: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(failed)?
            .unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            return Ok(body);
        }
        let chunk = Uint8Array::new(&chunk.get_value());
        let start = body.len();
        let end = start + chunk.length() as usize;
        if end > limits.bytes {
            // Stops the download; nothing more of it is held.
            let _ = reader.cancel();
            return Err(HttpError::TooLarge { declared: None });
        }
        body.resize(end, 0);
        chunk.copy_to(&mut body[start..]);
    }
}

/// The media types of JSON: `application/json`, `text/json` and any `…/…+json`.
pub fn is_json(content_type: &str) -> bool {
    let kind = media_type(content_type);
    kind == "application/json" || kind == "text/json" || kind.ends_with("+json")
}

/// Static hosts label GeoJSON in many ways (`application/octet-stream` where they do not know
/// the extension); an HTML page (a login or "not found" page served with status 200), an
/// image or the like is certainly not one.
pub fn could_be_json(content_type: &str) -> bool {
    let kind = media_type(content_type);
    !(kind == "text/html"
        || kind == "application/xhtml+xml"
        || ["image/", "audio/", "video/", "font/"]
            .iter()
            .any(|prefix| kind.starts_with(prefix)))
}

fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The origin of `url`, relative URLs read against the page.
fn origin_of(url: &str) -> Option<String> {
    let page = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(url, &page)
        .ok()
        .map(|url| url.origin())
}

fn aborted_or_network(signal: &web_sys::AbortSignal) -> HttpError {
    if signal.aborted() {
        HttpError::Timeout
    } else {
        HttpError::Network
    }
}
