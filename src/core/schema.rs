//! The snapshot's JSON Schema, generated from the model (host only; never shipped in the Wasm).

use super::model::Snapshot;

/// Pretty JSON with a trailing newline, as published in `public/data/strategy.schema.json`.
pub fn snapshot_schema_json() -> String {
    let mut schema = schemars::schema_for!(Snapshot);
    schema.insert(
        "title".into(),
        "IOM Lao PDR Country Strategy 2022-2026: explorer snapshot".into(),
    );
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    json.push('\n');
    json
}
