//! Lao date text for browsers whose `Intl` has no Lao data (some Linux builds of Chromium
//! ship a reduced ICU). The explorer asks `Intl` first and uses this only when `lo` is missing.

use super::date::PartialDate;

const MONTHS: [&str; 12] = [
    "ມັງກອນ",
    "ກຸມພາ",
    "ມີນາ",
    "ເມສາ",
    "ພຶດສະພາ",
    "ມິຖຸນາ",
    "ກໍລະກົດ",
    "ສິງຫາ",
    "ກັນຍາ",
    "ຕຸລາ",
    "ພະຈິກ",
    "ທັນວາ",
];

/// "24 ກຸມພາ 2022", "ພະຈິກ 2010" or "2001", keeping the date's precision.
pub fn format_lo(date: &PartialDate) -> String {
    let month = date.month.map(|m| MONTHS[usize::from(m.clamp(1, 12)) - 1]);
    match (date.day, month) {
        (Some(day), Some(month)) => format!("{day} {month} {}", date.year),
        (None, Some(month)) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_precision_of_the_date() {
        assert_eq!(
            format_lo(&PartialDate::parse("2022-02-24").unwrap()),
            "24 ກຸມພາ 2022"
        );
        assert_eq!(
            format_lo(&PartialDate::parse("2010-11").unwrap()),
            "ພະຈິກ 2010"
        );
        assert_eq!(format_lo(&PartialDate::parse("2001").unwrap()), "2001");
    }
}
