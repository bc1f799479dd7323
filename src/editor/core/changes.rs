//! What changed since the editor opened the file: for the snapshot's own fields, the strategy,
//! each item (by kind and id) and each story step, whether it was added, removed, changed
//! (and in which fields) or moved, in the snapshot's order. The changes are data, so that a view
//! can say them in its language; [`describe`] says one in plain English.

use std::collections::HashMap;

use super::json_tree::Json;
use iom_lao_explorer::core::i18n::t;
use iom_lao_explorer::core::kinds::ItemKind;
use iom_lao_explorer::core::model::Snapshot;
use iom_lao_explorer::core::text::Lang;

/// What a change is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The snapshot's own fields (`schema_version`, `snapshot_date`).
    Snapshot,
    Strategy,
    Item {
        kind: ItemKind,
        id: String,
    },
    /// A step of the story, named by the event or project it is about.
    StoryStep {
        item: String,
    },
}

/// What happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    Added,
    Removed,
    Changed {
        /// Where inside it, in the order the file writes them: `title.lo`, `date`, `themes`,
        /// `launch.venue.en`. A list that changed is named as a whole.
        fields: Vec<String>,
        /// Its place in its list changed (relative to the items that are in both snapshots).
        moved: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub subject: Subject,
    pub what: What,
}

/// Every change from `before` to `after` (none when they are equal). An item is followed by
/// its id, so an item whose id changed is removed and added.
pub fn changes(before: &Snapshot, after: &Snapshot) -> Vec<Change> {
    let (before, after) = (Json::of(before), Json::of(after));
    let mut out = Vec::new();
    let own = |json: &Json| -> Json {
        let Json::Object(fields) = json else {
            return Json::Null;
        };
        let is_own = |key: &str| {
            !matches!(key, "strategy" | "story") && ItemKind::of_collection(key).is_none()
        };
        Json::Object(
            fields
                .iter()
                .filter(|(key, _)| is_own(key))
                .cloned()
                .collect(),
        )
    };
    let null = Json::Null;
    let field = |json: &Json, key: &str| -> Json { json.get(key).unwrap_or(&null).clone() };
    for (subject, before, after) in [
        (Subject::Snapshot, own(&before), own(&after)),
        (
            Subject::Strategy,
            field(&before, "strategy"),
            field(&after, "strategy"),
        ),
    ] {
        let fields = changed_fields(&before, &after);
        if !fields.is_empty() {
            let what = What::Changed {
                fields,
                moved: false,
            };
            out.push(Change { subject, what });
        }
    }
    for kind in ItemKind::ALL {
        let info = kind.describe();
        list_changes(
            items(&before, info.collection),
            items(&after, info.collection),
            info.id_field,
            |id| Subject::Item { kind, id },
            &mut out,
        );
    }
    list_changes(
        items(&before, "story"),
        items(&after, "story"),
        "item",
        |item| Subject::StoryStep { item },
        &mut out,
    );
    out
}

fn items<'a>(json: &'a Json, key: &str) -> &'a [Json] {
    match json.get(key) {
        Some(Json::Array(items)) => items,
        _ => &[],
    }
}

/// The changes of one list: its items that were added, changed or moved, in `after`'s order,
/// then those removed, in `before`'s.
fn list_changes(
    before: &[Json],
    after: &[Json],
    id_field: &str,
    subject: impl Fn(String) -> Subject,
    out: &mut Vec<Change>,
) {
    let before_keys = keys(before, id_field);
    let after_keys = keys(after, id_field);
    let before_at: HashMap<&(String, usize), usize> = before_keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k, i))
        .collect();
    let after_at: HashMap<&(String, usize), usize> =
        after_keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
    // Where the items in both lists were, in `after`'s order: those off its longest increasing
    // run are the ones that moved.
    let kept: Vec<(usize, usize)> = after_keys
        .iter()
        .enumerate()
        .filter_map(|(j, key)| before_at.get(key).map(|&i| (j, i)))
        .collect();
    let in_place = longest_increasing_run(&kept.iter().map(|&(_, i)| i).collect::<Vec<_>>());
    let mut moved = vec![true; after.len()];
    for k in in_place {
        moved[kept[k].0] = false;
    }
    for (j, key) in after_keys.iter().enumerate() {
        let what = match before_at.get(key) {
            None => What::Added,
            Some(&i) => {
                let fields = changed_fields(&before[i], &after[j]);
                if fields.is_empty() && !moved[j] {
                    continue;
                }
                What::Changed {
                    fields,
                    moved: moved[j],
                }
            }
        };
        out.push(Change {
            subject: subject(key.0.clone()),
            what,
        });
    }
    for key in before_keys.iter().filter(|key| !after_at.contains_key(key)) {
        out.push(Change {
            subject: subject(key.0.clone()),
            what: What::Removed,
        });
    }
}

/// Each item's id with how many items before it have the same one, so that a repeated id (a
/// snapshot being edited need not be valid) still names one item.
fn keys(items: &[Json], id_field: &str) -> Vec<(String, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    items
        .iter()
        .map(|item| {
            let id = item
                .get(id_field)
                .and_then(Json::as_str)
                .unwrap_or_default();
            let count = seen.entry(id).or_default();
            *count += 1;
            (id.to_owned(), *count - 1)
        })
        .collect()
}

/// The positions in `values` of a longest strictly increasing subsequence (n log n, so a list
/// of thousands of items is quick).
fn longest_increasing_run(values: &[usize]) -> Vec<usize> {
    // `tails[l]`: the position of the smallest value that ends a run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (k, &value) in values.iter().enumerate() {
        let length = tails.partition_point(|&t| values[t] < value);
        previous[k] = length.checked_sub(1).map(|l| tails[l]);
        if length == tails.len() {
            tails.push(k);
        } else {
            tails[length] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        run.push(k);
        at = previous[k];
    }
    run.reverse();
    run
}

/// The paths of the fields that differ, in `after`'s order, then those only `before` has.
fn changed_fields(before: &Json, after: &Json) -> Vec<String> {
    let mut fields = Vec::new();
    diff("", before, after, &mut fields);
    fields
}

fn diff(path: &str, before: &Json, after: &Json, out: &mut Vec<String>) {
    // A text without Lao is written as a plain string: it is its English.
    let as_text = |text: &String| vec![("en".to_owned(), Json::String(text.clone()))];
    match (before, after) {
        (Json::Object(b), Json::Object(a)) => diff_fields(path, b, a, out),
        (Json::String(b), Json::Object(a)) if after.get("en").is_some() => {
            diff_fields(path, &as_text(b), a, out)
        }
        (Json::Object(b), Json::String(a)) if before.get("en").is_some() => {
            diff_fields(path, b, &as_text(a), out)
        }
        _ if before != after => out.push(path.to_owned()),
        _ => {}
    }
}

fn diff_fields(
    path: &str,
    before: &[(String, Json)],
    after: &[(String, Json)],
    out: &mut Vec<String>,
) {
    let position = |fields: &[(String, Json)], key: &str| fields.iter().position(|(k, _)| k == key);
    let join = |key: &str| match path {
        "" => key.to_owned(),
        _ => format!("{path}.{key}"),
    };
    for (key, a) in after {
        match position(before, key) {
            Some(i) => diff(&join(key), &before[i].1, a, out),
            None => out.push(join(key)),
        }
    }
    for (key, _) in before {
        if position(after, key).is_none() {
            out.push(join(key));
        }
    }
}

/// One change in plain words, e.g. "Event ev-2012-tb-handover: title.en, title.lo changed".
/// Field names stay as the file writes them (`title.lo`), in both languages: they are what a
/// reviewer finds in the diff. (The Lao is our translation, not yet reviewed.)
pub fn describe(change: &Change, lang: Lang) -> String {
    let subject = match (&change.subject, lang) {
        (Subject::Snapshot, Lang::En) => "The snapshot".to_owned(),
        (Subject::Snapshot, Lang::Lo) => "ຂໍ້ມູນລວມ".to_owned(),
        (Subject::Strategy, Lang::En) => "The strategy".to_owned(),
        (Subject::Strategy, Lang::Lo) => "ຍຸດທະສາດ".to_owned(),
        (Subject::Item { kind, id }, _) => format!("{} {id}", t(lang, kind.describe().label)),
        (Subject::StoryStep { item }, Lang::En) => format!("The story's step about {item}"),
        (Subject::StoryStep { item }, Lang::Lo) => format!("ຂັ້ນຕອນຂອງເລື່ອງ ກ່ຽວກັບ {item}"),
    };
    let en = lang == Lang::En;
    match &change.what {
        What::Added if en => format!("{subject} was added"),
        What::Added => format!("{subject}: ເພີ່ມໃໝ່"),
        What::Removed if en => format!("{subject} was removed"),
        What::Removed => format!("{subject}: ຖືກລຶບ"),
        What::Changed { fields, moved } => {
            let fields = fields.join(", ");
            match (fields.is_empty(), moved, en) {
                (true, _, true) => format!("{subject} was moved"),
                (true, _, false) => format!("{subject}: ຍ້າຍບ່ອນ"),
                (false, false, true) => format!("{subject}: {fields} changed"),
                (false, false, false) => format!("{subject}: ປ່ຽນ {fields}"),
                (false, true, true) => format!("{subject}: {fields} changed, and it was moved"),
                (false, true, false) => format!("{subject}: ປ່ຽນ {fields} ແລະ ຍ້າຍບ່ອນ"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::shipped_snapshot as shipped;
    use iom_lao_explorer::core::text::{LaoStatus, Text};
    use iom_lao_explorer::core::PartialDate;

    fn changed(subject: Subject, fields: &[&str]) -> Change {
        Change {
            subject,
            what: What::Changed {
                fields: fields.iter().map(|f| f.to_string()).collect(),
                moved: false,
            },
        }
    }

    fn event(id: &str) -> Subject {
        Subject::Item {
            kind: ItemKind::Event,
            id: id.to_owned(),
        }
    }

    #[test]
    fn no_change_is_an_empty_list() {
        assert_eq!(changes(&shipped(), &shipped()), []);
    }

    #[test]
    fn an_events_english_and_lao_title_are_one_change_naming_both() {
        let before = shipped();
        let mut after = before.clone();
        let title = &mut after.events[4].title;
        title.en.push_str(" (corrected)");
        title.lo = Some("ຫົວຂໍ້ໃໝ່".to_owned());
        let list = changes(&before, &after);
        let id = &before.events[4].id;
        assert_eq!(list, [changed(event(id), &["title.en", "title.lo"])]);
        assert_eq!(
            describe(&list[0], Lang::En),
            format!("Event {id}: title.en, title.lo changed")
        );
    }

    #[test]
    fn added_and_removed_items_are_listed_in_the_snapshots_order() {
        let before = shipped();
        let mut after = before.clone();
        let mut added = after.events[0].clone();
        added.id = "ev-added".to_owned();
        after.events.insert(1, added);
        let removed_partner = after.partners.remove(3);
        let removed_source = after.sources.pop().unwrap();
        let list = changes(&before, &after);
        let partner = Subject::Item {
            kind: ItemKind::Partner,
            id: removed_partner.id.clone(),
        };
        let source = Subject::Item {
            kind: ItemKind::Source,
            id: removed_source.id.clone(),
        };
        let change = |subject, what| Change { subject, what };
        assert_eq!(
            list,
            [
                change(partner, What::Removed),
                change(event("ev-added"), What::Added),
                change(source, What::Removed),
            ]
        );
        assert_eq!(
            describe(&list[0], Lang::En),
            format!("Partner {} was removed", removed_partner.id)
        );
        assert_eq!(describe(&list[1], Lang::En), "Event ev-added was added");
    }

    #[test]
    fn fields_that_appear_or_disappear_are_named_whole_and_lao_given_to_a_plain_text_by_its_parts()
    {
        let mut before = shipped();
        let name = before.frameworks[0].name.en.clone();
        before.frameworks[0].name = Text::en(name.clone());
        let mut after = before.clone();
        let plain = before
            .events
            .iter()
            .position(|e| e.date_note.is_none() && e.end.is_none() && !e.themes.is_empty())
            .unwrap();
        let noted = before
            .events
            .iter()
            .position(|e| e.date_note.is_some())
            .unwrap();
        after.events[plain].date_note = Some(Text::en("Added note"));
        after.events[plain].end = Some(PartialDate::year(2026));
        after.events[plain].themes.clear();
        after.events[noted].date_note = None;
        after.frameworks[0].name = Text::with_lo(name, "ກອບ", LaoStatus::Unreviewed);
        let list = changes(&before, &after);
        let framework = Subject::Item {
            kind: ItemKind::Framework,
            id: before.frameworks[0].id.clone(),
        };
        let mut expected = vec![
            changed(framework, &["name.lo", "name.lo_status"]),
            changed(
                event(&before.events[plain].id),
                &["end", "date_note", "themes"],
            ),
            changed(event(&before.events[noted].id), &["date_note"]),
        ];
        if noted < plain {
            expected.swap(1, 2);
        }
        assert_eq!(list, expected);
    }

    #[test]
    fn the_strategy_and_the_snapshots_own_fields_are_their_own_subjects() {
        let before = shipped();
        let mut after = before.clone();
        after.snapshot_date = PartialDate::parse("2027-01-15").unwrap();
        after.strategy.launch.venue.lo = Some("ວຽງຈັນ".to_owned());
        let list = changes(&before, &after);
        assert_eq!(
            list,
            [
                changed(Subject::Snapshot, &["snapshot_date"]),
                changed(Subject::Strategy, &["launch.venue.lo"]),
            ]
        );
        assert_eq!(
            describe(&list[1], Lang::En),
            "The strategy: launch.venue.lo changed"
        );
        assert_eq!(describe(&list[1], Lang::Lo), "ຍຸດທະສາດ: ປ່ຽນ launch.venue.lo");
    }

    #[test]
    fn two_story_steps_swapped_are_one_moved_step() {
        let before = shipped();
        let mut after = before.clone();
        after.story.swap(2, 3);
        let list = changes(&before, &after);
        assert_eq!(list.len(), 1, "{list:?}");
        assert!(matches!(
            &list[0],
            Change {
                subject: Subject::StoryStep { .. },
                what: What::Changed { fields, moved: true },
            } if fields.is_empty()
        ));
        assert!(describe(&list[0], Lang::En).ends_with("was moved"));
    }

    #[test]
    fn the_longest_increasing_run_is_found() {
        assert_eq!(longest_increasing_run(&[]), Vec::<usize>::new());
        assert_eq!(longest_increasing_run(&[0, 1, 2]), [0, 1, 2]);
        assert_eq!(longest_increasing_run(&[1, 0, 2, 3]).len(), 3);
        assert_eq!(longest_increasing_run(&[3, 0, 1, 2]), [1, 2, 3]);
    }
}
