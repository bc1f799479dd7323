//! The browser's files: the published snapshot downloaded, a file the person picks or drops,
//! a download, and the draft handed to the explorer for its preview.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The published snapshot, beside `edit.html`.
pub const PUBLISHED: &str = "data/strategy.json";
/// Where the explorer's preview reads the draft: `public/sw.js` answers this address from the
/// Cache Storage below, so the explorer loads the draft as it loads any preview.
pub const PREVIEW: &str = "data/draft.json";
const PREVIEW_CACHE: &str = "iom-explorer-draft";

/// Downloads `url` as text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|err| err.to_string())?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response.text().await.map_err(|err| err.to_string())
}

/// The bytes of a file the person picked or dropped.
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|err| format!("{err:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Saves `text` as a file called `name` through the browser's download.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = leptos::prelude::document();
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // Revoked later: Chromium starts the download after the click returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

/// Hands the draft to the explorer's preview (see [`PREVIEW`]).
pub async fn publish_preview(text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(caches) = window.caches().ok().filter(|caches| !caches.is_undefined()) else {
        return;
    };
    let page = window.location().href().unwrap_or_default();
    let Ok(key) = web_sys::Url::new_with_base(PREVIEW, &page).map(|url| url.href()) else {
        return;
    };
    let init = web_sys::ResponseInit::new();
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("content-type", "application/json");
        init.set_headers(&headers);
    }
    let Ok(response) = web_sys::Response::new_with_opt_str_and_init(Some(text), &init) else {
        return;
    };
    let Ok(cache) = JsFuture::from(caches.open(PREVIEW_CACHE)).await else {
        return;
    };
    let cache = web_sys::Cache::from(cache);
    let _ = JsFuture::from(cache.put_with_str(&key, &response)).await;
}

/// The explorer's service worker, which serves the preview (and the explorer offline).
pub fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let container = window.navigator().service_worker();
        if !JsValue::from(container.clone()).is_undefined() {
            let _ = container.register("sw.js");
        }
    }
}
