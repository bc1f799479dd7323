//! Text that may exist in English and Lao.
//!
//! In the snapshot a text field is either a plain English string or
//! `{ "en": "...", "lo": "...", "lo_status": "...", "lo_sources": [...] }`. English is always
//! present and is the fallback. The Lao says where it comes from: a Lao source that publishes it
//! (`sourced`, with the source ids), a translation a reviewer has checked (`reviewed`), or our
//! own translation not yet reviewed (`unreviewed`, the default).

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A UI or content language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Lo,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Lo];

    /// BCP 47 tag, used for `lang` attributes, `Intl` and the URL.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Lo => "lo",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

/// Where a Lao text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum LaoStatus {
    /// Written as a Lao source publishes it (the text's `lo_sources`).
    Sourced,
    /// Our translation, checked by a reviewer who reads Lao.
    Reviewed,
    /// Our translation, not yet reviewed.
    #[default]
    Unreviewed,
}

impl LaoStatus {
    pub const ALL: [LaoStatus; 3] = [
        LaoStatus::Sourced,
        LaoStatus::Reviewed,
        LaoStatus::Unreviewed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LaoStatus::Sourced => "sourced",
            LaoStatus::Reviewed => "reviewed",
            LaoStatus::Unreviewed => "unreviewed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }
}

/// A text in English, with an optional Lao version and where that Lao comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub en: String,
    pub lo: Option<String>,
    /// As written in the file (`None`: not given, which means unreviewed when there is Lao).
    /// Read it through [`Text::lao_status`]; `snapshot-check` refuses a status without Lao.
    pub lo_status: Option<LaoStatus>,
    /// The sources that publish the Lao (required when sourced).
    pub lo_sources: Vec<String>,
}

/// A text chosen for a language, with the language it is really in
/// (so a view can mark an English fallback with `lang="en"`), and, for Lao, where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: Lang,
    /// `Some` only when `lang` is Lao.
    pub status: Option<LaoStatus>,
}

impl Localized<'_> {
    /// A translation of ours that no reviewer has checked: a view marks it.
    pub fn is_unreviewed(&self) -> bool {
        self.status == Some(LaoStatus::Unreviewed)
    }
}

impl Text {
    pub fn en(text: impl Into<String>) -> Self {
        Text {
            en: text.into(),
            ..Text::default()
        }
    }

    /// English with a Lao version of the given status.
    pub fn with_lo(en: impl Into<String>, lo: impl Into<String>, status: LaoStatus) -> Self {
        Text {
            en: en.into(),
            lo: Some(lo.into()),
            lo_status: Some(status),
            lo_sources: Vec::new(),
        }
    }

    /// Where the Lao comes from; `None` when there is no Lao.
    pub fn lao_status(&self) -> Option<LaoStatus> {
        self.lo.as_ref().map(|_| self.lo_status.unwrap_or_default())
    }

    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> Localized<'_> {
        match (lang, &self.lo) {
            (Lang::Lo, Some(lo)) => Localized {
                text: lo,
                lang: Lang::Lo,
                status: self.lao_status(),
            },
            _ => Localized {
                text: &self.en,
                lang: Lang::En,
                status: None,
            },
        }
    }

    /// Every version of the text, for search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.en.as_str()).chain(self.lo.as_deref())
    }
}

/// True when `text` has at least one letter of the Lao script (U+0E80-U+0EFF).
pub fn has_lao_script(text: &str) -> bool {
    text.chars().any(is_lao_letter)
}

/// A letter of the Lao block (consonants, vowels and tone marks; not digits or ໆ ຯ).
pub fn is_lao_letter(c: char) -> bool {
    matches!(c, '\u{0E81}'..='\u{0ECD}' | '\u{0EDC}'..='\u{0EDF}')
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.lo.is_none() && self.lo_status.is_none() && self.lo_sources.is_empty() {
            return serializer.serialize_str(&self.en);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("en", &self.en)?;
        if let Some(lo) = &self.lo {
            map.serialize_entry("lo", lo)?;
        }
        if let Some(status) = self.lo_status {
            map.serialize_entry("lo_status", status.code())?;
        }
        if !self.lo_sources.is_empty() {
            map.serialize_entry("lo_sources", &self.lo_sources)?;
        }
        map.end()
    }
}

const FIELDS: &[&str] = &["en", "lo", "lo_status", "lo_sources"];

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a string or an object {"en": "...", "lo": "..."}"#)
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text::en(value))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Text, E> {
                Ok(Text::en(value))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut en = None;
                let mut text = Text::default();
                let mut seen: Vec<String> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if seen.contains(&key) {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    match key.as_str() {
                        "en" => en = Some(map.next_value::<String>()?),
                        "lo" => text.lo = Some(map.next_value::<String>()?),
                        "lo_status" => {
                            let code = map.next_value::<String>()?;
                            let status = LaoStatus::from_code(&code).ok_or_else(|| {
                                de::Error::invalid_value(
                                    de::Unexpected::Str(&code),
                                    &"\"sourced\", \"reviewed\" or \"unreviewed\"",
                                )
                            })?;
                            text.lo_status = Some(status);
                        }
                        "lo_sources" => text.lo_sources = map.next_value()?,
                        _ => return Err(de::Error::unknown_field(&key, FIELDS)),
                    }
                    seen.push(key);
                }
                text.en = en.ok_or_else(|| de::Error::missing_field("en"))?;
                Ok(text)
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A plain English string, or English with a Lao version and where the Lao comes from.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "en": { "type": "string", "minLength": 1 },
                        "lo": {
                            "type": "string",
                            "minLength": 1,
                            "pattern": "[\\u0E81-\\u0ECD]",
                            "description": "The Lao text; it must contain Lao script."
                        },
                        "lo_status": {
                            "enum": ["sourced", "reviewed", "unreviewed"],
                            "default": "unreviewed",
                            "description": "sourced: as a Lao source publishes it (lo_sources); reviewed: our translation, checked; unreviewed: our translation, not yet checked."
                        },
                        "lo_sources": {
                            "type": "array",
                            "items": { "type": "string" },
                            "minItems": 1,
                            "description": "Ids of the sources that publish the Lao (only when sourced)."
                        }
                    },
                    "required": ["en"],
                    "dependentRequired": { "lo_status": ["lo"], "lo_sources": ["lo"] },
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_string_is_english_and_lao_falls_back_to_it() {
        let text: Text = serde_json::from_str(r#""Migration health""#).unwrap();
        assert_eq!(
            text.get(Lang::Lo),
            Localized {
                text: "Migration health",
                lang: Lang::En,
                status: None
            }
        );
    }

    #[test]
    fn object_gives_each_language_its_own_text() {
        let text: Text =
            serde_json::from_str(r#"{"en": "Savannakhet", "lo": "ສະຫວັນນະເຂດ"}"#).unwrap();
        assert_eq!(text.get(Lang::En).text, "Savannakhet");
        assert_eq!(
            text.get(Lang::Lo),
            Localized {
                text: "ສະຫວັນນະເຂດ",
                lang: Lang::Lo,
                status: Some(LaoStatus::Unreviewed)
            }
        );
    }

    #[test]
    fn object_without_english_is_refused_with_the_field_named() {
        let err = serde_json::from_str::<Text>(r#"{"lo": "ສະຫວັນນະເຂດ"}"#).unwrap_err();
        assert!(err.to_string().contains("missing field `en`"), "{err}");
    }

    #[test]
    fn a_number_is_refused_with_what_was_expected() {
        let err = serde_json::from_str::<Text>("42").unwrap_err();
        assert!(
            err.to_string().contains(r#"a string or an object {"en""#),
            "{err}"
        );
    }

    #[test]
    fn round_trips_through_json() {
        for json in [
            r#""Plain""#,
            r#"{"en":"A","lo":"ກ"}"#,
            r#"{"en":"A","lo":"ກ","lo_status":"sourced","lo_sources":["src-a"]}"#,
        ] {
            let text: Text = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&text).unwrap(), json);
        }
    }

    #[test]
    fn lao_without_a_status_is_an_unreviewed_translation() {
        let text: Text = serde_json::from_str(r#"{"en": "Health", "lo": "ສຸຂະພາບ"}"#).unwrap();
        assert!(text.get(Lang::Lo).is_unreviewed());
        assert!(!text.get(Lang::En).is_unreviewed());
    }

    #[test]
    fn sourced_lao_keeps_its_sources() {
        let text: Text = serde_json::from_str(
            r#"{"en": "MPI", "lo": "ກະຊວງແຜນການ ແລະ ການລົງທຶນ", "lo_status": "sourced", "lo_sources": ["src-mpi"]}"#,
        )
        .unwrap();
        assert_eq!(text.lao_status(), Some(LaoStatus::Sourced));
        assert_eq!(text.lo_sources, ["src-mpi"]);
        assert!(!text.get(Lang::Lo).is_unreviewed());
    }

    #[test]
    fn an_unknown_status_is_refused_with_the_choices() {
        let err = serde_json::from_str::<Text>(r#"{"en": "A", "lo": "ກ", "lo_status": "checked"}"#)
            .unwrap_err();
        assert!(
            err.to_string()
                .contains(r#""sourced", "reviewed" or "unreviewed""#),
            "{err}"
        );
    }

    #[test]
    fn a_repeated_field_is_refused() {
        let err = serde_json::from_str::<Text>(r#"{"en": "A", "en": "B"}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate field `en`"), "{err}");
    }

    #[test]
    fn lao_script_is_told_from_latin_and_thai() {
        assert!(has_lao_script("ສປປ ລາວ (IOM)"));
        assert!(!has_lao_script("Lao PDR 2022"));
        // Thai looks alike but is another block.
        assert!(!has_lao_script("ประเทศลาว"));
    }
}
