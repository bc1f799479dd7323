//! Files and the clipboard: downloads made in the browser (no server), the Clipboard API with a
//! fallback for browsers or pages where it is refused, and SVG/PNG copies of a drawing.

use crate::core::num::coord;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The drawing rules, copied into exported SVG files so that they look like the screen.
const SVG_CSS: &str = include_str!("../../style/svg.css");

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(name, &blob)
}

fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_rel("noopener");
    link.click();
    // Not at once: some browsers (Firefox, Safari) read the file after `click` returns, and a
    // revoked URL cancels the download.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Copies text; returns whether it worked. The Clipboard API first; then a selection copy,
/// which browsers still allow where the API is missing (pages served over plain http) or
/// refused (a cross-origin iframe embed without `allow="clipboard-write"`).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    if !clipboard.is_undefined() && JsFuture::from(clipboard.write_text(text)).await.is_ok() {
        return true;
    }
    copy_with_selection(text).unwrap_or(false)
}

fn copy_with_selection(text: &str) -> Result<bool, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let area: web_sys::HtmlTextAreaElement = document.create_element("textarea")?.dyn_into()?;
    area.set_value(text);
    area.set_attribute("readonly", "")?;
    area.set_class_name("iom-visually-hidden");
    let body = document.body().ok_or("no body")?;
    body.append_child(&area)?;
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .map(|d| d.exec_command("copy").unwrap_or(false));
    area.remove();
    Ok(copied.unwrap_or(false))
}

/// A standalone SVG file of the drawing, with its styles and an explicit size.
fn standalone_svg(svg: &web_sys::Element) -> Result<(String, f64, f64), JsValue> {
    let copy: web_sys::Element = svg.clone_node_with_deep(true)?.dyn_into()?;
    copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")?;
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0), rect.height().max(1.0));
    copy.set_attribute("width", &coord(width))?;
    copy.set_attribute("height", &coord(height))?;
    copy.remove_attribute("aria-hidden")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let style = document.create_element_ns(Some("http://www.w3.org/2000/svg"), "style")?;
    style.set_text_content(Some(SVG_CSS));
    copy.insert_before(&style, copy.first_child().as_ref())?;
    let background = document.create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")?;
    for (key, value) in [("width", "100%"), ("height", "100%"), ("fill", "#ffffff")] {
        background.set_attribute(key, value)?;
    }
    copy.insert_before(&background, style.next_sibling().as_ref())?;
    let text = web_sys::XmlSerializer::new()?.serialize_to_string(&copy)?;
    Ok((
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}"),
        width,
        height,
    ))
}

pub fn download_svg(svg: &web_sys::Element, name: &str) -> Result<(), JsValue> {
    let (text, _, _) = standalone_svg(svg)?;
    download(name, "image/svg+xml", &text)
}

/// Draws the SVG on a canvas at twice its size and downloads it as a PNG. Fails (for the
/// caller to say so) if the browser cannot decode the SVG or read the canvas back.
pub async fn download_png(svg: &web_sys::Element, name: &str) -> Result<(), JsValue> {
    let (text, width, height) = standalone_svg(svg)?;
    let parts = Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    web_sys::Url::revoke_object_url(&url)?;
    decoded?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let scale = 2.0;
    canvas.set_width((width * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .dyn_into()?;
    context.scale(scale, scale)?;
    context.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&canvas.to_data_url_with_type("image/png")?);
    link.set_download(name);
    link.click();
    Ok(())
}
