#!/usr/bin/env bash
# In-browser benchmarks (figures in docs/benchmarks.md): builds the release app and
# the 10,000-account plan files, then measures in headless Chromium.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
source .ci/setup.sh
setup_build
setup_browser_tests
trunk build --release
cargo run --release --locked --example large_plan_file -- 10000 target/large-10k.abm.json
cargo run --release --locked --example large_plan_file -- 10000 target/large-10k-activity.abm.json activity
cargo run --release --locked --example large_plan_file -- 20000 target/large-20k-activity.abm.json activity
cd tests/e2e
npx playwright test --config bench.config.js
cat "$repo_root/target/bench/"*.json
