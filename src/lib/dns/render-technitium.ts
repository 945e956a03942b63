/** Technitium DNS Server: `technitium-api.sh` (HTTP API calls with curl) and the web console steps. */
import type { GeneratedFile } from '../core';
import { TARGETS } from './facts';
import { apexIsPublic, type Plan } from './plan';

interface Call {
  path: string;
  params: [string, string][];
}

/**
 * A Primary zone answers authoritatively for everything under its name, so it is used only for an internal subdomain
 * with no public names inside. Otherwise (the whole domain, or public names in the zone) a Conditional Forwarder zone
 * with the forwarder `this-server` holds the internal records and resolves the rest of the zone as usual
 * (https://github.com/TechnitiumSoftware/DnsServer/blob/aa9044d4df9d739b6a6e428bb77cecb3356b775b/APIDOCS.md#L2105-L2135); each public name gets an FWD record to `this-server`, so the wildcard does not apply
 * to it (https://github.com/TechnitiumSoftware/DnsServer/blob/aa9044d4df9d739b6a6e428bb77cecb3356b775b/APIDOCS.md#L3118-L3195).
 */
export function technitiumUsesForwarderZone(plan: Plan): boolean {
  return plan.wholeDomain || plan.exceptions.length > 0;
}

export function technitiumCalls(plan: Plan): Call[] {
  const zone = plan.zone;
  const forwarder = technitiumUsesForwarderZone(plan);
  const calls: Call[] = [
    {
      path: 'zones/create',
      params: forwarder
        ? [
            ['zone', zone],
            ['type', 'Forwarder'],
            ['initializeForwarder', 'true'],
            ['protocol', 'Udp'],
            ['forwarder', 'this-server'],
          ]
        : [
            ['zone', zone],
            ['type', 'Primary'],
          ],
    },
  ];
  const a = (domain: string): Call => ({
    path: 'zones/records/add',
    params: [
      ['zone', zone],
      ['domain', domain],
      ['type', 'A'],
      ['ipAddress', plan.serverIp],
    ],
  });
  for (const e of plan.entries) {
    if (e.wildcard) calls.push(a(`*.${e.name}`));
    if (!apexIsPublic(plan, e)) calls.push(a(e.name));
  }
  // The zone name of a Forwarder zone already has its FWD record (initializeForwarder).
  for (const p of plan.exceptions.filter((x) => x !== zone))
    calls.push({
      path: 'zones/records/add',
      params: [
        ['zone', zone],
        ['domain', p],
        ['type', 'FWD'],
        ['protocol', 'Udp'],
        ['forwarder', 'this-server'],
      ],
    });
  return calls;
}

export function renderTechnitiumScript(plan: Plan): GeneratedFile {
  const L = [
    '#!/bin/sh',
    `# Internal DNS for ${plan.domain} in ${TARGETS.technitium}, through its HTTP API.`,
    '# Create an API token first (Administration → Sessions → Create Token), then run:',
    '#   TOKEN=... sh technitium-api.sh        (TECHNITIUM_URL overrides the console address)',
    '# The token travels in the POST body, never in the URL, and is never printed.',
    'set -eu',
    ': "${TOKEN:?Set TOKEN to a Technitium API token first}"',
    `URL="\${TECHNITIUM_URL:-http://${plan.serverIp}:5380}"`,
    '',
    'api() {',
    '  path=$1',
    '  shift',
    '  response=$(curl -fsS "$URL/api/$path" --data-urlencode "token=$TOKEN" "$@") || exit 1',
    '  case "$response" in',
    '    *\'"status":"ok"\'*) echo "ok: $path" ;;',
    '    *) echo "failed: $path: $response" >&2 && exit 1 ;;',
    '  esac',
    '}',
    '',
  ];
  for (const c of technitiumCalls(plan))
    L.push(`api ${c.path} ${c.params.map(([k, v]) => `--data-urlencode '${k}=${v}'`).join(' ')}`);
  return { name: 'technitium-api.sh', language: 'shell', content: `${L.join('\n')}\n` };
}

export function renderTechnitiumSteps(plan: Plan): GeneratedFile {
  const forwarder = technitiumUsesForwarderZone(plan);
  const L = [`# Technitium DNS Server: internal names for ${plan.zone}`, '', 'In the web console (port 5380):', ''];
  if (forwarder)
    L.push(
      `1. **Zones → Add Zone**: zone \`${plan.zone}\`, type **Conditional Forwarder Zone**, forwarder \`this-server\` (protocol UDP). Names you add records for are answered here; every other name in the zone resolves as usual.`,
    );
  else
    L.push(
      `1. **Zones → Add Zone**: zone \`${plan.zone}\`, type **Primary Zone**. Technitium answers for this subdomain only; the rest of ${plan.domain} resolves as usual.`,
    );
  L.push('2. Open the zone and **Add Record** for each row:', '', '| Name | Type | Value |', '| --- | --- | --- |');
  for (const c of technitiumCalls(plan).slice(1)) {
    const get = (k: string) => c.params.find(([key]) => key === k)?.[1] ?? '';
    const rel = get('domain') === plan.zone ? '@' : get('domain').slice(0, -(plan.zone.length + 1));
    L.push(`| \`${rel}\` | ${get('type')} | \`${get('type') === 'FWD' ? 'this-server (UDP)' : get('ipAddress')}\` |`);
  }
  L.push('', 'An exact record always wins over the wildcard `*`.');
  if (plan.upstreams.length)
    L.push(
      '',
      `3. **Settings → Proxy & Forwarders**: enter the forwarders ${plan.upstreams.join(', ')} (or pick an encrypted one under Quick Select) and save.`,
    );
  L.push('', 'Or run `technitium-api.sh` with an API token. Then run `checks.sh` from a computer on the LAN.');
  return { name: 'technitium-steps.md', language: 'markdown', content: `${L.join('\n')}\n` };
}
