//! From bytes to a checked [`Snapshot`]: size and syntax first, then the shape of every item,
//! then the rules in [`super::validate`]. Every problem is collected; none panics.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::kinds::ItemKind;
use super::model::{Snapshot, StoryStep, Strategy, SCHEMA_MAJOR};
use super::problem::{child, index, Problem};
use super::validate::{validate_in_file, Places};

/// Larger snapshots are refused before parsing, so a wrong URL cannot freeze the tab.
pub const MAX_SNAPSHOT_BYTES: usize = 25 * 1024 * 1024;
/// No single string in a snapshot may be longer than this (in characters).
pub const MAX_STRING_CHARS: usize = 20_000;

/// Parses and checks a snapshot as downloaded or read from disk: its bytes must be UTF-8 (a
/// file saved in another encoding is refused with the offset of its first bad byte, not read
/// with replacement characters).
pub fn load_snapshot_bytes(bytes: &[u8]) -> Result<Snapshot, Vec<Problem>> {
    check_size(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|err| {
        vec![Problem::new(
            "$",
            format!(
                "not UTF-8 text: byte {} is not valid UTF-8; save the file as UTF-8",
                err.valid_up_to()
            ),
        )]
    })?;
    load_snapshot(text)
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
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::new("$", "the file is empty")]);
    }
    let root: Value = serde_json::from_str(text)
        .map_err(|err| vec![Problem::new("$", format!("not valid JSON: {err}"))])?;
    let Value::Object(root) = &root else {
        return Err(vec![Problem::new(
            "$",
            format!("expected an object, found {}", kind_of(&root)),
        )]);
    };
    check_schema_version(root).map_err(|problem| vec![problem])?;

    let mut problems = Vec::new();
    let mut trail = Vec::new();
    for (key, value) in root {
        trail.push(Step::Key(key));
        check_string_lengths(value, &mut trail, &mut problems);
        trail.pop();
    }
    let mut places = Places::default();
    let snapshot = parse_shape(root, &mut places, &mut problems);
    if let Some(snapshot) = &snapshot {
        problems.extend(validate_in_file(snapshot, &places));
    }
    match snapshot {
        Some(snapshot) if problems.is_empty() => Ok(snapshot),
        _ => Err(problems),
    }
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

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A snapshot of an unknown major version is refused outright: its other fields may mean
/// something else, so checking them would only add noise.
fn check_schema_version(root: &Map<String, Value>) -> Result<(), Problem> {
    let path = "$.schema_version";
    let version = match root.get("schema_version") {
        None => return Err(Problem::new(path, "missing; expected \"1.0\"")),
        Some(Value::String(version)) => version,
        Some(other) => {
            return Err(Problem::new(
                path,
                format!("expected a string like \"1.0\", found {}", kind_of(other)),
            ))
        }
    };
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

/// One step of a JSON path, kept on a stack so that paths are only built for problems.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn path_of(trail: &[Step]) -> String {
    trail
        .iter()
        .fold(String::from("$"), |path, step| match step {
            Step::Key(key) => child(&path, key),
            Step::Index(i) => index(&path, *i),
        })
}

fn check_string_lengths<'a>(
    value: &'a Value,
    trail: &mut Vec<Step<'a>>,
    problems: &mut Vec<Problem>,
) {
    match value {
        Value::String(text) if text.len() > MAX_STRING_CHARS => {
            let chars = text.chars().count();
            if chars > MAX_STRING_CHARS {
                problems.push(Problem::new(
                    path_of(trail),
                    format!("text of {chars} characters; the limit is {MAX_STRING_CHARS}"),
                ));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                trail.push(Step::Index(i));
                check_string_lengths(item, trail, problems);
                trail.pop();
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                trail.push(Step::Key(key));
                check_string_lengths(item, trail, problems);
                trail.pop();
            }
        }
        _ => {}
    }
}

/// Reads each item on its own, so that one malformed event does not hide the problems of others.
/// `places` learns where each item stands in the file, and the ids of the items left out.
fn parse_shape(
    root: &Map<String, Value>,
    places: &mut Places,
    problems: &mut Vec<Problem>,
) -> Option<Snapshot> {
    for key in root.keys() {
        let known = matches!(
            key.as_str(),
            "schema_version" | "snapshot_date" | "strategy" | "story"
        );
        if !known && ItemKind::of_collection(key).is_none() {
            problems.push(Problem::new(
                child("$", key),
                format!(
                    "unknown field; expected one of schema_version, snapshot_date, strategy, story, {}",
                    ItemKind::ALL.map(ItemKind::collection).join(", ")
                ),
            ));
        }
    }
    let schema_version = root
        .get("schema_version")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    // Everything is read before anything is given up on, so every shape problem is reported.
    let snapshot_date = required(root, "snapshot_date", problems);
    let strategy: Option<Strategy> = required(root, "strategy", problems);
    let frameworks = collection(root, ItemKind::Framework, places, problems);
    let themes = collection(root, ItemKind::Theme, places, problems);
    let partners = collection(root, ItemKind::Partner, places, problems);
    let provinces = collection(root, ItemKind::Province, places, problems);
    let events = collection(root, ItemKind::Event, places, problems);
    let projects = collection(root, ItemKind::Project, places, problems);
    let people = collection(root, ItemKind::Person, places, problems);
    let sources = collection(root, ItemKind::Source, places, problems);
    let notes = collection(root, ItemKind::Note, places, problems);
    let story: Option<Vec<StoryStep>> = match root.get("story") {
        None => Some(Vec::new()),
        Some(_) => required(root, "story", problems),
    };
    Some(Snapshot {
        schema_version,
        snapshot_date: snapshot_date?,
        strategy: strategy?,
        frameworks,
        themes,
        partners,
        provinces,
        events,
        projects,
        people,
        sources,
        notes,
        story: story?,
    })
}

fn required<T: DeserializeOwned>(
    root: &Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let path = child("$", key);
    match root.get(key) {
        None => {
            problems.push(Problem::new(path, "missing"));
            None
        }
        Some(value) => parse_value(value, || path, problems),
    }
}

/// The items of one kind that can be read. An item that cannot is left out, and `places`
/// records where the others stand in the file and the id of the one left out (it still owns
/// its id, so references to it are not reported as dangling on top of its own problem).
fn collection<T: DeserializeOwned>(
    root: &Map<String, Value>,
    kind: ItemKind,
    places: &mut Places,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let key = kind.collection();
    let path = child("$", key);
    match root.get(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            let mut parsed = Vec::with_capacity(items.len());
            let mut positions = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                match parse_value(item, || index(&path, i), problems) {
                    Some(value) => {
                        parsed.push(value);
                        positions.push(i);
                    }
                    None => {
                        let id_field = kind.describe().id_field;
                        if let Some(id) = item.get(id_field).and_then(Value::as_str) {
                            places.unparsed.push((kind, id.to_owned()));
                        }
                    }
                }
            }
            if positions.len() < items.len() {
                places.positions.insert(kind, positions);
            }
            parsed
        }
        Some(other) => {
            problems.push(Problem::new(
                path,
                format!("expected an array, found {}", kind_of(other)),
            ));
            Vec::new()
        }
    }
}

/// Parses one item; `path` (where the item is) is written only if it has a problem.
fn parse_value<T: DeserializeOwned>(
    value: &Value,
    path: impl FnOnce() -> String,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(item) => Some(item),
        Err(err) => {
            let mut full = path();
            for segment in err.path().iter() {
                use serde_path_to_error::Segment;
                match segment {
                    Segment::Seq { index: i } => full = index(&full, *i),
                    Segment::Map { key } => full = child(&full, key),
                    Segment::Enum { variant } => full = child(&full, variant),
                    Segment::Unknown => {}
                }
            }
            problems.push(Problem::new(full, err.into_inner().to_string()));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{load_snapshot, Value};
    use proptest::prelude::*;

    const MINIMAL: &str = include_str!("../../tests/fixtures/minimal.json");

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
}
