//! Text that may exist in English and Lao.
//!
//! In the snapshot a text field is either a plain English string or
//! `{ "en": "...", "lo": "..." }`. English is always present and is the fallback.

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

/// A text in English, with an optional Lao version.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub en: String,
    pub lo: Option<String>,
}

/// A text chosen for a language, with the language it is really in
/// (so a view can mark an English fallback with `lang="en"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl Text {
    pub fn en(text: impl Into<String>) -> Self {
        Text {
            en: text.into(),
            lo: None,
        }
    }

    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> Localized<'_> {
        match (lang, &self.lo) {
            (Lang::Lo, Some(lo)) => Localized {
                text: lo,
                lang: Lang::Lo,
            },
            _ => Localized {
                text: &self.en,
                lang: Lang::En,
            },
        }
    }

    /// Every version of the text, for search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.en.as_str()).chain(self.lo.as_deref())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.lo {
            None => serializer.serialize_str(&self.en),
            Some(lo) => {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("en", &self.en)?;
                map.serialize_entry("lo", lo)?;
                map.end()
            }
        }
    }
}

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
                let mut lo = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "en" if en.is_none() => en = Some(map.next_value::<String>()?),
                        "lo" if lo.is_none() => lo = Some(map.next_value::<String>()?),
                        "en" | "lo" => return Err(de::Error::duplicate_field("en/lo")),
                        _ => return Err(de::Error::unknown_field(&key, &["en", "lo"])),
                    }
                }
                let en = en.ok_or_else(|| de::Error::missing_field("en"))?;
                Ok(Text { en, lo })
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
            "description": "A plain English string, or English with a Lao version.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "en": { "type": "string", "minLength": 1 },
                        "lo": { "type": "string", "minLength": 1 }
                    },
                    "required": ["en"],
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
                lang: Lang::En
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
                lang: Lang::Lo
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
        for json in [r#""Plain""#, r#"{"en":"A","lo":"ກ"}"#] {
            let text: Text = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&text).unwrap(), json);
        }
    }
}
