//! Text widths in the drawings' font, measured by the browser (a 2D canvas), once per text, so
//! that the core can place names that never overlap what the eye sees.

use std::collections::HashMap;

use leptos::prelude::document;
use wasm_bindgen::JsCast;

use crate::core::timeline_labels::estimated_width;

/// The drawings' font stack, as `svg.css` sets it.
const FAMILY: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"IOM Explorer Noto Sans Lao\", \"Noto Sans Lao\", sans-serif";
/// Room for a font that arrives after the measure (the Lao webfont swaps in).
const MARGIN: f64 = 1.08;

pub struct TextMeasure {
    font_px: f64,
    context: Option<web_sys::CanvasRenderingContext2d>,
    widths: HashMap<String, f64>,
}

impl TextMeasure {
    /// Measures at `font_px`, bold or not; where the browser has no 2D canvas, estimates.
    pub fn new(font_px: f64, bold: bool) -> Self {
        let context = document()
            .create_element("canvas")
            .ok()
            .and_then(|canvas| canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|canvas| canvas.get_context("2d").ok().flatten())
            .and_then(|context| context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(context) = &context {
            let weight = if bold { "700 " } else { "" };
            context.set_font(&format!("{weight}{font_px}px {FAMILY}"));
        }
        TextMeasure {
            font_px,
            context,
            widths: HashMap::new(),
        }
    }

    pub fn width(&mut self, text: &str) -> f64 {
        if let Some(&width) = self.widths.get(text) {
            return width;
        }
        let measured = self
            .context
            .as_ref()
            .and_then(|context| context.measure_text(text).ok())
            .map(|metrics| metrics.width())
            .filter(|width| width.is_finite() && *width > 0.0)
            .unwrap_or_else(|| estimated_width(text, self.font_px));
        let width = (measured * MARGIN).ceil();
        self.widths.insert(text.to_owned(), width);
        width
    }
}
