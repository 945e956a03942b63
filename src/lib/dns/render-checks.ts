/** `checks.sh`: dig checks with the answer each name must give, plus resolvectl and nslookup equivalents. */
import type { GeneratedFile } from '../core';
import type { Plan } from './plan';

export interface Check {
  name: string;
  /** `internal`: must answer the proxy; `public`: must not. */
  expect: 'internal' | 'public';
}

/** The names to check: every internal name, a made-up name under each wildcard, every public name. */
export function plannedChecks(plan: Plan, random = 'check-7f3a9c'): Check[] {
  const out: Check[] = [];
  for (const e of plan.entries) {
    out.push({ name: e.name, expect: plan.exceptions.includes(e.name) ? 'public' : 'internal' });
    if (e.wildcard) out.push({ name: `${random}.${e.name}`, expect: 'internal' });
  }
  for (const p of plan.publicNames) if (!out.some((c) => c.name === p)) out.push({ name: p, expect: 'public' });
  return out;
}

export function renderChecks(plan: Plan): GeneratedFile {
  const L = [
    '#!/usr/bin/env bash',
    `# Checks the internal names of ${plan.zone} against your DNS server. Run from a computer on the LAN:`,
    '#   DNS=<dns-server address> bash checks.sh        (PORT=<port> for a server on another port)',
    '# Needs dig (Debian: dnsutils). Prints one line per name and exits non-zero when any answer is wrong.',
    'set -u',
    `DNS=\${DNS:-${plan.serverIp}}`,
    'PORT=${PORT:-53}',
    `PROXY=${plan.serverIp}`,
    'failed=0',
    '',
    'answer() { dig +short +tries=2 +time=3 -p "$PORT" @"$DNS" "$1" A | grep -E "^[0-9.]+$"; }',
    'internal() {',
    '  if answer "$1" | grep -qxF "$PROXY"; then echo "ok    $1 -> $PROXY"; else echo "FAIL  $1 must answer $PROXY, got: $(answer "$1" | tr "\\n" " ")"; failed=1; fi',
    '}',
    'public() {',
    '  got=$(answer "$1" | tr "\\n" " ")',
    '  if answer "$1" | grep -qxF "$PROXY"; then echo "FAIL  $1 must keep its public address, got the proxy: $got"; failed=1; else echo "ok    $1 -> ${got:-no A record} (public)"; fi',
    '}',
    '',
  ];
  const random = 'check-$RANDOM';
  for (const c of plannedChecks(plan, random)) L.push(`${c.expect} "${c.name}"`);
  const first = plan.entries[0]?.name ?? plan.zone;
  L.push(
    '',
    '# The same by hand, on the machine you test from:',
    `#   dig +short ${first} @"$DNS"                  -> ${plan.serverIp}`,
    `#   resolvectl query ${first}                    -> ${plan.serverIp} (what systemd-resolved hands to programs)`,
    `#   nslookup ${first} "$DNS"                     -> Address: ${plan.serverIp}`,
  );
  if (plan.publicNames[0])
    L.push(`#   nslookup ${plan.publicNames[0]} "$DNS"        -> its public address, never ${plan.serverIp}`);
  L.push('exit "$failed"');
  return { name: 'checks.sh', language: 'shell', content: `${L.join('\n')}\n` };
}
