//! The snapshot written as the repository lays out `public/data/strategy.json`, so that a
//! review diff of a saved snapshot shows only what changed.
//!
//! The file is what Python's `json.dumps(indent=2, ensure_ascii=False)` writes, plus a final
//! newline: two-space indent, `"key": value`, `[]` for an empty list, Lao and other non-ASCII
//! text as UTF-8, `/` not escaped. serde_json's pretty printer writes the same bytes for the
//! snapshot's values (its numbers are plain decimals such as `18.143`), and the model's fields
//! are declared in the file's key order, leaving out what the file leaves out (`end`, `label`,
//! `ongoing: false`, a text without Lao as a plain string...).
//!
//! The file does not always follow that order: a few items were extended by hand, their new
//! key written last (two events of the shipped file have `date_note` after `sources`). The
//! model does not keep a file's key order, so [`to_repository_json_like`] takes it from the
//! file the editor opened; [`to_repository_json`] writes the model's order.

use super::json_tree::Json;
use iom_lao_explorer::core::model::Snapshot;

/// The snapshot in the repository's layout, keys in the model's order.
pub fn to_repository_json(snapshot: &Snapshot) -> String {
    // The model's types always serialize (their map keys are strings).
    let mut text = serde_json::to_string_pretty(snapshot).unwrap_or_default();
    text.push('\n');
    text
}

/// The snapshot in the repository's layout, every object that `original` (the file the editor
/// opened) already has keeping its keys in the original's order; new keys go where the model
/// puts them, after the key the model writes before them. Items are matched by their `id` (or
/// `code`), other list entries by position. An unreadable `original` gives the model's order.
pub fn to_repository_json_like(snapshot: &Snapshot, original: &str) -> String {
    let original = original.strip_prefix('\u{feff}').unwrap_or(original);
    let Ok(original) = serde_json::from_str::<Json>(original) else {
        return to_repository_json(snapshot);
    };
    let written = in_order_of(Json::of(snapshot), Some(&original));
    let mut text = serde_json::to_string_pretty(&written).unwrap_or_default();
    text.push('\n');
    text
}

/// `value` with each object's keys in the order of the matching object of `original`.
fn in_order_of(value: Json, original: Option<&Json>) -> Json {
    match (value, original) {
        (Json::Object(fields), Some(Json::Object(old))) => Json::Object(reorder(fields, old)),
        (Json::Array(items), Some(Json::Array(old))) => {
            let by_identity: std::collections::HashMap<&str, &Json> = old
                .iter()
                .filter_map(|item| identity(item).map(|id| (id, item)))
                .collect();
            let items = items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let matching = match identity(&item) {
                        Some(id) => by_identity.get(id).copied(),
                        None => old.get(i),
                    };
                    in_order_of(item, matching)
                })
                .collect();
            Json::Array(items)
        }
        (value, _) => value,
    }
}

/// What names an item in a list: its id, or a province's code.
fn identity(item: &Json) -> Option<&str> {
    ["id", "code"]
        .into_iter()
        .find_map(|key| item.get(key).and_then(Json::as_str))
}

/// `fields` (in the model's order) in the order of `old`'s keys, each new key placed right
/// after the key the model writes before it.
fn reorder(fields: Vec<(String, Json)>, old: &[(String, Json)]) -> Vec<(String, Json)> {
    let old_value = |key: &str| old.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    // Positions in `fields`, in the order they will be written.
    let mut order: Vec<usize> = old
        .iter()
        .filter_map(|(key, _)| fields.iter().position(|(k, _)| k == key))
        .collect();
    // New keys, in the model's order, each after its predecessor (which is placed already).
    for at in 0..fields.len() {
        if order.contains(&at) {
            continue;
        }
        let place = match at {
            0 => 0,
            _ => order.iter().position(|&i| i == at - 1).map_or(0, |p| p + 1),
        };
        order.insert(place, at);
    }
    let mut slots: Vec<Option<(String, Json)>> = fields.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|at| slots[at].take())
        .map(|(key, value)| {
            let value = in_order_of(value, old_value(&key));
            (key, value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use iom_lao_explorer::core::{load_snapshot, Text};

    const SHIPPED: &str = include_str!("../../../public/data/strategy.json");

    fn differing_lines<'a>(a: &'a str, b: &'a str) -> Vec<(&'a str, &'a str)> {
        assert_eq!(a.lines().count(), b.lines().count(), "line counts differ");
        a.lines().zip(b.lines()).filter(|(x, y)| x != y).collect()
    }

    #[test]
    fn the_shipped_snapshot_is_written_back_byte_for_byte() {
        let snapshot = load_snapshot(SHIPPED).unwrap();
        let written = to_repository_json_like(&snapshot, SHIPPED);
        assert!(
            written == SHIPPED,
            "{:?}",
            differing_lines(&written, SHIPPED).first()
        );
    }

    /// The model's order is the file's, except in the two events that write `date_note` last:
    /// the same document, every other object's keys in the same order.
    #[test]
    fn the_models_order_differs_from_the_file_only_where_it_moved_a_key() {
        let snapshot = load_snapshot(SHIPPED).unwrap();
        let written = to_repository_json(&snapshot);
        assert!(written.ends_with("}\n") && !written.ends_with("\n\n"));
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert!(value(&written) == value(SHIPPED));
        let (written, shipped): (Json, Json) = (
            serde_json::from_str(&written).unwrap(),
            serde_json::from_str(SHIPPED).unwrap(),
        );
        let mut moved = Vec::new();
        key_orders_that_differ("$", &written, &shipped, &mut moved);
        assert_eq!(
            moved,
            [
                "$.events.ev-2017-unpf",
                "$.events.ev-2021-laos-china-railway"
            ]
        );
    }

    /// The paths (items named by id) of the objects whose keys are in another order.
    fn key_orders_that_differ(path: &str, a: &Json, b: &Json, out: &mut Vec<String>) {
        match (a, b) {
            (Json::Object(a), Json::Object(b)) => {
                let keys = |fields: &[(String, Json)]| -> Vec<String> {
                    fields.iter().map(|(k, _)| k.clone()).collect()
                };
                if keys(a) != keys(b) {
                    out.push(path.to_owned());
                }
                for (key, value) in a {
                    if let Some((_, other)) = b.iter().find(|(k, _)| k == key) {
                        key_orders_that_differ(&format!("{path}.{key}"), value, other, out);
                    }
                }
            }
            (Json::Array(a), Json::Array(b)) => {
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    let name = identity(x).map_or_else(|| i.to_string(), str::to_owned);
                    key_orders_that_differ(&format!("{path}.{name}"), x, y, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn a_new_english_title_changes_exactly_one_line() {
        let mut snapshot = load_snapshot(SHIPPED).unwrap();
        let title = &mut snapshot.events[7].title;
        let old = title.en.clone();
        title.en = format!("{old} (corrected)");
        let written = to_repository_json_like(&snapshot, SHIPPED);
        let changed = differing_lines(&written, SHIPPED);
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert!(changed[0].0.contains("(corrected)") && changed[0].1.contains(&old));
    }

    #[test]
    fn new_keys_and_new_items_are_written_where_the_model_puts_them() {
        let mut snapshot = load_snapshot(SHIPPED).unwrap();
        let moved = snapshot
            .events
            .iter()
            .position(|e| e.id == "ev-2017-unpf")
            .unwrap();
        // An item whose keys the file has moved keeps that order, and its new key goes after
        // the key the model writes before it.
        snapshot.events[moved].end = Some(iom_lao_explorer::core::PartialDate::year(2021));
        let mut added = snapshot.events[0].clone();
        added.id = "ev-added".to_owned();
        added.date_note = Some(Text::en("Added by the editor"));
        snapshot.events.push(added);
        let written = to_repository_json_like(&snapshot, SHIPPED);
        let json: Json = serde_json::from_str(&written).unwrap();
        let Some(Json::Array(events)) = json.get("events") else {
            panic!("no events")
        };
        let keys = |id: &str| -> Vec<String> {
            let event = events.iter().find(|e| identity(e) == Some(id)).unwrap();
            let Json::Object(fields) = event else {
                panic!()
            };
            fields.iter().map(|(k, _)| k.clone()).collect()
        };
        let unpf = keys("ev-2017-unpf");
        assert_eq!(&unpf[..4], ["id", "kind", "date", "end"]);
        assert_eq!(unpf.last().map(String::as_str), Some("date_note"));
        let new = keys("ev-added");
        let at = |key: &str| new.iter().position(|k| k == key).unwrap();
        assert_eq!(at("date_note"), at("inferred") + 1);
        assert_eq!(load_snapshot(&written).unwrap(), snapshot);
    }

    #[test]
    fn an_unreadable_original_gives_the_models_order() {
        let snapshot = load_snapshot(SHIPPED).unwrap();
        assert_eq!(
            to_repository_json_like(&snapshot, "not JSON"),
            to_repository_json(&snapshot)
        );
    }
}
