#!/usr/bin/env bash
# Release build of the explorer into dist/ (Trunk offline: tools come from PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline --locked "$@"
