#!/usr/bin/env bash
# Builds ABM Planner and serves it at http://127.0.0.1:8080/ (PORT overrides),
# rebuilding when sources change. Installs missing tools first.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build
cd "$repo_root"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}" --disable-address-lookup
