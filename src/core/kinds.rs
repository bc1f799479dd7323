//! The kinds of item a snapshot holds, each described once: its collection, its id field, its
//! label, how to read its id, title and sources, and which of its fields reference other items.
//! The index (links), the validator (references), the loader (ids of unparsed items) and the
//! views (labels, titles) all read this table, so a new reference field is added here only.

use super::i18n::Msg;
use super::model::Snapshot;
use super::text::Text;

/// The kinds of item a visitor can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Theme,
    Partner,
    Province,
    Event,
    Project,
    Person,
    Framework,
    Source,
    Note,
}

/// One item of a snapshot: its kind and its position in that kind's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub index: usize,
}

impl ItemRef {
    pub fn new(kind: ItemKind, index: usize) -> Self {
        ItemRef { kind, index }
    }
}

/// What there is to know about a kind of item.
pub struct Kind {
    /// The snapshot's key for the list of items of this kind.
    pub collection: &'static str,
    /// The field that holds an item's id ("code" for provinces).
    pub id_field: &'static str,
    /// How the interface names the kind ("Event").
    pub label: Msg,
    pub len: fn(&Snapshot) -> usize,
    pub id: fn(&Snapshot, usize) -> &str,
    pub title: fn(&Snapshot, usize) -> Text,
    /// The ids of the sources the item cites (a source cites itself).
    pub sources: fn(&Snapshot, usize) -> &[String],
    /// The texts a visitor reads, with their field names: what is translated and counted in
    /// the translation coverage. (A source's publisher is a name, shown as the publisher
    /// writes it, so it is not counted.)
    pub texts: for<'a> fn(&'a Snapshot, usize) -> Vec<(&'static str, &'a Text)>,
    /// The fields that name other items, in the order they are checked and linked.
    pub references: &'static [Reference],
}

/// A field of an item that names other items by id.
pub struct Reference {
    pub field: &'static str,
    /// The kind the ids must name; `None` for any kind (a note's `about`).
    pub target: Option<ItemKind>,
    /// A single id (a person's `organization`) rather than a list: its path has no index.
    pub single: bool,
    pub ids: fn(&Snapshot, usize) -> &[String],
}

const fn list(
    field: &'static str,
    target: ItemKind,
    ids: fn(&Snapshot, usize) -> &[String],
) -> Reference {
    Reference {
        field,
        target: Some(target),
        single: false,
        ids,
    }
}

static FRAMEWORK: Kind = Kind {
    collection: "frameworks",
    id_field: "id",
    label: Msg::ItemFramework,
    len: |s| s.frameworks.len(),
    id: |s, i| &s.frameworks[i].id,
    title: |s, i| s.frameworks[i].name.clone(),
    sources: |s, i| &s.frameworks[i].sources,
    texts: |s, i| {
        vec![
            ("name", &s.frameworks[i].name),
            ("summary", &s.frameworks[i].summary),
        ]
    },
    references: &[],
};

static THEME: Kind = Kind {
    collection: "themes",
    id_field: "id",
    label: Msg::ItemTheme,
    len: |s| s.themes.len(),
    id: |s, i| &s.themes[i].id,
    title: |s, i| s.themes[i].name.clone(),
    sources: |s, i| &s.themes[i].sources,
    texts: |s, i| {
        vec![
            ("name", &s.themes[i].name),
            ("summary", &s.themes[i].summary),
        ]
    },
    references: &[list("frameworks", ItemKind::Framework, |s, i| {
        &s.themes[i].frameworks
    })],
};

static PARTNER: Kind = Kind {
    collection: "partners",
    id_field: "id",
    label: Msg::ItemPartner,
    len: |s| s.partners.len(),
    id: |s, i| &s.partners[i].id,
    title: |s, i| s.partners[i].name.clone(),
    sources: |s, i| &s.partners[i].sources,
    texts: |s, i| {
        vec![
            ("name", &s.partners[i].name),
            ("summary", &s.partners[i].summary),
        ]
    },
    references: &[
        list("themes", ItemKind::Theme, |s, i| &s.partners[i].themes),
        list("provinces", ItemKind::Province, |s, i| {
            &s.partners[i].provinces
        }),
    ],
};

static PROVINCE: Kind = Kind {
    collection: "provinces",
    id_field: "code",
    label: Msg::ItemProvince,
    len: |s| s.provinces.len(),
    id: |s, i| &s.provinces[i].code,
    title: |s, i| s.provinces[i].name.clone(),
    sources: |s, i| &s.provinces[i].sources,
    texts: |s, i| vec![("name", &s.provinces[i].name)],
    references: &[],
};

static EVENT: Kind = Kind {
    collection: "events",
    id_field: "id",
    label: Msg::ItemEvent,
    len: |s| s.events.len(),
    id: |s, i| &s.events[i].id,
    title: |s, i| s.events[i].title.clone(),
    sources: |s, i| &s.events[i].sources,
    texts: |s, i| {
        let e = &s.events[i];
        let mut texts = vec![("title", &e.title)];
        texts.extend(e.label.as_ref().map(|label| ("label", label)));
        texts.push(("summary", &e.summary));
        with_note(texts, e.date_note.as_ref())
    },
    references: &[
        list("themes", ItemKind::Theme, |s, i| &s.events[i].themes),
        list("partners", ItemKind::Partner, |s, i| &s.events[i].partners),
        list("provinces", ItemKind::Province, |s, i| {
            &s.events[i].provinces
        }),
        list("people", ItemKind::Person, |s, i| &s.events[i].people),
        list("frameworks", ItemKind::Framework, |s, i| {
            &s.events[i].frameworks
        }),
    ],
};

static PROJECT: Kind = Kind {
    collection: "projects",
    id_field: "id",
    label: Msg::ItemProject,
    len: |s| s.projects.len(),
    id: |s, i| &s.projects[i].id,
    title: |s, i| s.projects[i].title.clone(),
    sources: |s, i| &s.projects[i].sources,
    texts: |s, i| {
        let p = &s.projects[i];
        with_note(
            vec![("title", &p.title), ("summary", &p.summary)],
            p.date_note.as_ref(),
        )
    },
    references: &[
        list("donors", ItemKind::Partner, |s, i| &s.projects[i].donors),
        list("partners", ItemKind::Partner, |s, i| {
            &s.projects[i].partners
        }),
        list("themes", ItemKind::Theme, |s, i| &s.projects[i].themes),
        list("provinces", ItemKind::Province, |s, i| {
            &s.projects[i].provinces
        }),
    ],
};

static PERSON: Kind = Kind {
    collection: "people",
    id_field: "id",
    label: Msg::ItemPerson,
    len: |s| s.people.len(),
    id: |s, i| &s.people[i].id,
    title: |s, i| s.people[i].name.clone(),
    sources: |s, i| &s.people[i].sources,
    texts: |s, i| vec![("name", &s.people[i].name), ("role", &s.people[i].role)],
    references: &[Reference {
        field: "organization",
        target: Some(ItemKind::Partner),
        single: true,
        ids: |s, i| s.people[i].organization.as_slice(),
    }],
};

static SOURCE: Kind = Kind {
    collection: "sources",
    id_field: "id",
    label: Msg::ItemSource,
    len: |s| s.sources.len(),
    id: |s, i| &s.sources[i].id,
    title: |s, i| s.sources[i].title.clone(),
    sources: |s, i| std::slice::from_ref(&s.sources[i].id),
    texts: |s, i| {
        let source = &s.sources[i];
        let mut texts = vec![("title", &source.title)];
        texts.extend(source.note.as_ref().map(|note| ("note", note)));
        texts
    },
    references: &[],
};

static NOTE: Kind = Kind {
    collection: "notes",
    id_field: "id",
    label: Msg::ItemNote,
    len: |s| s.notes.len(),
    id: |s, i| &s.notes[i].id,
    title: |s, i| s.notes[i].title.clone(),
    sources: |s, i| &s.notes[i].sources,
    texts: |s, i| vec![("title", &s.notes[i].title), ("body", &s.notes[i].body)],
    references: &[Reference {
        field: "about",
        target: None,
        single: false,
        ids: |s, i| &s.notes[i].about,
    }],
};

/// An item's texts with its date note, when it has one.
fn with_note<'a>(
    mut texts: Vec<(&'static str, &'a Text)>,
    note: Option<&'a Text>,
) -> Vec<(&'static str, &'a Text)> {
    texts.extend(note.map(|note| ("date_note", note)));
    texts
}

impl ItemKind {
    /// Every kind, in the order the snapshot lists them (and ids are first defined).
    pub const ALL: [ItemKind; 9] = [
        ItemKind::Framework,
        ItemKind::Theme,
        ItemKind::Partner,
        ItemKind::Province,
        ItemKind::Event,
        ItemKind::Project,
        ItemKind::Person,
        ItemKind::Source,
        ItemKind::Note,
    ];

    /// This kind's description.
    pub fn describe(self) -> &'static Kind {
        match self {
            ItemKind::Framework => &FRAMEWORK,
            ItemKind::Theme => &THEME,
            ItemKind::Partner => &PARTNER,
            ItemKind::Province => &PROVINCE,
            ItemKind::Event => &EVENT,
            ItemKind::Project => &PROJECT,
            ItemKind::Person => &PERSON,
            ItemKind::Source => &SOURCE,
            ItemKind::Note => &NOTE,
        }
    }

    /// The snapshot's key for items of this kind.
    pub fn collection(self) -> &'static str {
        self.describe().collection
    }

    /// The kind whose collection is `key`, if any.
    pub fn of_collection(key: &str) -> Option<ItemKind> {
        ItemKind::ALL
            .into_iter()
            .find(|kind| kind.collection() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The table agrees with the snapshot's own shape: every collection key exists in the JSON,
    /// every item's id field holds the id the table reads, and every reference field the table
    /// names is a field of that collection's items.
    #[test]
    fn the_table_matches_the_snapshot_shape() {
        let text = include_str!("../../public/data/strategy.json");
        let json: Value = serde_json::from_str(text).unwrap();
        let s = crate::core::shipped_snapshot();
        for kind in ItemKind::ALL {
            let info = kind.describe();
            let items = json[info.collection].as_array().unwrap();
            assert_eq!(items.len(), (info.len)(&s), "{}", info.collection);
            for (i, item) in items.iter().enumerate() {
                assert_eq!(item[info.id_field].as_str(), Some((info.id)(&s, i)));
                for (field, text) in (info.texts)(&s, i) {
                    let in_json = &item[field];
                    let en = in_json.as_str().or(in_json["en"].as_str());
                    assert_eq!(
                        en,
                        Some(text.en.as_str()),
                        "{}[{i}].{field}",
                        info.collection
                    );
                }
                for reference in info.references {
                    let ids = (reference.ids)(&s, i);
                    let field = &item[reference.field];
                    let in_json: Vec<&str> = match field {
                        Value::Null => Vec::new(),
                        Value::String(id) => vec![id.as_str()],
                        Value::Array(ids) => ids.iter().filter_map(Value::as_str).collect(),
                        other => panic!("{}.{}: {other}", info.collection, reference.field),
                    };
                    assert_eq!(
                        ids.iter().map(String::as_str).collect::<Vec<_>>(),
                        in_json,
                        "{}[{i}].{}",
                        info.collection,
                        reference.field
                    );
                    if !field.is_null() {
                        assert_eq!(reference.single, field.is_string(), "{}", reference.field);
                    }
                }
            }
        }
    }

    #[test]
    fn every_collection_names_one_kind() {
        for kind in ItemKind::ALL {
            assert_eq!(ItemKind::of_collection(kind.collection()), Some(kind));
        }
        assert_eq!(ItemKind::of_collection("strategy"), None);
    }
}
