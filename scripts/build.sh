#!/usr/bin/env bash
# Release build of the explorer into dist/ (Trunk offline: tools come from PATH), then of the
# snapshot editor (edit.html), whose files join the explorer's in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
# scripts/split comes first: its wasm-bindgen splits the Wasm, then calls the real one.
export PATH="$PWD/scripts/split:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline --locked "$@"
# The Overview and the Timeline drawn by the build itself, written into index.html
# (scripts/prerender.mjs).
node scripts/prerender.mjs dist
trunk --config scripts/editor/Trunk.toml build --release --offline --locked
# The editor's page (Trunk names it index.html) and its hashed files beside the explorer's.
cp target/editor-dist/index.html dist/edit.html
for file in target/editor-dist/*; do
  name=$(basename "$file")
  [ "$name" = index.html ] || [ -e "dist/$name" ] || cp "$file" "dist/$name"
done
