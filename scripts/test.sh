#!/usr/bin/env bash
# Every test: formatting, clippy (host and Wasm) with warnings as errors, host tests (core,
# snapshot checker, broken-snapshot corpus, schema), the JSON Schema check with an independent
# validator (Ajv), then the browser tests against the release build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check
step "clippy (host)"
cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --locked --workspace --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "host tests"
cargo test --locked --workspace
step "shipped snapshot (snapshot-check)"
cargo run --locked --quiet --bin snapshot-check -- public/data/strategy.json
step "JSON Schema (Ajv, an independent validator)"
node --test tests/schema/
step "release build"
scripts/build.sh
step "browser tests (Playwright, headless Chromium)"
playwright test
