//! Numbers written into text: SVG coordinates and file sizes. Written with integer and
//! shortest-float formatting only, so the Wasm carries one float formatter, not two.

/// `value` rounded to a tenth, for SVG coordinates: `12.34` → `12.3`, `5.0` → `5`.
pub fn tenths(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
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
