//! The snapshot's JSON Schema, generated from the model (host only; never shipped in the Wasm).

use schemars::Schema;
use serde_json::Value;

use super::model::Snapshot;
use super::validate::{MAX_ALIASES, MAX_ALIAS_CHARS};

/// Pretty JSON with a trailing newline, as published in `public/data/strategy.schema.json`.
pub fn snapshot_schema_json() -> String {
    let mut schema = schemars::schema_for!(Snapshot);
    schema.insert(
        "title".into(),
        "IOM Lao PDR Country Strategy 2022-2026: explorer snapshot".into(),
    );
    limit_aliases(&mut schema);
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    json.push('\n');
    json
}

/// Writes the validator's limits on aliases into every `aliases` field, so that editors see
/// them; they are the validator's constants, which the model does not import.
fn limit_aliases(schema: &mut Schema) {
    let Some(Value::Object(definitions)) = schema.get_mut("$defs") else {
        return;
    };
    for definition in definitions.values_mut() {
        if let Some(Value::Object(aliases)) = definition.pointer_mut("/properties/aliases") {
            aliases.insert("maxItems".into(), MAX_ALIASES.into());
            if let Some(Value::Object(item)) = aliases.get_mut("items") {
                item.insert("maxLength".into(), MAX_ALIAS_CHARS.into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_aliases_field_carries_the_validators_limits() {
        let schema: Value = serde_json::from_str(&snapshot_schema_json()).unwrap();
        for kind in ["Partner", "Province", "Person"] {
            let aliases = &schema["$defs"][kind]["properties"]["aliases"];
            assert_eq!(aliases["maxItems"], MAX_ALIASES, "{kind}");
            assert_eq!(aliases["items"]["maxLength"], MAX_ALIAS_CHARS, "{kind}");
        }
    }
}
