//! Dates with the precision their source gives: a year, a month or a day.
//!
//! `2001` means "some time in 2001", not 1 January 2001; views must show it as a year.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date a source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    MonthOutOfRange(u32),
    /// The day does not exist in that month (e.g. 2021-02-30).
    NoSuchDay {
        year: i32,
        month: u8,
        day: u32,
    },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            DateError::Format => f.write_str("expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::MonthOutOfRange(month) => write!(f, "month {month} does not exist"),
            DateError::NoSuchDay { year, month, day } => write!(
                f,
                "day {day} does not exist in {year}-{month:02}, which has {} days",
                days_in_month(*year, *month)
            ),
        }
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(part: &str, len: usize) -> Option<u32> {
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn parse(text: &str) -> Result<Self, DateError> {
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|y| digits(y, 4))
            .ok_or(DateError::Format)? as i32;
        let month = match parts.next() {
            None => return Ok(PartialDate::year(year)),
            Some(m) => digits(m, 2).ok_or(DateError::Format)?,
        };
        if !(1..=12).contains(&month) {
            return Err(DateError::MonthOutOfRange(month));
        }
        let month = month as u8;
        let day = match parts.next() {
            None => {
                return Ok(PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                })
            }
            Some(d) => digits(d, 2).ok_or(DateError::Format)?,
        };
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        if day == 0 || day > u32::from(days_in_month(year, month)) {
            return Err(DateError::NoSuchDay { year, month, day });
        }
        Ok(PartialDate {
            year,
            month: Some(month),
            day: Some(day as u8),
        })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// Day of the year (0-based) of the first day this date can mean.
    fn first_day_of_year(&self) -> u32 {
        let month = self.month.unwrap_or(1);
        let before: u32 = (1..month)
            .map(|m| u32::from(days_in_month(self.year, m)))
            .sum();
        before + u32::from(self.day.unwrap_or(1)) - 1
    }

    /// Day of the year (0-based) of the last day this date can mean.
    fn last_day_of_year(&self) -> u32 {
        match (self.month, self.day) {
            (_, Some(_)) => self.first_day_of_year(),
            (Some(month), None) => PartialDate {
                year: self.year,
                month: Some(month),
                day: Some(days_in_month(self.year, month)),
            }
            .first_day_of_year(),
            (None, _) => {
                if is_leap_year(self.year) {
                    365
                } else {
                    364
                }
            }
        }
    }

    fn days_in_year(&self) -> f64 {
        if is_leap_year(self.year) {
            366.0
        } else {
            365.0
        }
    }

    /// The first instant this date can mean, as a fractional year (2001.0 = 1 Jan 2001).
    pub fn start_fraction(&self) -> f64 {
        f64::from(self.year) + f64::from(self.first_day_of_year()) / self.days_in_year()
    }

    /// The end of the last day this date can mean, as a fractional year.
    pub fn end_fraction(&self) -> f64 {
        f64::from(self.year) + f64::from(self.last_day_of_year() + 1) / self.days_in_year()
    }

    /// Whether `end` can be an end of a span starting at `self`: its last possible day is
    /// not before `self`'s first possible day ("2018-07" may end in "2018", not in "2018-06-30").
    pub fn may_end_with(&self, end: &PartialDate) -> bool {
        end.last_key() >= self.first_key()
    }

    fn first_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    fn last_key(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }
}

/// Dates sort by the first day they can mean; at equal starts the coarser date comes first.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_key()
            .cmp(&other.first_key())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// ISO form with the date's own precision: `2001`, `2010-11`, `2022-02-24`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        PartialDate::parse(&text)
            .map_err(|err| serde::de::Error::custom(format!("\"{text}\": {err}")))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date with the source's precision: YYYY, YYYY-MM or YYYY-MM-DD.",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keeps_the_precision_of_the_source() {
        assert_eq!(
            PartialDate::parse("2001").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2010-11").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2022-02-24").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn refuses_days_that_do_not_exist() {
        assert_eq!(
            PartialDate::parse("2021-02-30"),
            Err(DateError::NoSuchDay {
                year: 2021,
                month: 2,
                day: 30
            })
        );
        assert!(
            PartialDate::parse("2020-02-29").is_ok(),
            "2020 is a leap year"
        );
        assert!(
            PartialDate::parse("2100-02-29").is_err(),
            "2100 is not a leap year"
        );
        assert_eq!(
            PartialDate::parse("2021-13"),
            Err(DateError::MonthOutOfRange(13))
        );
        let zero = PartialDate::parse("2021-04-00").unwrap_err().to_string();
        assert!(zero.contains("day 0 does not exist in 2021-04"), "{zero}");
    }

    #[test]
    fn refuses_other_formats() {
        for bad in [
            "",
            "21",
            "2021/02/03",
            "2021-2-3",
            "2021-02-03T00:00",
            "24 Feb 2022",
            "2021-02-03-04",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Format), "{bad}");
        }
    }

    #[test]
    fn a_year_spans_the_whole_year_not_its_first_day() {
        let year = PartialDate::parse("2007").unwrap();
        assert_eq!(year.start_fraction(), 2007.0);
        assert_eq!(year.end_fraction(), 2008.0);
        let day = PartialDate::parse("2007-02-27").unwrap();
        assert!(day.end_fraction() - day.start_fraction() < 0.003);
    }

    #[test]
    fn an_end_in_the_same_year_as_a_dated_start_is_allowed() {
        let start = PartialDate::parse("2018-07").unwrap();
        assert!(start.may_end_with(&PartialDate::parse("2018").unwrap()));
        assert!(start.may_end_with(&PartialDate::parse("2019-02").unwrap()));
        assert!(!start.may_end_with(&PartialDate::parse("2018-06-30").unwrap()));
    }

    proptest! {
        #[test]
        fn every_valid_day_round_trips(year in 1900i32..2100, month in 1u8..=12, day in 1u8..=31) {
            let text = format!("{year:04}-{month:02}-{day:02}");
            match PartialDate::parse(&text) {
                Ok(date) => {
                    prop_assert!(day <= days_in_month(year, month));
                    prop_assert_eq!(date.to_string(), text);
                    prop_assert!(date.start_fraction() < date.end_fraction());
                }
                Err(_) => prop_assert!(day > days_in_month(year, month)),
            }
        }

        #[test]
        fn never_panics_on_any_string(text in ".*") {
            let _ = PartialDate::parse(&text);
        }
    }
}
