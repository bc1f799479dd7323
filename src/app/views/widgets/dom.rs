//! Elements made straight with the DOM, for the drawings kept in step by key
//! ([`crate::core::keyed`]), which bypass the view layer to stay cheap on every filter change.

use wasm_bindgen::UnwrapThrowExt;

use crate::core::keyed::Container;

/// An SVG element made straight with the DOM (for drawings kept in step by key, which bypass
/// the view layer to stay cheap on every filter change).
pub fn svg_shape(
    document: &web_sys::Document,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    dom_element(
        document,
        Some("http://www.w3.org/2000/svg"),
        tag,
        attributes,
    )
}

/// An element of `namespace` (HTML if none) made straight with the DOM, with `attributes`.
pub fn dom_element(
    document: &web_sys::Document,
    namespace: Option<&str>,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    // Creating an element with a fixed, valid tag name cannot fail.
    let element = document.create_element_ns(namespace, tag).unwrap_throw();
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    element
}

/// An HTML element with `attributes`.
pub fn html_element(
    document: &web_sys::Document,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    dom_element(
        document,
        Some("http://www.w3.org/1999/xhtml"),
        tag,
        attributes,
    )
}

/// An element holds the drawings of a [`crate::core::keyed::Keyed`] list.
impl Container for web_sys::Element {
    type Node = web_sys::Element;

    fn put_before(&self, node: &web_sys::Element, before: Option<&web_sys::Element>) {
        let before: Option<&web_sys::Node> = before.map(|b| b.as_ref());
        let _ = self.insert_before(node, before);
    }

    fn take_out(&self, node: &web_sys::Element) {
        node.remove();
    }
}
