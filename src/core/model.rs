//! The snapshot's data model: what `public/data/strategy.json` holds.
//!
//! These types are the schema. `cargo run --bin snapshot-schema` turns them into the
//! published JSON Schema (`public/data/strategy.schema.json`), so editors get checking
//! in their editor, and `snapshot-check` validates the rules a JSON Schema cannot express
//! (references, calendar dates, order of dates). See `docs/SNAPSHOT.md`.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::text::Text;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// The major schema version this build understands; minor versions only add optional fields.
pub const SCHEMA_MAJOR: u32 = 1;
/// The version this build writes into generated snapshots.
pub const SCHEMA_VERSION: &str = "1.1";

/// The whole snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// `MAJOR.MINOR`. A reader refuses a major version it does not know.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[0-9]+\.[0-9]+$"))
    )]
    pub schema_version: String,
    /// The day this snapshot's content was last checked against its sources (`YYYY-MM-DD`).
    pub snapshot_date: PartialDate,
    pub strategy: Strategy,
    #[serde(default)]
    pub frameworks: Vec<Framework>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub provinces: Vec<Province>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The guided story (`?view=story`): steps in the order a visitor walks them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<StoryStep>,
}

/// One step of the story: the event or project it is about, what the editors say of it (the
/// item's summary when they say nothing), and the sources of that.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    /// The id of an event or a project.
    pub item: String,
    /// A short narrative, in English and Lao.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<Text>,
    pub sources: Vec<String>,
}

/// The Country Strategy itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    pub title: Text,
    /// First and last year of the strategy period (2022 and 2026).
    pub period: YearSpan,
    /// The vision statement, quoted as a source gives it.
    pub vision: Text,
    /// The strategic goal, quoted as a source gives it.
    pub goal: Text,
    /// A short plain-language description.
    pub summary: Text,
    pub launch: Launch,
    /// How the strategy relates to each framework it names.
    #[serde(default)]
    pub alignment: Vec<Alignment>,
    pub sources: Vec<String>,
}

/// An inclusive span of whole years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    pub start: i32,
    pub end: i32,
}

/// The launch ceremony.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Launch {
    pub date: PartialDate,
    pub venue: Text,
    /// People (ids in `people`) who co-chaired the ceremony.
    #[serde(default)]
    pub co_chairs: Vec<String>,
    /// Partners (ids in `partners`) that launched the strategy with IOM.
    #[serde(default)]
    pub with_partners: Vec<String>,
    /// Who attended and how (in person, virtually).
    pub attendance: Text,
    pub sources: Vec<String>,
}

/// One framework the strategy is aligned with, informed by or reflects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alignment {
    /// Id in `frameworks`.
    pub framework: String,
    /// The relation in the source's words, e.g. "aligned with", "informed by", "reflects".
    pub relation: Text,
    pub sources: Vec<String>,
}

/// A national, UN or IOM framework (NSEDP, UNSDCF, 2030 Agenda, GCM, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub name: Text,
    /// Abbreviation, e.g. "9th NSEDP".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub summary: Text,
    /// Frameworks may start before 2001 and run past 2026.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub sources: Vec<String>,
}

/// A thematic area of IOM's work in Lao PDR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    /// Ids in `frameworks` that a source links to this area.
    #[serde(default)]
    pub frameworks: Vec<String>,
    /// SDG targets (e.g. "10.7") only where a source links them to this area.
    #[serde(default)]
    pub sdg_targets: Vec<String>,
    /// GCM objective numbers (1-23) only where a source links them to this area.
    #[serde(default)]
    pub gcm_objectives: Vec<u8>,
    pub sources: Vec<String>,
}

/// What kind of organisation a partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Government,
    Un,
    Donor,
    CivilSociety,
    PrivateSector,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 5] = [
        PartnerKind::Government,
        PartnerKind::Un,
        PartnerKind::Donor,
        PartnerKind::CivilSociety,
        PartnerKind::PrivateSector,
    ];

    /// The code used in the snapshot and in URLs.
    pub fn code(self) -> &'static str {
        match self {
            PartnerKind::Government => "government",
            PartnerKind::Un => "un",
            PartnerKind::Donor => "donor",
            PartnerKind::CivilSociety => "civil_society",
            PartnerKind::PrivateSector => "private_sector",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// A government body, UN entity, donor, civil-society or private-sector organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub id: String,
    pub name: Text,
    /// Abbreviation, e.g. "MoLSW".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Other names and spellings found in the sources (searchable).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: PartnerKind,
    pub summary: Text,
    /// Ids in `themes`.
    #[serde(default)]
    pub themes: Vec<String>,
    /// ISO 3166-2 codes in `provinces`.
    #[serde(default)]
    pub provinces: Vec<String>,
    pub sources: Vec<String>,
}

/// One of Lao PDR's 18 first-level divisions (17 provinces and Vientiane Capital).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// ISO 3166-2 code, e.g. "LA-SV". Also the province's id.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^LA-[A-Z]{2}$"))
    )]
    pub code: String,
    /// English and Lao names.
    pub name: Text,
    /// Other romanisations (geoBoundaries, ISO), searchable.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// True for Vientiane Capital (the prefecture).
    #[serde(default)]
    pub capital: bool,
    /// Area-weighted centroid, in degrees.
    pub centroid: LatLon,
    pub sources: Vec<String>,
}

/// A point in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Whether an event belongs to IOM's own work or is context for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// IOM's own work in Lao PDR (agreements, launches, trainings, responses).
    Iom,
    /// National, UN or world events that frame IOM's work (plans, compacts, disasters).
    Context,
}

/// A dated event between 2001 and 2026.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the precision is the precision of the source.
    pub date: PartialDate,
    /// Last day of a multi-day event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// True when the date (or part of it) was inferred rather than stated by a source.
    #[serde(default)]
    pub inferred: bool,
    /// How the date was inferred, or why it is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<Text>,
    pub title: Text,
    /// A short form of the title (about 28 characters) written on the timeline; the title
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// 1 to 3: which labels the timeline writes first when space is short (3 first; when
    /// absent, 2 for IOM's own work and 1 for context). Milestones always come first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 3)))]
    pub importance: Option<u8>,
    pub summary: Text,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub provinces: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub frameworks: Vec<String>,
    pub sources: Vec<String>,
}

/// A project or programme with a start and (where known) an end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub start: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// True when a source says the project is still running (as of its date). A project with
    /// no `end` that is not `ongoing` has an end that is not recorded: it is drawn as unknown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ongoing: bool,
    #[serde(default)]
    pub inferred: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<Text>,
    /// Partner ids of the donors that fund it.
    #[serde(default)]
    pub donors: Vec<String>,
    /// Partner ids of the implementing and government partners.
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub provinces: Vec<String>,
    pub sources: Vec<String>,
}

/// How a project's span ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpanEnd {
    /// An end date is recorded (perhaps inferred).
    Known,
    /// A source says it is still running.
    Ongoing,
    /// No end is recorded: the project may have ended at any time.
    Unrecorded,
}

impl Project {
    pub fn span_end(&self) -> SpanEnd {
        match (self.end, self.ongoing) {
            (Some(_), _) => SpanEnd::Known,
            (None, true) => SpanEnd::Ongoing,
            (None, false) => SpanEnd::Unrecorded,
        }
    }
}

/// A person a source names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: Text,
    /// Other spellings found in the sources.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Role and when, in the sources' words.
    pub role: Text,
    /// Partner id of the person's organisation, if it is a partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    pub sources: Vec<String>,
}

/// A public source that items cite by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Text,
    pub publisher: Text,
    /// `https:` only.
    pub url: String,
    /// Publication date, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// E.g. "Mirror of the Japan MOFA release".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// What an editorial note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// An error in the launch article, corrected in this snapshot.
    Correction,
    /// Sources disagree; the snapshot shows both.
    Conflict,
    /// A date or fact inferred by the editors.
    Inference,
    /// A gap: searched for and not found.
    Gap,
}

/// An editorial note: a correction, a conflict between sources, an inference or a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub kind: NoteKind,
    pub title: Text,
    pub body: Text,
    /// Ids of the items the note is about (any kind).
    #[serde(default)]
    pub about: Vec<String>,
    pub sources: Vec<String>,
}
