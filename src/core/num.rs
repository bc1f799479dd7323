//! Numbers written into text: SVG coordinates and file sizes. Written with integer
//! formatting only, so the Wasm carries no float formatter (Rust's costs about 12 KB).

use std::fmt;

/// A number rounded to a number of decimal places, written as the shortest text for it
/// (`12.3`, `5`, `-0.4`): the text Rust's float formatting gives the rounded value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rounded {
    value: f64,
    places: u32,
}

/// `value` rounded to a tenth, for SVG coordinates: `12.34` → `12.3`, `5.0` → `5`.
pub fn tenths(value: f64) -> Rounded {
    Rounded {
        value: (value * 10.0).round() / 10.0,
        places: 1,
    }
}

/// `value` to six decimal places, for a number quoted back from the snapshot (a longitude).
pub fn decimal(value: f64) -> Rounded {
    Rounded { value, places: 6 }
}

/// `value` as the text of an SVG coordinate attribute, to a tenth.
pub fn coord(value: f64) -> String {
    tenths(value).to_string()
}

impl Rounded {
    pub fn value(self) -> f64 {
        self.value
    }
}

impl fmt::Display for Rounded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = 10u64.pow(self.places);
        let scaled = (self.value * unit as f64).round();
        // Far inside i64 for coordinates; anything else (NaN, infinities) is written 0.
        let scaled = if scaled.is_finite() { scaled as i64 } else { 0 };
        let sign = if scaled < 0 { "-" } else { "" };
        let (whole, mut part) = (scaled.unsigned_abs() / unit, scaled.unsigned_abs() % unit);
        if part == 0 {
            return write!(f, "{sign}{whole}");
        }
        let mut width = self.places as usize;
        while part % 10 == 0 {
            part /= 10;
            width -= 1;
        }
        write!(f, "{sign}{whole}.{part:0width$}")
    }
}

/// A size in megabytes with one decimal: `26_214_400` → `"25.0"`.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u128 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_keep_one_decimal_and_drop_a_zero_one() {
        assert_eq!(tenths(12.34).to_string(), "12.3");
        assert_eq!(tenths(12.36).to_string(), "12.4");
        assert_eq!(tenths(5.0).to_string(), "5");
        assert_eq!(tenths(-3.06).to_string(), "-3.1");
        assert_eq!(tenths(-0.04).to_string(), "0");
        assert_eq!(tenths(f64::NAN).to_string(), "0");
        assert_eq!(tenths(12.34).value(), 12.3);
        assert_eq!(decimal(13.45).to_string(), "13.45");
        assert_eq!(decimal(102.000_05).to_string(), "102.00005");
        assert_eq!(decimal(-0.5).to_string(), "-0.5");
        // A value at a tie after the float product: rounded away from zero, not to the
        // exact binary value's side (which `{:.6}` would write as …253).
        assert_eq!(decimal(425_397.835_253_5).to_string(), "425397.835254");
    }

    proptest::proptest! {
        /// The integer-only text is the text Rust's own float formatting gives the rounded
        /// value (but for a negative zero, which is written `0`).
        #[test]
        fn tenths_are_written_as_rust_writes_the_rounded_value(value in -1.0e9f64..1.0e9) {
            let rounded = tenths(value).value();
            let expected = if rounded == 0.0 { "0".to_owned() } else { rounded.to_string() };
            proptest::prop_assert_eq!(tenths(value).to_string(), expected);
        }

        /// Six places, as close to the value as six places can be: Rust's `{:.6}` rounds the
        /// exact binary value, this rounds `value × 10⁶`, so the two may differ by one in the
        /// sixth place when the value is within a float's error of a half (425397.8352535).
        #[test]
        fn decimals_are_written_to_six_places_without_trailing_zeros(value in -1.0e6f64..1.0e6) {
            let text = decimal(value).to_string();
            let places = text.split_once('.').map_or(0, |(_, part)| part.len());
            proptest::prop_assert!(places <= 6, "{} has more than six places", text);
            proptest::prop_assert!(!text.contains('.') || !text.ends_with('0'), "{} ends in a zero", text);
            proptest::prop_assert!(text != "-0");
            let written: f64 = text.parse().unwrap();
            let error = (written - value).abs();
            // Half a unit in the sixth place, and the float error of a value up to 10⁶.
            proptest::prop_assert!(error <= 0.5e-6 + 1e-9, "{} is {} from {}", text, error, value);
        }
    }

    #[test]
    fn megabytes_round_to_a_tenth() {
        assert_eq!(megabytes(25 * 1_048_576), "25.0");
        assert_eq!(megabytes(30 * 1_000_000), "28.6");
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(104_858), "0.1");
        assert_eq!(megabytes(52_429), "0.1");
        assert_eq!(megabytes(52_427), "0.0");
    }
}
