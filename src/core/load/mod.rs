//! From bytes to a checked [`Snapshot`]: size and syntax first, then the shape of every item,
//! then the rules in [`super::validate`]. Every problem is collected; none panics.
//!
//! Two readings give the same answer. [`clean`] reads the file straight into the model in one
//! pass and accepts only a snapshot with no problem at all: the common case, and the only one
//! the explorer's first Wasm file carries. [`thorough`] reads it item by item to report every
//! problem with its place in the file; it runs only when the first refuses.

pub mod clean;
pub mod thorough;

use super::model::{Snapshot, SCHEMA_MAJOR};
use super::problem::Problem;

/// Larger snapshots are refused before parsing, so a wrong URL cannot freeze the tab.
pub const MAX_SNAPSHOT_BYTES: usize = 25 * 1024 * 1024;
/// No single string in a snapshot may be longer than this (in characters).
pub const MAX_STRING_CHARS: usize = 20_000;

const VERSION_PATH: &str = "$.schema_version";

/// Parses and checks a snapshot as downloaded or read from disk: its bytes must be UTF-8 (a
/// file saved in another encoding is refused with the offset of its first bad byte, not read
/// with replacement characters).
pub fn load_snapshot_bytes(bytes: &[u8]) -> Result<Snapshot, Vec<Problem>> {
    load_snapshot(utf8(bytes)?)
}

/// Reads and checks the snapshot file at `path`, for the command-line tools: the error is one
/// line naming the first problem.
pub fn load_snapshot_file(path: &str) -> Result<Snapshot, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    load_snapshot(&text)
        .map_err(|problems| format!("{} problems, first: {}", problems.len(), problems[0]))
}

/// Parses and checks a snapshot. On failure, returns every problem found, each with its path.
pub fn load_snapshot(text: &str) -> Result<Snapshot, Vec<Problem>> {
    clean::load(text).or_else(|_| thorough::load(text))
}

/// [`thorough::load`] of bytes, UTF-8 checked first.
pub fn load_thoroughly_bytes(bytes: &[u8]) -> Result<Snapshot, Vec<Problem>> {
    thorough::load(utf8(bytes)?)
}

/// [`clean::load`] of bytes, UTF-8 checked first.
pub fn load_clean_bytes(bytes: &[u8]) -> Result<Snapshot, Vec<Problem>> {
    clean::load(utf8(bytes)?)
}

fn utf8(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    check_size(bytes.len())?;
    std::str::from_utf8(bytes).map_err(|err| {
        vec![Problem::new(
            "$",
            format!(
                "not UTF-8 text: byte {} is not valid UTF-8; save the file as UTF-8",
                err.valid_up_to()
            ),
        )]
    })
}

fn check_size(bytes: usize) -> Result<(), Vec<Problem>> {
    if bytes > MAX_SNAPSHOT_BYTES {
        return Err(vec![Problem::new(
            "$",
            format!(
                "the snapshot is {} MB; the limit is {} MB",
                super::num::megabytes(bytes),
                MAX_SNAPSHOT_BYTES / 1_048_576
            ),
        )]);
    }
    Ok(())
}

/// A snapshot of another major version than this explorer reads is refused.
fn check_version(version: &str) -> Result<(), Problem> {
    let path = VERSION_PATH;
    let major = version
        .split_once('.')
        .filter(|(major, minor)| {
            !major.is_empty()
                && !minor.is_empty()
                && (major.bytes().chain(minor.bytes())).all(|b| b.is_ascii_digit())
        })
        .and_then(|(major, _)| major.parse::<u32>().ok())
        .ok_or_else(|| {
            Problem::new(
                path,
                format!("\"{version}\" is not MAJOR.MINOR, e.g. \"1.0\""),
            )
        })?;
    if major != SCHEMA_MAJOR {
        return Err(Problem::new(
            path,
            format!("unknown major version {major} (\"{version}\"); this explorer reads version {SCHEMA_MAJOR}.x"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{clean, load_snapshot, thorough};
    use proptest::prelude::*;
    use serde_json::Value;

    const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.json");
    const SHIPPED: &str = include_str!("../../../public/data/strategy.json");

    /// The one-pass reading accepts exactly what the thorough one accepts, and the same
    /// snapshot: the explorer's first view relies on the first, the problems list on the second.
    fn readings_agree(text: &str) -> Result<(), TestCaseError> {
        match (clean::load(text), thorough::load(text)) {
            (Ok(quick), Ok(full)) => prop_assert_eq!(quick, full),
            (Err(_), Err(_)) => {}
            (quick, full) => prop_assert!(
                false,
                "one-pass reading: {:?}; thorough: {:?}",
                quick.map(|_| ()),
                full.map(|_| ())
            ),
        }
        Ok(())
    }

    #[test]
    fn both_readings_accept_the_shipped_snapshot() {
        assert!(clean::load(SHIPPED).is_ok());
        readings_agree(SHIPPED).unwrap();
    }

    /// Any JSON value, nested a few levels deep.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<f64>()
                .prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            ".{0,20}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::btree_map("[a-z_]{1,12}", inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Replaces one value somewhere in a document, walking a random path.
    fn replace_somewhere(value: &mut Value, path: &[usize], with: Value) {
        let next = match value {
            Value::Object(map) if !map.is_empty() => {
                let key = map
                    .keys()
                    .nth(path.first().copied().unwrap_or(0) % map.len())
                    .cloned();
                key.and_then(|k| map.get_mut(&k))
            }
            Value::Array(items) if !items.is_empty() => {
                let i = path.first().copied().unwrap_or(0) % items.len();
                items.get_mut(i)
            }
            _ => None,
        };
        match next {
            Some(child) if path.len() > 1 => replace_somewhere(child, &path[1..], with),
            Some(child) => *child = with,
            None => *value = with,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            let _ = load_snapshot(&text);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = load_snapshot(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn arbitrary_json_never_panics_and_is_refused_with_a_reason(value in any_json()) {
            readings_agree(&value.to_string())?;
            if let Err(problems) = load_snapshot(&value.to_string()) {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().all(|p| p.path.starts_with('$') && !p.message.is_empty()));
            }
        }

        /// A good snapshot with any one value replaced by anything: no panic, and every
        /// problem names where it is.
        #[test]
        fn a_mutated_snapshot_never_panics(path in proptest::collection::vec(any::<usize>(), 1..6), with in any_json()) {
            let mut value: Value = serde_json::from_str(MINIMAL).unwrap();
            replace_somewhere(&mut value, &path, with);
            readings_agree(&value.to_string())?;
            if let Err(problems) = load_snapshot(&value.to_string()) {
                prop_assert!(problems.iter().all(|p| p.path.starts_with('$')));
            }
        }

        /// Truncating a good snapshot anywhere gives a clear JSON error, never a panic.
        #[test]
        fn a_truncated_snapshot_is_refused(cut in 1usize..2000) {
            let cut = cut.min(MINIMAL.len() - 1);
            let text = &MINIMAL[..MINIMAL.floor_char_boundary(cut)];
            let problems = load_snapshot(text).unwrap_err();
            prop_assert!(problems[0].to_string().starts_with("$:"), "{:?}", problems);
        }
    }

    proptest! {
        // The shipped snapshot is large: fewer cases.
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// The same on the shipped snapshot, whose every collection has items.
        #[test]
        fn a_mutated_shipped_snapshot_reads_the_same_both_ways(path in proptest::collection::vec(any::<usize>(), 1..6), with in any_json()) {
            let mut value: Value = serde_json::from_str(SHIPPED).unwrap();
            replace_somewhere(&mut value, &path, with);
            readings_agree(&value.to_string())?;
        }
    }
}
