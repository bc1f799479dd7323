//! The published JSON Schema must be what the Rust types generate; regenerate it with
//! `cargo run --bin snapshot-schema -- public/data/strategy.schema.json`.

#[test]
fn published_schema_matches_the_rust_types() {
    let published = std::fs::read_to_string("public/data/strategy.schema.json").unwrap_or_default();
    let generated = iom_lao_explorer::core::schema::snapshot_schema_json();
    assert!(
        published == generated,
        "public/data/strategy.schema.json is out of date: run\n  cargo run --bin snapshot-schema -- public/data/strategy.schema.json"
    );
}
