#!/usr/bin/env bash
# Installs, builds the site, indexes it for search and serves it locally.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
bash scripts/install.sh
npm run --silent build
port=${PORT:-4321}
echo
echo "Site ready: http://127.0.0.1:${port}/  (Ctrl+C to stop)"
exec npx astro preview --host 127.0.0.1 --port "$port"
