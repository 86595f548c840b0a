#!/usr/bin/env bash
# Installs what building and testing ABM Planner need, skipping whatever is already
# installed. Sourced by serve.sh and test.sh; safe to run again and again.
#
# Facts this relies on (../shared/TOOLCHAIN.md): Trunk 0.22 needs a newer rustc, so
# 0.21.14 is used; wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock
# and installs only without --locked; Debian's wasm-opt (108) breaks release builds,
# so wasm-opt comes from npm's binaryen (132); Chromium comes from Debian.

ci_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(dirname "$ci_dir")"
TRUNK_VERSION=0.21.14

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs an npm project's locked packages, unless the same lockfile was installed.
npm_install() {
  local dir="$1" want have
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  have="$(cat "$dir/node_modules/.lock-sha256" 2>/dev/null || true)"
  if [ "$want" != "$have" ]; then
    log "npm ci in ${dir#"$repo_root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund)
    echo "$want" > "$dir/node_modules/.lock-sha256"
  fi
}

wasm_bindgen_locked_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo_root/Cargo.lock"
}

setup_build() {
  if ! cargo clippy --version >/dev/null 2>&1; then
    log "adding clippy"
    rustup component add clippy
  fi
  if ! cargo fmt --version >/dev/null 2>&1; then
    log "adding rustfmt"
    rustup component add rustfmt
  fi
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wbg
  wbg="$(wasm_bindgen_locked_version)"
  if ! grep -q "wasm_bindgen = \"$wbg\"" "$repo_root/Trunk.toml"; then
    echo "Trunk.toml [tools] wasm_bindgen must be \"$wbg\", the version in Cargo.lock" >&2
    return 1
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg"; then
    log "installing wasm-bindgen-cli $wbg (about 3 minutes)"
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  npm_install "$ci_dir/tools"
  export PATH="$ci_dir/tools/node_modules/.bin:$PATH"
}

setup_browser_tests() {
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    log "installing Chromium and Japanese fonts from Debian"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk
  fi
  npm_install "$repo_root/tests/e2e"
}
