//! The snapshot being edited, as the JSON the person typed: a draft may break the explorer's
//! rules while it is being written (an impossible date, an empty title), so it is kept as
//! JSON, checked with the explorer's own loader after every change, and only becomes a
//! [`Snapshot`] when it passes. Everything here reads and writes items through the field table
//! ([`super::fields`]).

use serde_json::{Map, Value};

use super::fields::{Collection, Control, Field, Target, COLLECTIONS};
use iom_lao_explorer::core::kinds::ItemKind;
use iom_lao_explorer::core::load::load_snapshot;
use iom_lao_explorer::core::model::Snapshot;
use iom_lao_explorer::core::problem::Problem;
use iom_lao_explorer::core::text::{Lang, LaoStatus, Text};

/// The draft checked by the explorer's own loader, as the explorer reads a file: every problem
/// with its path. The draft is written out and read back (a few milliseconds, once typing
/// pauses) rather than given to the loader as JSON already parsed: a second way into the
/// loader changed the explorer's Wasm, which must not grow because the editor exists.
pub fn check(root: &Value) -> Result<Snapshot, Vec<Problem>> {
    load_snapshot(&root.to_string())
}

/// The value at `key` (`launch.date`) inside `item`.
pub fn get<'a>(item: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.').try_fold(item, |value, key| value.get(key))
}

/// Sets `key` inside `item` (creating the objects on the way), or removes it for `None`.
pub fn set(item: &mut Value, key: &str, value: Option<Value>) {
    let mut keys: Vec<&str> = key.split('.').collect();
    let Some(last) = keys.pop() else {
        return;
    };
    let mut here = item;
    for key in keys {
        let Some(object) = here.as_object_mut() else {
            return;
        };
        here = object
            .entry(key)
            .or_insert_with(|| Value::Object(Map::new()));
    }
    let Some(object) = here.as_object_mut() else {
        return;
    };
    match value {
        Some(value) => {
            object.insert(last.to_owned(), value);
        }
        None => {
            object.remove(last);
        }
    }
}

/// The collection's value in the draft: the list, or the one object.
fn collection_value<'a>(root: &'a Value, collection: &Collection) -> Option<&'a Value> {
    collection
        .path
        .iter()
        .try_fold(root, |value, key| value.get(key))
}

fn collection_value_mut<'a>(root: &'a mut Value, collection: &Collection) -> Option<&'a mut Value> {
    collection
        .path
        .iter()
        .try_fold(root, |value, key| value.get_mut(key))
}

/// The list of a collection of items, created when the draft has none yet.
fn list_mut<'a>(root: &'a mut Value, collection: &Collection) -> Option<&'a mut Vec<Value>> {
    let (last, parents) = collection.path.split_last()?;
    let mut here = root;
    for key in parents {
        here = here.get_mut(key)?;
    }
    here.as_object_mut()?
        .entry(*last)
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
}

/// How many items the collection has (1 for the strategy and the snapshot's own fields).
pub fn count(root: &Value, collection: &Collection) -> usize {
    if collection.single {
        return 1;
    }
    collection_value(root, collection)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// Item `index` of the collection.
pub fn item<'a>(root: &'a Value, collection: &Collection, index: usize) -> Option<&'a Value> {
    if collection.single {
        return if collection.path.is_empty() {
            Some(root)
        } else {
            collection_value(root, collection)
        };
    }
    collection_value(root, collection)?.get(index)
}

pub fn item_mut<'a>(
    root: &'a mut Value,
    collection: &Collection,
    index: usize,
) -> Option<&'a mut Value> {
    if collection.single {
        return if collection.path.is_empty() {
            Some(root)
        } else {
            collection_value_mut(root, collection)
        };
    }
    collection_value_mut(root, collection)?.get_mut(index)
}

/// A field's text, as a [`Text`] (an unreadable value gives an empty one).
pub fn text_of(value: Option<&Value>) -> Text {
    value
        .and_then(|value| serde_json::from_value(value.clone()).ok())
        .unwrap_or_default()
}

/// The value a text is written as (a plain string when it has no Lao).
pub fn text_value(text: &Text) -> Value {
    serde_json::to_value(text).unwrap_or(Value::Null)
}

/// The item's id, where its collection has one.
pub fn id_of(item: &Value, collection: &Collection) -> Option<String> {
    let key = collection.id_field?;
    get(item, key).and_then(Value::as_str).map(str::to_owned)
}

/// How the editor names an item in lists: its title in `lang` (English where it has no Lao),
/// or its id.
pub fn title_of(item: &Value, collection: &Collection, lang: Lang) -> String {
    let title = collection
        .title_fields
        .iter()
        .map(|key| text_of(get(item, key)))
        .find(|text| !text.en.is_empty());
    match title {
        Some(text) => text.get(lang).text.to_owned(),
        None => id_of(item, collection).unwrap_or_default(),
    }
}

/// An item that a reference can name, for the pickers.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub kind: ItemKind,
    pub id: String,
    pub title: Text,
}

/// Every item with an id, in the editor's order.
pub fn known_items(root: &Value) -> Vec<Known> {
    let mut known = Vec::new();
    for collection in COLLECTIONS {
        let Some(kind) = collection.kind else {
            continue;
        };
        for i in 0..count(root, collection) {
            let Some(item) = item(root, collection, i) else {
                continue;
            };
            let Some(id) = id_of(item, collection) else {
                continue;
            };
            let title = collection
                .title_fields
                .iter()
                .map(|key| text_of(get(item, key)))
                .next()
                .unwrap_or_default();
            known.push(Known { kind, id, title });
        }
    }
    known
}

/// The items of a collection whose id or title (in either language) contains `query`,
/// ignoring case; all of them for an empty query.
pub fn search(root: &Value, collection: &Collection, query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    (0..count(root, collection))
        .filter(|&i| {
            if query.is_empty() {
                return true;
            }
            let Some(item) = item(root, collection, i) else {
                return false;
            };
            let id = id_of(item, collection).unwrap_or_default();
            let mut haystack = id.to_lowercase();
            for key in collection.title_fields {
                let text = text_of(get(item, key));
                haystack.push('\n');
                haystack.push_str(&text.en.to_lowercase());
                if let Some(lo) = &text.lo {
                    haystack.push('\n');
                    haystack.push_str(lo);
                }
            }
            haystack.contains(&query)
        })
        .collect()
}

/// A new item for the collection: its required fields empty (so that the checks say what to
/// fill in), a choice at its first option, and an id no item has.
pub fn new_item(root: &Value, collection: &Collection) -> Value {
    let mut item = Value::Object(Map::new());
    for field in collection.fields.iter().filter(|field| !field.optional) {
        let value = match field.control {
            Control::Id => Value::String(unused_id(root, &format!("new-{}", noun(collection)))),
            Control::Text | Control::Plain | Control::ReadOnly | Control::Date => {
                Value::String(String::new())
            }
            Control::Flag => Value::Bool(false),
            Control::Choice(options) => Value::String(options[0].0.to_owned()),
            Control::Whole { min, .. } => Value::from(min),
            Control::Decimal => Value::from(0.0),
            Control::Lines | Control::WholeLines { .. } => Value::Array(Vec::new()),
            Control::Refs { single: true, .. } => Value::String(String::new()),
            Control::Refs { single: false, .. } => Value::Array(Vec::new()),
        };
        set(&mut item, field.key, Some(value));
    }
    item
}

/// A singular noun for new ids (`new-event-2`).
fn noun(collection: &Collection) -> &'static str {
    match collection.kind {
        Some(ItemKind::Theme) => "theme",
        Some(ItemKind::Partner) => "partner",
        Some(ItemKind::Province) => "province",
        Some(ItemKind::Event) => "event",
        Some(ItemKind::Project) => "project",
        Some(ItemKind::Person) => "person",
        Some(ItemKind::Framework) => "framework",
        Some(ItemKind::Source) => "source",
        Some(ItemKind::Note) => "note",
        None => "item",
    }
}

/// `base`, or `base-2`, `base-3`... whichever no item has as its id.
pub fn unused_id(root: &Value, base: &str) -> String {
    let taken: std::collections::HashSet<String> = known_items(root)
        .into_iter()
        .map(|known| known.id)
        .collect();
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// Adds a new item at the end of the collection; returns its index.
pub fn add(root: &mut Value, collection: &Collection) -> Option<usize> {
    if collection.single {
        return None;
    }
    let item = new_item(root, collection);
    let list = list_mut(root, collection)?;
    list.push(item);
    Some(list.len() - 1)
}

/// Adds a copy of item `index` just after it, with an id of its own; returns the copy's index.
pub fn duplicate(root: &mut Value, collection: &Collection, index: usize) -> Option<usize> {
    if collection.single {
        return None;
    }
    let mut copy = item(root, collection, index)?.clone();
    if let (Some(key), Some(id)) = (collection.id_field, id_of(&copy, collection)) {
        if collection.kind.is_some() {
            let id = unused_id(root, &format!("{id}-copy"));
            set(&mut copy, key, Some(Value::String(id)));
        }
    }
    let list = list_mut(root, collection)?;
    list.insert(index + 1, copy);
    Some(index + 1)
}

/// A field that names an item: where it is, and whether removing the name removes its entry
/// (a story step or an alignment is nothing without the item it is about).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referrer {
    /// Index in [`COLLECTIONS`].
    pub collection: usize,
    pub item: usize,
    /// The field's key; `field.lo_sources` for the Lao sources of a text.
    pub field: String,
    pub whole_entry: bool,
}

/// Every field of the draft that names `id` (not counting the item's own id).
pub fn referrers(root: &Value, id: &str) -> Vec<Referrer> {
    let mut found = Vec::new();
    for (c, collection) in COLLECTIONS.iter().enumerate() {
        for i in 0..count(root, collection) {
            let Some(item) = item(root, collection, i) else {
                continue;
            };
            for field in collection.fields {
                let names = |value: Option<&Value>| match value {
                    Some(Value::String(named)) => named == id,
                    Some(Value::Array(list)) => list.iter().any(|named| named == id),
                    _ => false,
                };
                match field.control {
                    Control::Refs { single, .. } if names(get(item, field.key)) => {
                        found.push(Referrer {
                            collection: c,
                            item: i,
                            field: field.key.to_owned(),
                            whole_entry: single && !field.optional,
                        })
                    }
                    Control::Text => {
                        let key = format!("{}.lo_sources", field.key);
                        if names(get(item, &key)) {
                            found.push(Referrer {
                                collection: c,
                                item: i,
                                field: key,
                                whole_entry: false,
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    found
}

/// Deletes item `index`; with `and_references`, also every name of it elsewhere (entries that
/// are only about it go too).
pub fn delete(root: &mut Value, collection: &Collection, index: usize, and_references: bool) {
    if collection.single {
        return;
    }
    let id = item(root, collection, index).and_then(|item| id_of(item, collection));
    if let Some(list) = list_mut(root, collection) {
        if index < list.len() {
            list.remove(index);
        }
    }
    if let (true, Some(id), Some(_)) = (and_references, id, collection.kind) {
        remove_references(root, &id);
    }
}

/// Removes every name of `id` from the draft.
pub fn remove_references(root: &mut Value, id: &str) {
    let mut found = referrers(root, id);
    // Whole entries last, from the end, so that the indexes of the others stay right.
    found.sort_by_key(|referrer| (referrer.whole_entry, std::cmp::Reverse(referrer.item)));
    for referrer in found {
        let collection = COLLECTIONS[referrer.collection];
        if referrer.whole_entry {
            if let Some(list) = list_mut(root, collection) {
                if referrer.item < list.len() {
                    list.remove(referrer.item);
                }
            }
            continue;
        }
        let Some(item) = item_mut(root, collection, referrer.item) else {
            continue;
        };
        let key = referrer.field.as_str();
        match get(item, key).cloned() {
            Some(Value::Array(list)) => {
                let kept: Vec<Value> = list.into_iter().filter(|named| named != id).collect();
                set(item, key, Some(Value::Array(kept)));
            }
            Some(Value::String(_)) => set(item, key, None),
            _ => {}
        }
    }
}

/// Where a text's Lao stands, for the translation workbench.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaoState {
    Missing,
    Unreviewed,
    Reviewed,
    Sourced,
}

impl LaoState {
    pub const ALL: [LaoState; 4] = [
        LaoState::Missing,
        LaoState::Unreviewed,
        LaoState::Reviewed,
        LaoState::Sourced,
    ];

    pub fn of(text: &Text) -> Self {
        match text.lao_status() {
            None => LaoState::Missing,
            Some(LaoStatus::Unreviewed) => LaoState::Unreviewed,
            Some(LaoStatus::Reviewed) => LaoState::Reviewed,
            Some(LaoStatus::Sourced) => LaoState::Sourced,
        }
    }
}

/// One text of the draft, for the translation workbench.
#[derive(Clone)]
pub struct TextRow {
    pub collection: usize,
    pub item: usize,
    pub field: &'static Field,
    pub text: Text,
}

/// Every text of the draft, in the editor's order, with an English text (an empty optional
/// text is not a text to translate).
pub fn text_rows(root: &Value) -> Vec<TextRow> {
    let mut rows = Vec::new();
    for (c, collection) in COLLECTIONS.iter().enumerate() {
        for i in 0..count(root, collection) {
            let Some(item) = item(root, collection, i) else {
                continue;
            };
            for field in collection.fields {
                if field.control != Control::Text {
                    continue;
                }
                let Some(value) = get(item, field.key) else {
                    continue;
                };
                rows.push(TextRow {
                    collection: c,
                    item: i,
                    field,
                    text: text_of(Some(value)),
                });
            }
        }
    }
    rows
}

/// Marks a text's Lao as checked by a reviewer (a sourced text stays sourced: its Lao is the
/// source's).
pub fn mark_reviewed(text: &mut Text) {
    if text.lao_status() == Some(LaoStatus::Unreviewed) {
        text.lo_status = Some(LaoStatus::Reviewed);
    }
}

/// Whether a picker for `target` offers `known`.
pub fn offers(target: Target, known: &Known) -> bool {
    target.accepts(known.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fields::collection_of;

    fn shipped() -> Value {
        serde_json::from_str(include_str!("../../../public/data/strategy.json")).unwrap()
    }

    fn events() -> &'static Collection {
        COLLECTIONS[collection_of(ItemKind::Event)]
    }

    #[test]
    fn the_shipped_snapshot_loads_from_its_json() {
        assert!(check(&shipped()).is_ok());
    }

    #[test]
    fn every_field_of_every_shipped_item_has_a_control() {
        // A field the table does not know would be invisible in the editor.
        let root = shipped();
        for collection in COLLECTIONS {
            let nested: Vec<&str> = collection
                .fields
                .iter()
                .filter_map(|field| field.key.split_once('.').map(|(parent, _)| parent))
                .collect();
            for i in 0..count(&root, collection) {
                let Value::Object(fields) = item(&root, collection, i).unwrap() else {
                    panic!("not an object");
                };
                for (key, value) in fields {
                    if collection.path.is_empty()
                        && key != "schema_version"
                        && key != "snapshot_date"
                    {
                        continue;
                    }
                    if collection.path == ["strategy"] && key == "alignment" {
                        continue;
                    }
                    if nested.contains(&key.as_str()) {
                        for inner in value.as_object().unwrap().keys() {
                            let key = format!("{key}.{inner}");
                            assert!(collection.field(&key).is_some(), "{key}");
                        }
                    } else {
                        assert!(
                            collection.field(key).is_some(),
                            "{:?}.{key}",
                            collection.path
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_set_field_is_what_get_reads_and_none_removes_it() {
        let mut item = Value::Object(Map::new());
        set(&mut item, "launch.date", Some(Value::from("2022-02-24")));
        assert_eq!(get(&item, "launch.date"), Some(&Value::from("2022-02-24")));
        set(&mut item, "launch.date", None);
        assert_eq!(get(&item, "launch.date"), None);
        assert!(get(&item, "launch").is_some());
    }

    #[test]
    fn an_impossible_date_is_a_problem_at_its_field_and_the_rest_still_checks() {
        let mut root = shipped();
        let event = item_mut(&mut root, events(), 2).unwrap();
        set(event, "date", Some(Value::from("2021-02-30")));
        let problems = check(&root).unwrap_err();
        let at = "$.events[2].date";
        let problem = problems
            .iter()
            .find(|p| p.path == at)
            .expect("date problem");
        assert!(problem.message.contains("28 days"), "{}", problem.message);
        // The other items' references to it count as resolved: one problem, not a cascade.
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn a_new_item_has_an_unused_id_and_its_empty_fields_are_problems() {
        let mut root = shipped();
        let before = count(&root, events());
        let i = add(&mut root, events()).unwrap();
        assert_eq!(i, before);
        let id = id_of(item(&root, events(), i).unwrap(), events()).unwrap();
        assert_eq!(id, "new-event");
        let again = add(&mut root, events()).unwrap();
        assert_eq!(
            id_of(item(&root, events(), again).unwrap(), events()).unwrap(),
            "new-event-2"
        );
        let problems = check(&root).unwrap_err();
        assert!(problems
            .iter()
            .any(|p| p.path.starts_with(&format!("$.events[{i}]"))));
    }

    #[test]
    fn a_duplicate_comes_after_its_original_with_an_id_of_its_own() {
        let mut root = shipped();
        let original = item(&root, events(), 0).unwrap().clone();
        let copy = duplicate(&mut root, events(), 0).unwrap();
        assert_eq!(copy, 1);
        let copied = item(&root, events(), 1).unwrap();
        let id = id_of(&original, events()).unwrap();
        assert_eq!(id_of(copied, events()).unwrap(), format!("{id}-copy"));
        assert_eq!(get(copied, "title"), get(&original, "title"));
        assert!(check(&root).is_ok(), "{:?}", check(&root).err());
    }

    #[test]
    fn deleting_a_named_item_says_who_names_it_and_can_remove_the_names() {
        let mut root = shipped();
        let themes = COLLECTIONS[collection_of(ItemKind::Theme)];
        let id = id_of(item(&root, themes, 0).unwrap(), themes).unwrap();
        let named_by = referrers(&root, &id);
        assert!(!named_by.is_empty());
        assert!(named_by.iter().all(|r| {
            get(
                item(&root, COLLECTIONS[r.collection], r.item).unwrap(),
                &r.field,
            )
            .is_some()
        }));

        let mut kept = root.clone();
        delete(&mut kept, themes, 0, false);
        let problems = check(&kept).unwrap_err();
        assert!(
            problems.iter().any(|p| p.message.contains(&id)),
            "{problems:?}"
        );

        delete(&mut root, themes, 0, true);
        assert!(referrers(&root, &id).is_empty());
        assert!(check(&root).is_ok(), "{:?}", check(&root).err());
    }

    #[test]
    fn deleting_an_event_of_the_story_removes_its_step() {
        let mut root = shipped();
        let story = COLLECTIONS
            .iter()
            .position(|c| c.path == ["story"])
            .unwrap();
        let first_step = item(&root, COLLECTIONS[story], 0).unwrap();
        let told = get(first_step, "item")
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned();
        let steps = count(&root, COLLECTIONS[story]);
        let (collection, index) = [ItemKind::Event, ItemKind::Project]
            .into_iter()
            .map(|kind| COLLECTIONS[collection_of(kind)])
            .find_map(|collection| {
                (0..count(&root, collection))
                    .find(|&i| {
                        id_of(item(&root, collection, i).unwrap(), collection).as_deref()
                            == Some(told.as_str())
                    })
                    .map(|i| (collection, i))
            })
            .unwrap();
        delete(&mut root, collection, index, true);
        assert!(count(&root, COLLECTIONS[story]) < steps);
        assert!(check(&root).is_ok(), "{:?}", check(&root).err());
    }

    #[test]
    fn search_finds_by_id_and_by_lao_title() {
        let root = shipped();
        let all = search(&root, events(), "");
        assert_eq!(all.len(), count(&root, events()));
        let first = item(&root, events(), 5).unwrap();
        let id = id_of(first, events()).unwrap();
        assert!(search(&root, events(), &id.to_uppercase()).contains(&5));
        let lao = text_of(get(first, "title"))
            .lo
            .expect("shipped events have Lao titles");
        assert!(search(&root, events(), &lao).contains(&5));
        assert!(search(&root, events(), "no such words anywhere").is_empty());
    }

    #[test]
    fn the_workbench_lists_every_text_and_marking_reviewed_keeps_sourced_lao() {
        let root = shipped();
        let rows = text_rows(&root);
        let snapshot = check(&root).unwrap();
        let sheet = crate::core::translation_sheet::export(&snapshot);
        // The sheet has a row per visitor text; the workbench shows those texts, and the
        // sources' publishers too (names a translator may give in Lao, not counted as texts).
        let sheet_rows = csv::Reader::from_reader(sheet.as_bytes()).records().count();
        let visitor_texts = rows.iter().filter(|row| row.field.key != "publisher");
        assert_eq!(visitor_texts.count(), sheet_rows);

        let mut text = Text {
            en: "x".into(),
            lo: Some("ກ".into()),
            ..Text::default()
        };
        mark_reviewed(&mut text);
        assert_eq!(LaoState::of(&text), LaoState::Reviewed);
        let mut sourced = Text {
            lo_status: Some(LaoStatus::Sourced),
            ..text.clone()
        };
        mark_reviewed(&mut sourced);
        assert_eq!(LaoState::of(&sourced), LaoState::Sourced);
        let mut missing = Text::default();
        mark_reviewed(&mut missing);
        assert_eq!(LaoState::of(&missing), LaoState::Missing);
    }
}
