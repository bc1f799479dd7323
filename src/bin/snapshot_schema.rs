//! `snapshot-schema [FILE]`: writes the JSON Schema of the snapshot, generated from the Rust
//! types, to FILE (default: standard output). `public/data/strategy.schema.json` is its output;
//! a host test fails when the two differ.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    let schema = iom_lao_explorer::core::schema::snapshot_schema_json();
    match std::env::args().nth(1) {
        Some(path) => std::fs::write(path, schema),
        None => {
            print!("{schema}");
            Ok(())
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
