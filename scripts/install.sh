#!/usr/bin/env bash
# npm ci when the lockfile changed since the last install (or node_modules is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.install-stamp
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/node ]; then
  echo "node_modules up to date"
  exit 0
fi
echo "==> npm ci"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
echo "project Node: $(node_modules/.bin/node --version)"
