//! What the editor shows of each part of a snapshot: its collections (the lists of items, and
//! the strategy and the snapshot's own fields as lists of one), and each item's fields with
//! their labels in both languages and the control that edits them. The model (`core/model.rs`)
//! says what a field holds; this table says how a person edits it, and the editor's views only
//! draw what it says.

use iom_lao_explorer::core::i18n::Msg;
use iom_lao_explorer::core::kinds::ItemKind;
use iom_lao_explorer::core::text::Lang;

/// A part of the snapshot the editor lists.
pub struct Collection {
    /// The collection's place in the snapshot, as keys from the root (`["strategy",
    /// "alignment"]`).
    pub path: &'static [&'static str],
    /// One object (the strategy) rather than a list of items.
    pub single: bool,
    /// The kind its items are, where they are items others can name.
    pub kind: Option<ItemKind>,
    /// The field that names an item in the list (besides its title).
    pub id_field: Option<&'static str>,
    /// The fields that give an item its title in lists, first one present wins.
    pub title_fields: &'static [&'static str],
    pub label: Label,
    pub fields: &'static [Field],
}

/// A label in the editor's two interface languages.
#[derive(Clone, Copy)]
pub struct Label {
    pub en: &'static str,
    pub lo: &'static str,
}

impl Label {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Lo => self.lo,
        }
    }
}

const fn label(en: &'static str, lo: &'static str) -> Label {
    Label { en, lo }
}

/// One field of an item.
pub struct Field {
    /// Keys from the item, joined with `.` (`launch.date`).
    pub key: &'static str,
    pub label: Label,
    pub control: Control,
    /// Left out of the file when empty.
    pub optional: bool,
}

/// Which items a reference may name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    Kind(ItemKind),
    /// An event or a project (a story step).
    Dated,
    /// Any item (a note's `about`).
    Any,
}

impl Target {
    pub fn accepts(self, kind: ItemKind) -> bool {
        match self {
            Target::Kind(target) => target == kind,
            Target::Dated => matches!(kind, ItemKind::Event | ItemKind::Project),
            Target::Any => true,
        }
    }
}

/// How a field is edited.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Control {
    /// The item's id: plain text, shown first.
    Id,
    /// A text in English and Lao, with the Lao's status and sources.
    Text,
    /// One line of plain text (a URL, an abbreviation).
    Plain,
    /// Shown, not edited (the schema version).
    ReadOnly,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the precision is how much is written.
    Date,
    Flag,
    /// One of these codes, each shown by its name in the explorer's words.
    Choice(&'static [(&'static str, Msg)]),
    Whole {
        min: i64,
        max: i64,
    },
    Decimal,
    /// Plain strings, one per line.
    Lines,
    /// Whole numbers, one per line.
    WholeLines {
        min: i64,
        max: i64,
    },
    /// Ids of other items: a list, or one (`single`).
    Refs {
        target: Target,
        single: bool,
    },
}

const fn field(key: &'static str, label: Label, control: Control) -> Field {
    Field {
        key,
        label,
        control,
        optional: false,
    }
}

const fn optional(key: &'static str, label: Label, control: Control) -> Field {
    Field {
        key,
        label,
        control,
        optional: true,
    }
}

const fn refs(kind: ItemKind) -> Control {
    Control::Refs {
        target: Target::Kind(kind),
        single: false,
    }
}

const ID: Label = label("Id", "ລະຫັດ");
const NAME: Label = label("Name", "ຊື່");
const TITLE: Label = label("Title", "ຫົວຂໍ້");
const SUMMARY: Label = label("Summary", "ສັງລວມ");
const SOURCES: Label = label("Sources", "ແຫຼ່ງຂໍ້ມູນ");
const ALIASES: Label = label("Other names and spellings", "ຊື່ ແລະ ການສະກົດອື່ນ");
const THEMES: Label = label("Thematic areas", "ຂົງເຂດວຽກ");
const PARTNERS: Label = label("Partners", "ຄູ່ຮ່ວມງານ");
const PROVINCES: Label = label("Provinces", "ແຂວງ");
const FRAMEWORKS: Label = label("Frameworks", "ກອບແຜນ");
const START: Label = label("Start", "ເລີ່ມ");
const END: Label = label("End", "ສິ້ນສຸດ");
const INFERRED: Label = label(
    "Date inferred (not stated by a source)",
    "ວັນທີ ອະນຸມານ (ແຫຼ່ງຂໍ້ມູນ ບໍ່ໄດ້ລະບຸ)",
);
const DATE_NOTE: Label = label("How the date was inferred", "ວິທີອະນຸມານວັນທີ");
const SOURCES_REFS: Control = refs(ItemKind::Source);

static SNAPSHOT: Collection = Collection {
    path: &[],
    single: true,
    kind: None,
    id_field: None,
    title_fields: &[],
    label: label("Snapshot", "ຂໍ້ມູນລວມ"),
    fields: &[
        field(
            "schema_version",
            label("Schema version", "ສະບັບຂອງໂຄງສ້າງ"),
            Control::ReadOnly,
        ),
        field(
            "snapshot_date",
            label("Checked against its sources on", "ກວດກັບແຫຼ່ງຂໍ້ມູນ ວັນທີ"),
            Control::Date,
        ),
    ],
};

static STRATEGY: Collection = Collection {
    path: &["strategy"],
    single: true,
    kind: None,
    id_field: None,
    title_fields: &["title"],
    label: label("Strategy", "ຍຸດທະສາດ"),
    fields: &[
        field("title", TITLE, Control::Text),
        field(
            "period.start",
            label("First year", "ປີທຳອິດ"),
            Control::Whole {
                min: 2001,
                max: 2100,
            },
        ),
        field(
            "period.end",
            label("Last year", "ປີສຸດທ້າຍ"),
            Control::Whole {
                min: 2001,
                max: 2100,
            },
        ),
        field("vision", label("Vision", "ວິໄສທັດ"), Control::Text),
        field("goal", label("Goal", "ເປົ້າໝາຍ"), Control::Text),
        field("summary", SUMMARY, Control::Text),
        field(
            "launch.date",
            label("Launch date", "ວັນເປີດຕົວ"),
            Control::Date,
        ),
        field(
            "launch.venue",
            label("Launch venue", "ສະຖານທີ່ເປີດຕົວ"),
            Control::Text,
        ),
        field(
            "launch.co_chairs",
            label("Co-chairs of the launch", "ປະທານຮ່ວມ ພິທີເປີດຕົວ"),
            refs(ItemKind::Person),
        ),
        field(
            "launch.with_partners",
            label("Launched with", "ເປີດຕົວຮ່ວມກັບ"),
            refs(ItemKind::Partner),
        ),
        field(
            "launch.attendance",
            label("Attendance", "ຜູ້ເຂົ້າຮ່ວມ"),
            Control::Text,
        ),
        field(
            "launch.sources",
            label("Sources of the launch", "ແຫຼ່ງຂໍ້ມູນ ການເປີດຕົວ"),
            SOURCES_REFS,
        ),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static ALIGNMENT: Collection = Collection {
    path: &["strategy", "alignment"],
    single: false,
    kind: None,
    id_field: Some("framework"),
    title_fields: &["relation"],
    label: label("Alignment with frameworks", "ຄວາມສອດຄ່ອງ ກັບກອບແຜນ"),
    fields: &[
        field(
            "framework",
            label("Framework", "ກອບແຜນ"),
            Control::Refs {
                target: Target::Kind(ItemKind::Framework),
                single: true,
            },
        ),
        field(
            "relation",
            label("Relation, in the source's words", "ຄວາມສຳພັນ ຕາມຄຳຂອງແຫຼ່ງຂໍ້ມູນ"),
            Control::Text,
        ),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static THEMES_: Collection = Collection {
    path: &["themes"],
    single: false,
    kind: Some(ItemKind::Theme),
    id_field: Some("id"),
    title_fields: &["name"],
    label: label("Thematic areas", "ຂົງເຂດວຽກ"),
    fields: &[
        field("id", ID, Control::Id),
        field("name", NAME, Control::Text),
        field("summary", SUMMARY, Control::Text),
        field("frameworks", FRAMEWORKS, refs(ItemKind::Framework)),
        field(
            "sdg_targets",
            label("SDG targets (one per line)", "ຄາດໝາຍ SDG (ແຖວລະອັນ)"),
            Control::Lines,
        ),
        field(
            "gcm_objectives",
            label("GCM objectives (one per line)", "ຈຸດປະສົງ GCM (ແຖວລະອັນ)"),
            Control::WholeLines { min: 1, max: 23 },
        ),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static PARTNERS_: Collection = Collection {
    path: &["partners"],
    single: false,
    kind: Some(ItemKind::Partner),
    id_field: Some("id"),
    title_fields: &["name"],
    label: PARTNERS,
    fields: &[
        field("id", ID, Control::Id),
        field("name", NAME, Control::Text),
        optional("short_name", label("Abbreviation", "ຊື່ຫຍໍ້"), Control::Plain),
        field("aliases", ALIASES, Control::Lines),
        field(
            "kind",
            label("Kind of organisation", "ປະເພດອົງການ"),
            Control::Choice(&[
                ("government", Msg::KindGovernment),
                ("un", Msg::KindUn),
                ("donor", Msg::KindDonor),
                ("civil_society", Msg::KindCivilSociety),
                ("private_sector", Msg::KindPrivateSector),
            ]),
        ),
        field("summary", SUMMARY, Control::Text),
        field("themes", THEMES, refs(ItemKind::Theme)),
        field("provinces", PROVINCES, refs(ItemKind::Province)),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static PROVINCES_: Collection = Collection {
    path: &["provinces"],
    single: false,
    kind: Some(ItemKind::Province),
    id_field: Some("code"),
    title_fields: &["name"],
    label: PROVINCES,
    fields: &[
        field(
            "code",
            label("ISO 3166-2 code", "ລະຫັດ ISO 3166-2"),
            Control::Id,
        ),
        field("name", NAME, Control::Text),
        field("aliases", ALIASES, Control::Lines),
        field(
            "capital",
            label("Vientiane Capital (the prefecture)", "ນະຄອນຫຼວງວຽງຈັນ"),
            Control::Flag,
        ),
        field(
            "centroid.lat",
            label("Centre, latitude", "ຈຸດກາງ, ເສັ້ນຂະໜານ"),
            Control::Decimal,
        ),
        field(
            "centroid.lon",
            label("Centre, longitude", "ຈຸດກາງ, ເສັ້ນແວງ"),
            Control::Decimal,
        ),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static EVENTS: Collection = Collection {
    path: &["events"],
    single: false,
    kind: Some(ItemKind::Event),
    id_field: Some("id"),
    title_fields: &["title"],
    label: label("Events", "ເຫດການ"),
    fields: &[
        field("id", ID, Control::Id),
        field(
            "kind",
            label("IOM's own work or context", "ວຽກຂອງ IOM ຫຼື ສະພາບແວດລ້ອມ"),
            Control::Choice(&[
                ("iom", Msg::LaneIomEvents),
                ("context", Msg::LaneContextEvents),
            ]),
        ),
        field("date", label("Date", "ວັນທີ"), Control::Date),
        optional("end", label("Last day", "ມື້ສຸດທ້າຍ"), Control::Date),
        field("inferred", INFERRED, Control::Flag),
        optional("date_note", DATE_NOTE, Control::Text),
        field("title", TITLE, Control::Text),
        optional(
            "label",
            label("Short label on the timeline", "ປ້າຍສັ້ນ ເທິງເສັ້ນເວລາ"),
            Control::Text,
        ),
        optional(
            "importance",
            label(
                "Importance on the timeline (1 to 3)",
                "ຄວາມສຳຄັນ ເທິງເສັ້ນເວລາ (1 ຫາ 3)",
            ),
            Control::Whole { min: 1, max: 3 },
        ),
        field("summary", SUMMARY, Control::Text),
        field("themes", THEMES, refs(ItemKind::Theme)),
        field("partners", PARTNERS, refs(ItemKind::Partner)),
        field("provinces", PROVINCES, refs(ItemKind::Province)),
        field("people", label("People", "ບຸກຄົນ"), refs(ItemKind::Person)),
        field("frameworks", FRAMEWORKS, refs(ItemKind::Framework)),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static PROJECTS: Collection = Collection {
    path: &["projects"],
    single: false,
    kind: Some(ItemKind::Project),
    id_field: Some("id"),
    title_fields: &["title"],
    label: label("Projects", "ໂຄງການ"),
    fields: &[
        field("id", ID, Control::Id),
        field("title", TITLE, Control::Text),
        field("summary", SUMMARY, Control::Text),
        field("start", START, Control::Date),
        optional("end", END, Control::Date),
        optional(
            "ongoing",
            label("Still running, a source says", "ຍັງດຳເນີນຢູ່ ຕາມແຫຼ່ງຂໍ້ມູນ"),
            Control::Flag,
        ),
        field("inferred", INFERRED, Control::Flag),
        optional("date_note", DATE_NOTE, Control::Text),
        field("donors", label("Donors", "ຜູ້ໃຫ້ທຶນ"), refs(ItemKind::Partner)),
        field("partners", PARTNERS, refs(ItemKind::Partner)),
        field("themes", THEMES, refs(ItemKind::Theme)),
        field("provinces", PROVINCES, refs(ItemKind::Province)),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static PEOPLE: Collection = Collection {
    path: &["people"],
    single: false,
    kind: Some(ItemKind::Person),
    id_field: Some("id"),
    title_fields: &["name"],
    label: label("People", "ບຸກຄົນ"),
    fields: &[
        field("id", ID, Control::Id),
        field("name", NAME, Control::Text),
        field("aliases", ALIASES, Control::Lines),
        field(
            "role",
            label("Role, and when", "ບົດບາດ ແລະ ເວລາ"),
            Control::Text,
        ),
        optional(
            "organization",
            label("Organisation (a partner)", "ອົງການ (ຄູ່ຮ່ວມງານ)"),
            Control::Refs {
                target: Target::Kind(ItemKind::Partner),
                single: true,
            },
        ),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static FRAMEWORKS_: Collection = Collection {
    path: &["frameworks"],
    single: false,
    kind: Some(ItemKind::Framework),
    id_field: Some("id"),
    title_fields: &["name"],
    label: FRAMEWORKS,
    fields: &[
        field("id", ID, Control::Id),
        field("name", NAME, Control::Text),
        optional("short_name", label("Abbreviation", "ຊື່ຫຍໍ້"), Control::Plain),
        field("summary", SUMMARY, Control::Text),
        optional("start", START, Control::Date),
        optional("end", END, Control::Date),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static SOURCES_: Collection = Collection {
    path: &["sources"],
    single: false,
    kind: Some(ItemKind::Source),
    id_field: Some("id"),
    title_fields: &["title"],
    label: SOURCES,
    fields: &[
        field("id", ID, Control::Id),
        field("title", TITLE, Control::Text),
        field("publisher", label("Publisher", "ຜູ້ພິມເຜີຍແຜ່"), Control::Text),
        field(
            "url",
            label("Address (https:)", "ທີ່ຢູ່ (https:)"),
            Control::Plain,
        ),
        optional("date", label("Published on", "ວັນທີເຜີຍແຜ່"), Control::Date),
        optional("note", label("Note", "ໝາຍເຫດ"), Control::Text),
    ],
};

static NOTES: Collection = Collection {
    path: &["notes"],
    single: false,
    kind: Some(ItemKind::Note),
    id_field: Some("id"),
    title_fields: &["title"],
    label: label("Editorial notes", "ໝາຍເຫດຂອງບັນນາທິການ"),
    fields: &[
        field("id", ID, Control::Id),
        field(
            "kind",
            label("What the note records", "ປະເພດໝາຍເຫດ"),
            Control::Choice(&[
                ("correction", Msg::NoteCorrection),
                ("conflict", Msg::NoteConflict),
                ("inference", Msg::NoteInference),
                ("gap", Msg::NoteGap),
            ]),
        ),
        field("title", TITLE, Control::Text),
        field("body", label("Note", "ໝາຍເຫດ"), Control::Text),
        field(
            "about",
            label("About these items", "ກ່ຽວກັບ"),
            Control::Refs {
                target: Target::Any,
                single: false,
            },
        ),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

static STORY: Collection = Collection {
    path: &["story"],
    single: false,
    kind: None,
    id_field: Some("item"),
    title_fields: &["narrative"],
    label: label("Story", "ເລື່ອງລາວ"),
    fields: &[
        field(
            "item",
            label("Event or project", "ເຫດການ ຫຼື ໂຄງການ"),
            Control::Refs {
                target: Target::Dated,
                single: true,
            },
        ),
        optional(
            "narrative",
            label("What the step says", "ເນື້ອໃນຂອງຂັ້ນຕອນ"),
            Control::Text,
        ),
        field("sources", SOURCES, SOURCES_REFS),
    ],
};

/// Every collection, in the order the editor lists them.
pub static COLLECTIONS: [&Collection; 13] = [
    &SNAPSHOT,
    &STRATEGY,
    &ALIGNMENT,
    &THEMES_,
    &EVENTS,
    &PROJECTS,
    &PARTNERS_,
    &PEOPLE,
    &PROVINCES_,
    &FRAMEWORKS_,
    &SOURCES_,
    &NOTES,
    &STORY,
];

/// The collection of items of `kind`.
pub fn collection_of(kind: ItemKind) -> usize {
    COLLECTIONS
        .iter()
        .position(|collection| collection.kind == Some(kind))
        .expect("every kind has a collection")
}

impl Collection {
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|field| field.key == key)
    }

    /// The JSON path of the collection (`$.strategy.alignment`), as problems name it.
    pub fn json_path(&self) -> String {
        let mut path = String::from("$");
        for key in self.path {
            path.push('.');
            path.push_str(key);
        }
        path
    }
}

/// Where a problem's JSON path points in the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Index in [`COLLECTIONS`].
    pub collection: usize,
    /// The item (always 0 in a collection of one); `None` for the collection as a whole.
    pub item: Option<usize>,
    /// The field's key, where the path goes into one.
    pub field: Option<&'static str>,
}

/// The place of a problem's path (`$.events[3].title.lo`), or `None` for the file as a whole.
pub fn locate(path: &str) -> Option<Place> {
    // The longest collection path that the problem's path starts with: alignment before
    // strategy, and everything before the snapshot's own fields.
    let (collection, rest) = COLLECTIONS
        .iter()
        .enumerate()
        .filter_map(|(i, collection)| {
            let prefix = collection.json_path();
            let rest = path.strip_prefix(prefix.as_str())?;
            let boundary = rest.is_empty() || rest.starts_with('.') || rest.starts_with('[');
            boundary.then_some((i, rest, collection.path.len()))
        })
        .max_by_key(|(_, _, depth)| *depth)
        .map(|(i, rest, _)| (i, rest))?;
    let info = COLLECTIONS[collection];
    let (item, rest) = if info.single {
        (Some(0), rest)
    } else {
        match rest.strip_prefix('[') {
            None => (None, rest),
            Some(after) => {
                let close = after.find(']')?;
                (after[..close].parse().ok(), &after[close + 1..])
            }
        }
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let field = info
        .fields
        .iter()
        .filter(|field| {
            rest.strip_prefix(field.key).is_some_and(|after| {
                after.is_empty() || after.starts_with('.') || after.starts_with('[')
            })
        })
        .max_by_key(|field| field.key.len())
        .map(|field| field.key);
    if info.path.is_empty() && field.is_none() {
        return None;
    }
    Some(Place {
        collection,
        item,
        field,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(collection: &str, item: Option<usize>, field: Option<&'static str>) -> Place {
        let collection = COLLECTIONS
            .iter()
            .position(|c| c.path.join(".") == collection)
            .unwrap();
        Place {
            collection,
            item,
            field,
        }
    }

    #[test]
    fn every_choice_is_a_code_the_model_reads() {
        use iom_lao_explorer::core::model::{EventKind, NoteKind, PartnerKind};
        let reads = |collection: &str, code: &str| {
            let value = serde_json::Value::from(code);
            match collection {
                "partners" => serde_json::from_value::<PartnerKind>(value).is_ok(),
                "events" => serde_json::from_value::<EventKind>(value).is_ok(),
                "notes" => serde_json::from_value::<NoteKind>(value).is_ok(),
                _ => false,
            }
        };
        for collection in COLLECTIONS {
            for field in collection.fields {
                if let Control::Choice(options) = field.control {
                    for (code, _) in options {
                        assert!(reads(collection.path[0], code), "{code}");
                    }
                }
            }
        }
    }

    #[test]
    fn problems_point_at_their_item_and_field() {
        assert_eq!(
            locate("$.events[3].title.lo"),
            Some(place("events", Some(3), Some("title")))
        );
        assert_eq!(
            locate("$.events[12].sources[0]"),
            Some(place("events", Some(12), Some("sources")))
        );
        assert_eq!(locate("$.events[3]"), Some(place("events", Some(3), None)));
        assert_eq!(locate("$.events"), Some(place("events", None, None)));
        assert_eq!(
            locate("$.strategy.launch.date"),
            Some(place("strategy", Some(0), Some("launch.date")))
        );
        assert_eq!(
            locate("$.strategy.alignment[1].framework"),
            Some(place("strategy.alignment", Some(1), Some("framework")))
        );
        assert_eq!(
            locate("$.snapshot_date"),
            Some(place("", Some(0), Some("snapshot_date")))
        );
        assert_eq!(
            locate("$.provinces[0].centroid.lat"),
            Some(place("provinces", Some(0), Some("centroid.lat")))
        );
        assert_eq!(locate("$"), None);
        // A key that only starts like a collection's is not that collection.
        assert_eq!(locate("$.eventsx[0]"), None);
    }

    #[test]
    fn every_reference_field_of_the_kinds_table_has_a_picker_for_its_kind() {
        for kind in ItemKind::ALL {
            let collection = COLLECTIONS[collection_of(kind)];
            let info = kind.describe();
            assert_eq!(collection.path, [info.collection]);
            assert_eq!(collection.id_field, Some(info.id_field));
            for reference in info.references {
                let field = collection.field(reference.field).unwrap_or_else(|| {
                    panic!("{}.{} has no field", info.collection, reference.field)
                });
                let Control::Refs { target, single } = field.control else {
                    panic!("{}.{} is not a picker", info.collection, reference.field);
                };
                assert_eq!(single, reference.single, "{}", reference.field);
                match reference.target {
                    Some(kind) => assert_eq!(target, Target::Kind(kind)),
                    None => assert_eq!(target, Target::Any),
                }
            }
        }
    }

    #[test]
    fn every_text_the_translation_coverage_counts_is_an_editable_text() {
        let snapshot = crate::core::shipped_snapshot();
        for kind in ItemKind::ALL {
            let info = kind.describe();
            let collection = COLLECTIONS[collection_of(kind)];
            for i in 0..(info.len)(&snapshot) {
                for (key, _) in (info.texts)(&snapshot, i) {
                    let field = collection.field(key);
                    assert!(
                        field.is_some_and(|field| field.control == Control::Text),
                        "{}.{key}",
                        info.collection
                    );
                }
            }
        }
    }
}
