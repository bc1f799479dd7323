//! From bytes to a checked [`Snapshot`]: size and syntax first, then the shape of every item,
//! then the rules in [`super::validate`]. Every problem is collected; none panics.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::model::{Snapshot, Strategy, SCHEMA_MAJOR};
use super::problem::{child, index, Problem};
use super::validate::validate;

/// Larger snapshots are refused before parsing, so a wrong URL cannot freeze the tab.
pub const MAX_SNAPSHOT_BYTES: usize = 25 * 1024 * 1024;
/// No single string in a snapshot may be longer than this (in characters).
pub const MAX_STRING_CHARS: usize = 20_000;

const COLLECTIONS: [&str; 9] = [
    "frameworks",
    "themes",
    "partners",
    "provinces",
    "events",
    "projects",
    "people",
    "sources",
    "notes",
];

/// Parses and checks a snapshot. On failure, returns every problem found, each with its path.
pub fn load_snapshot(text: &str) -> Result<Snapshot, Vec<Problem>> {
    if text.len() > MAX_SNAPSHOT_BYTES {
        return Err(vec![Problem::new(
            "$",
            format!(
                "the snapshot is {:.1} MB; the limit is {} MB",
                text.len() as f64 / 1_048_576.0,
                MAX_SNAPSHOT_BYTES / 1_048_576
            ),
        )]);
    }
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
    let shape_problems = problems.len();
    let snapshot = parse_shape(root, &mut problems);
    if let Some(snapshot) = &snapshot {
        // Items that failed to parse still own their ids, so references to them are not
        // reported as dangling on top of their own problem.
        let unparsed = if problems.len() > shape_problems {
            ids_in(root)
        } else {
            Vec::new()
        };
        problems.extend(validate(snapshot, &unparsed));
    }
    match snapshot {
        Some(snapshot) if problems.is_empty() => Ok(snapshot),
        _ => Err(problems),
    }
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

/// Every `(collection, id)` in the raw document, parsed or not.
fn ids_in(root: &Map<String, Value>) -> Vec<(&str, &str)> {
    COLLECTIONS
        .iter()
        .filter_map(|&key| Some((key, root.get(key)?.as_array()?)))
        .flat_map(|(key, items)| {
            let field = if key == "provinces" { "code" } else { "id" };
            items
                .iter()
                .filter_map(move |item| Some((key, item.get(field)?.as_str()?)))
        })
        .collect()
}

/// Reads each item on its own, so that one malformed event does not hide the problems of others.
fn parse_shape(root: &Map<String, Value>, problems: &mut Vec<Problem>) -> Option<Snapshot> {
    for key in root.keys() {
        let known = key == "schema_version" || key == "snapshot_date" || key == "strategy";
        if !known && !COLLECTIONS.contains(&key.as_str()) {
            problems.push(Problem::new(
                child("$", key),
                format!(
                    "unknown field; expected one of schema_version, snapshot_date, strategy, {}",
                    COLLECTIONS.join(", ")
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
    let frameworks = collection(root, "frameworks", problems);
    let themes = collection(root, "themes", problems);
    let partners = collection(root, "partners", problems);
    let provinces = collection(root, "provinces", problems);
    let events = collection(root, "events", problems);
    let projects = collection(root, "projects", problems);
    let people = collection(root, "people", problems);
    let sources = collection(root, "sources", problems);
    let notes = collection(root, "notes", problems);
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
        Some(value) => parse_value(value, &path, problems),
    }
}

fn collection<T: DeserializeOwned>(
    root: &Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let path = child("$", key);
    match root.get(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| parse_value(item, &index(&path, i), problems))
            .collect(),
        Some(other) => {
            problems.push(Problem::new(
                path,
                format!("expected an array, found {}", kind_of(other)),
            ));
            Vec::new()
        }
    }
}

fn parse_value<T: DeserializeOwned>(
    value: &Value,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(item) => Some(item),
        Err(err) => {
            let mut full = path.to_owned();
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
