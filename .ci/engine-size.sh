#!/usr/bin/env bash
# Size of the engine alone (no UI) as the browser would download it, beside the
# app's: builds tests/tools/engine_size to Wasm with the release profile,
# then wasm-bindgen and wasm-opt -Oz as Trunk does, and prints gzip -9 sizes.
# Figures in docs/benchmarks.md (Size).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build
cd "$repo_root"
# Its own package (tests/tools/engine_size), on the app's locked versions and
# in the app's target folder, so the dependencies are built once for both.
cp Cargo.lock tests/tools/engine_size/Cargo.lock
(cd tests/tools/engine_size &&
  CARGO_TARGET_DIR="$repo_root/target" cargo build --release --target wasm32-unknown-unknown)
out="$repo_root/target/engine-size"
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/release/engine_size.wasm
wasm-opt -Oz --strip-debug --strip-producers "$out/engine_size_bg.wasm" -o "$out/engine_size.wasm"
gz() { gzip -9 -c "$1" | wc -c; }
printf 'engine alone: Wasm %d bytes raw, %d gzipped; its JS glue %d gzipped\n' \
  "$(wc -c < "$out/engine_size.wasm")" "$(gz "$out/engine_size.wasm")" "$(gz "$out/engine_size.js")"
if ls dist/*.wasm >/dev/null 2>&1; then
  total=0
  for f in dist/*.wasm dist/*.js dist/*.css; do total=$((total + $(gz "$f"))); done
  printf 'the app (dist/, Wasm + JS + CSS): %d bytes gzipped\n' "$total"
fi
