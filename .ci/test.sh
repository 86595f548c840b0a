#!/usr/bin/env bash
# Runs every test: the engine natively (unit, property and file-format tests), then
# the release build end to end in headless Chromium. Installs missing tools first.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build
setup_browser_tests
cd "$repo_root"

log "format (rustfmt.toml)"
cargo fmt --check

log "lint (clippy, native and wasm32)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -- -D warnings

log "native tests"
cargo test --locked

log "release build"
trunk build --release

log "end-to-end tests in headless Chromium"
cd tests/e2e
npx playwright test "$@"
