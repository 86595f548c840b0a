#!/usr/bin/env bash
# Builds ABM Planner and serves it at http://127.0.0.1:8080/ (PORT overrides),
# rebuilding when sources change. Installs missing tools first.
# Rebuilds use the quick `dev-web` profile (1–3 minutes after the first build);
# RELEASE=1 serves what ships instead (about 8 minutes a build).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build
cd "$repo_root"
if [ "${RELEASE:-}" = 1 ]; then profile=(--release); else profile=(--cargo-profile dev-web); fi
exec trunk serve "${profile[@]}" --address 127.0.0.1 --port "${PORT:-8080}" --disable-address-lookup
