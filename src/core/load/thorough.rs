//! The thorough reading of a snapshot: parsed into a JSON tree first, then item by item, so that
//! one malformed event does not hide the problems of the others and every problem names its
//! place in the file. The explorer runs it only for a snapshot that the one-pass reading
//! ([`super::clean`]) refused, to say everything that is wrong with it.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::super::kinds::ItemKind;
use super::super::model::{Snapshot, StoryStep, Strategy};
use super::super::problem::{child, index, Problem};
use super::super::validate::{validate_in_file, Places};
use super::{MAX_STRING_CHARS, VERSION_PATH};

/// Reads the file item by item, so that every problem is found and named by its place in the
/// file (an item that cannot be read is left out, and the others are still checked).
pub fn load(text: &str) -> Result<Snapshot, Vec<Problem>> {
    super::check_size(text.len())?;
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
    match root.get("schema_version") {
        None => Err(Problem::new(VERSION_PATH, "missing; expected \"1.0\"")),
        Some(Value::String(version)) => super::check_version(version),
        Some(other) => Err(Problem::new(
            VERSION_PATH,
            format!("expected a string like \"1.0\", found {}", kind_of(other)),
        )),
    }
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
