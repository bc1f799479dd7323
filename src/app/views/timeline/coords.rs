//! Coordinates written into SVG attributes as numbers. The browser turns a number into the same
//! shortest text Rust would ("12.3", "5"), so a marker's move crosses to JS as a few floats:
//! nothing is formatted in Rust or decoded from UTF-8 in JS on each keystroke.

use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

use crate::core::num::tenths;

#[wasm_bindgen]
extern "C" {
    /// An element, seen through a `setAttribute` that takes a number.
    type Numbered;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute_number(this: &Numbered, name: &JsString, value: f64);
}

/// The coordinate attributes the drawings move.
#[derive(Clone, Copy)]
pub enum Coord {
    X,
    Y,
    Width,
    Cx,
    Cy,
}

thread_local! {
    /// The attribute names, made into JS strings once.
    static NAMES: [JsString; 5] = ["x", "y", "width", "cx", "cy"].map(JsString::from);
}

/// Sets `coord` of `element` to `value`, rounded to a tenth of a pixel.
pub fn set(element: &web_sys::Element, coord: Coord, value: f64) {
    let element: &Numbered = element.unchecked_ref();
    NAMES.with(|names| element.set_attribute_number(&names[coord as usize], tenths(value).value()));
}
