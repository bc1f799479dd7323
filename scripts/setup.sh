#!/usr/bin/env bash
# Installs whatever is missing on a fresh machine, then does nothing more on later runs:
# the Rust toolchain and wasm target (rust-toolchain.toml), Trunk 0.21.14, wasm-bindgen-cli
# 0.2.130, wasm-split-cli 0.2.4, the npm tools (binaryen's wasm-opt, terser, Playwright, Ajv, the Nu HTML Checker),
# Debian Chromium and chromedriver for the browser tests, Java for the HTML checker, and the crates
# (so Trunk can build --offline).
# Nothing is downloaded from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# rustup reads rust-toolchain.toml and installs the pinned toolchain and target on first use.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -qx 'trunk 0.21.14'; then
  say "Installing Trunk 0.21.14 (about 12 minutes on 2 cores)"
  cargo install --locked trunk@0.21.14
fi

# Trunk uses the wasm-bindgen on PATH only when it equals the version in Cargo.lock.
# Not --locked: one of its locked dependencies is missing from the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen 0.2.130'; then
  say "Installing wasm-bindgen-cli 0.2.130 (about 5 minutes)"
  cargo install wasm-bindgen-cli@0.2.130
fi

# Cuts the explorer's lazily loaded parts out of its Wasm (scripts/split/wasm-bindgen). The
# version must understand the split points of the wasm_split_helpers in Cargo.lock (0.2.3).
if ! cargo install --list | grep -qx 'wasm_split_cli_support v0.2.4:'; then
  say "Installing wasm-split-cli 0.2.4 (about 3 minutes)"
  cargo install --locked wasm_split_cli_support@0.2.4 --features build-binary
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# Lao glyphs for screenshots until the explorer ships its own Lao webfont.
[ -e /usr/share/fonts/truetype/noto/NotoSansLao-Regular.ttf ] || missing+=(fonts-noto-core)
command -v brotli >/dev/null || missing+=(brotli)
# Java for the Nu HTML Checker (npm vnu-jar); before npm, so that vnu-jar's install script, where
# npm runs it, finds it instead of downloading a Java runtime.
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
  || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm tools (wasm-opt, terser, Playwright, Ajv, the Nu HTML Checker)"
  npm ci --no-audit --no-fund
fi

cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked
