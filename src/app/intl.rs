//! Dates and numbers formatted by the browser's `Intl` for the UI language, never by hand.
//! Formatters are built once per language and precision, not per call.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::core::{Lang, PartialDate, Precision};

thread_local! {
    /// Whether this browser's `Intl` has Lao data (asked once).
    static HAS_LAO: bool = Intl::DateTimeFormat::supported_locales_of(&locales(Lang::Lo), &Object::new()).length() > 0;
    static DATE_FORMATS: RefCell<HashMap<(Lang, Precision), Function>> = RefCell::new(HashMap::new());
    static NUMBER_FORMATS: RefCell<HashMap<Lang, Function>> = RefCell::new(HashMap::new());
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    options
}

/// International English (24 February 2022) rather than US English; Lao as is.
fn locales(lang: Lang) -> Array {
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Lo => "lo",
    };
    Array::of1(&JsValue::from_str(tag))
}

fn date_format(lang: Lang, precision: Precision) -> Function {
    DATE_FORMATS.with(|cache| {
        cache
            .borrow_mut()
            .entry((lang, precision))
            .or_insert_with(|| {
                let fields: &[(&str, &str)] = match precision {
                    Precision::Year => &[("year", "numeric")],
                    Precision::Month => &[("year", "numeric"), ("month", "long")],
                    Precision::Day => &[("year", "numeric"), ("month", "long"), ("day", "numeric")],
                };
                let mut pairs = vec![("timeZone", "UTC")];
                pairs.extend_from_slice(fields);
                Intl::DateTimeFormat::new(&locales(lang), &options(&pairs)).format()
            })
            .clone()
    })
}

/// Builds the date formatters of `lang` ahead of their first use (5 to 10 ms each on a slow
/// phone), which the first drawing of the explorer (the footer's snapshot date) would otherwise
/// wait for: called while the snapshot downloads. The page's first `Intl` call, which loads the
/// browser's locale data and costs far more, is made by the page's start-up script and by
/// `embed.js` while the Wasm downloads (`scripts/embed-hook.mjs`).
pub fn prepare(lang: Lang) {
    if lang == Lang::Lo && !HAS_LAO.with(|has| *has) {
        return;
    }
    for precision in [Precision::Day, Precision::Month, Precision::Year] {
        date_format(lang, precision);
    }
}

/// A date shown with exactly its precision: "2001", "November 2010", "24 February 2022".
pub fn format_date(date: &PartialDate, lang: Lang) -> String {
    if lang == Lang::Lo && !HAS_LAO.with(|has| *has) {
        return crate::core::lao_dates::format_lo(date);
    }
    let ms = Date::utc(
        f64::from(date.year),
        f64::from(date.month.unwrap_or(1)) - 1.0,
    ) + (f64::from(date.day.unwrap_or(1)) - 1.0) * 86_400_000.0;
    let js_date = Date::new(&JsValue::from_f64(ms));
    date_format(lang, date.precision())
        .call1(&JsValue::NULL, &js_date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| date.to_string())
}

/// A date or a span of dates ("2019 – 2022"); an end equal to the start is not repeated.
pub fn format_span(start: &PartialDate, end: Option<&PartialDate>, lang: Lang) -> String {
    match end {
        Some(end) if end != start => {
            format!("{} – {}", format_date(start, lang), format_date(end, lang))
        }
        _ => format_date(start, lang),
    }
}

/// A whole number with the language's grouping.
pub fn format_number(value: usize, lang: Lang) -> String {
    // Neither language groups numbers below 1000 or writes them with other digits; the live
    // result count asks on every keystroke, so those skip the call into `Intl`.
    if value < 1000 {
        return value.to_string();
    }
    let format = NUMBER_FORMATS.with(|cache| {
        cache
            .borrow_mut()
            .entry(lang)
            .or_insert_with(|| Intl::NumberFormat::new(&locales(lang), &Object::new()).format())
            .clone()
    });
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(value as f64))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| value.to_string())
}
