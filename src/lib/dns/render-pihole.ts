/** Pi-hole v6: the `pihole.toml` settings (`dns.upstreams`, `dns.hosts`, `misc.dnsmasq_lines`) and web UI steps. */
import type { GeneratedFile } from '../core';
import { dnsmasqLines } from './render-dnsmasq';
import { SOURCES, TARGETS } from './facts';
import type { Plan } from './plan';

const tomlArray = (items: readonly string[]) =>
  items.length ? `[\n${items.map((i) => `    ${JSON.stringify(i)},`).join('\n')}\n  ]` : '[]';

/** Exact names go to `dns.hosts` (Local DNS records, "IP HOSTNAME"); wildcards need dnsmasq lines. */
function split(plan: Plan): { hosts: string[]; lines: string[] } {
  const exact = plan.entries.filter((e) => !e.wildcard);
  const hosts = exact.map((e) => `${plan.serverIp} ${e.name}`);
  const lines = dnsmasqLines({ ...plan, entries: plan.entries.filter((e) => e.wildcard) }).names;
  return { hosts, lines };
}

export function renderPiholeToml(plan: Plan): GeneratedFile {
  const { hosts, lines } = split(plan);
  const L = [
    `# Internal DNS for ${plan.domain} (${TARGETS.pihole}): merge these keys into /etc/pihole/pihole.toml`,
    `# (keys: ${SOURCES.piholeConfig}, ${SOURCES.piholeHosts}, ${SOURCES.piholeDnsmasqLines}).`,
    '# Keep every other key of the [dns] and [misc] tables as it is; pihole-FTL reloads the file when it changes.',
    '[dns]',
  ];
  if (plan.upstreams.length) L.push(`  upstreams = ${tomlArray(plan.upstreams)}`);
  L.push(`  hosts = ${tomlArray(hosts)}`, '', '[misc]', `  dnsmasq_lines = ${tomlArray(lines)}`);
  return { name: 'pihole.toml', language: 'toml', content: `${L.join('\n')}\n` };
}

export function renderPiholeSteps(plan: Plan): GeneratedFile {
  const { hosts, lines } = split(plan);
  const L = [`# Pi-hole: internal names for ${plan.zone}`, '', 'In the Pi-hole web interface (v6):', ''];
  let n = 1;
  if (plan.upstreams.length)
    L.push(`${n++}. **Settings → DNS**: tick or enter the upstream DNS servers ${plan.upstreams.join(', ')} and save.`);
  if (hosts.length) {
    L.push(`${n++}. **Settings → Local DNS Records**: add one DNS record per name, each with the IP ${plan.serverIp}:`, '');
    for (const e of plan.entries.filter((x) => !x.wildcard)) L.push(`   - \`${e.name}\``);
    L.push('');
  }
  L.push(
    `${n++}. **Settings → All settings → Miscellaneous**: switch to **Expert** mode, find **misc.dnsmasq_lines** and enter these lines, one per line (Local DNS records take exact names only; wildcards and exceptions need dnsmasq lines):`,
    '',
    '   ```text',
    ...lines.map((l) => `   ${l}`),
    '   ```',
    '',
    `${n}. Save & Apply, then run \`checks.sh\` from a computer on the LAN.`,
  );
  if (plan.exceptions.length)
    L.push(
      '',
      `The \`server=/…/#\` lines keep ${plan.exceptions.join(', ')} on Pi-hole's upstream servers: a more specific domain wins over the \`address=\` wildcard.`,
    );
  return { name: 'pihole-steps.md', language: 'markdown', content: `${L.join('\n')}\n` };
}
