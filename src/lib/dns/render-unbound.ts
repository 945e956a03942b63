/**
 * Unbound: `homelab-unbound.conf` for /etc/unbound/unbound.conf.d/ with its own `server:` clause. `private-domain`
 * (https://github.com/NLnetLabs/unbound/blob/release-1.17.1/doc/unbound.conf.5.in#L1076) and `forward-zone`
 * (https://github.com/NLnetLabs/unbound/blob/release-1.17.1/doc/unbound.conf.5.in#L2027) as in unbound.conf(5).
 */
import type { GeneratedFile } from '../core';
import { SOURCES, TARGETS } from './facts';
import type { Plan } from './plan';

const quote = (s: string) => `"${s}"`;

export function renderUnbound(plan: Plan): GeneratedFile {
  const L: string[] = [
    `# Internal DNS for ${plan.domain} (${TARGETS.unbound}). Save as /etc/unbound/unbound.conf.d/homelab-unbound.conf,`,
    '# check it with unbound-checkconf and restart unbound.',
    `# local-zone types (${SOURCES.unboundConf}): redirect answers the zone and every name below it with the`,
    '# local-data of the zone name; static answers only its own local-data (other types: no data); transparent with no',
    '# local-data resolves normally. The most specific local-zone decides, so transparent zones are the exceptions.',
    'server:',
    "  # Unbound answers only localhost by default. To serve the LAN, list this machine's LAN address (the default",
    '  # localhost interface must then be listed too) and allow your LAN and tailnet:',
    '  #   interface: 127.0.0.1',
    "  #   interface: <this machine's LAN address>",
    '  #   access-control: 192.168.0.0/16 allow',
    '  #   access-control: 100.64.0.0/10 allow',
    '',
    `  # With private-address: lines (DNS-rebinding protection), private answers for ${plan.zone} stay allowed.`,
    `  private-domain: ${quote(plan.zone)}`,
  ];
  for (const e of plan.entries) {
    const type = e.wildcard ? 'redirect' : 'static';
    L.push(`  local-zone: ${quote(`${e.name}.`)} ${type}`, `  local-data: ${quote(`${e.name}. 300 IN A ${plan.serverIp}`)}`);
  }
  if (plan.wholeDomain && plan.zoneWildcard)
    L.push(`  # Note: a redirect zone for all of ${plan.domain} also answers its MX/TXT/CAA lookups with no data.`);
  // A public name that is itself a redirect zone's name cannot be excepted (the builder warns): a second local-zone for
  // the same name would replace the redirect instead.
  for (const p of plan.exceptions)
    if (!plan.entries.some((e) => e.name === p)) L.push(`  local-zone: ${quote(`${p}.`)} transparent`);
  if (plan.upstreams.length) {
    L.push('', '# Everything else goes to the upstream resolvers.', 'forward-zone:', '  name: "."');
    for (const u of plan.upstreams) L.push(`  forward-addr: ${u}`);
  } else {
    L.push('', '# No upstreams given: Unbound resolves everything else itself, starting at the root servers.');
  }
  return { name: 'homelab-unbound.conf', language: 'ini', content: `${L.join('\n')}\n` };
}
