/** AdGuard Home: `filtering.rewrites` as an AdGuardHome.yaml excerpt, and the web UI steps. */
import type { GeneratedFile } from '../core';
import { SOURCES, TARGETS } from './facts';
import { apexIsPublic, type Plan } from './plan';

interface Rewrite {
  domain: string;
  answer: string;
}

/**
 * A wildcard rewrite `*.zone` matches names below the zone but not the zone itself, an exact rewrite beats a wildcard,
 * and the special answers `A` / `AAAA` keep the upstream records: that is the exception (https://github.com/AdguardTeam/AdGuardHome/blob/v0.107.69/internal/filtering/rewrites.go#L111-L130).
 */
export function adguardRewrites(plan: Plan): Rewrite[] {
  const out: Rewrite[] = [];
  for (const e of plan.entries) {
    if (e.wildcard) out.push({ domain: `*.${e.name}`, answer: plan.serverIp });
    if (!apexIsPublic(plan, e)) out.push({ domain: e.name, answer: plan.serverIp });
  }
  for (const p of plan.exceptions)
    if (!plan.entries.some((e) => e.name === p)) out.push({ domain: p, answer: 'A' }, { domain: p, answer: 'AAAA' });
  return out;
}

export function renderAdguardYaml(plan: Plan): GeneratedFile {
  const L = [
    `# Internal DNS for ${plan.domain} (${TARGETS.adguard}). Stop AdGuard Home, merge this into AdGuardHome.yaml, start it.`,
    `# Since config schema 26 the rewrites live under filtering: (${SOURCES.adguardMigration});`,
    `# the fields are domain, answer and enabled (${SOURCES.adguardRewrites}). Keep your other rewrites.`,
    'filtering:',
    '  rewrites:',
  ];
  for (const r of adguardRewrites(plan))
    L.push(`    - domain: '${r.domain}'`, `      answer: ${r.answer}`, '      enabled: true');
  if (plan.upstreams.length) {
    L.push('# Upstreams are set under dns: (Settings → DNS settings → Upstream DNS servers):', 'dns:', '  upstream_dns:');
    for (const u of plan.upstreams) L.push(`    - ${u.includes(':') ? `'${u}'` : u}`);
  }
  return { name: 'AdGuardHome.yaml', language: 'yaml', content: `${L.join('\n')}\n` };
}

export function renderAdguardSteps(plan: Plan): GeneratedFile {
  const L = [
    `# AdGuard Home: internal names for ${plan.zone}`,
    '',
    'In the AdGuard Home web interface, open **Filters → DNS rewrites** and choose **Add DNS rewrite** for each row:',
    '',
    '| Domain | Answer |',
    '| --- | --- |',
    ...adguardRewrites(plan).map((r) => `| \`${r.domain}\` | \`${r.answer}\` |`),
    '',
    'A rewrite for `*.name` does not match `name` itself, so the zone name gets its own row.',
  ];
  if (plan.exceptions.length)
    L.push(
      '',
      'The answers `A` and `AAAA` are exceptions: an exact rewrite beats the wildcard, and these answers keep the records from the upstream servers, so the public names still resolve publicly.',
    );
  if (plan.upstreams.length)
    L.push(
      '',
      `Under **Settings → DNS settings → Upstream DNS servers**, enter ${plan.upstreams.join(', ')} (one per line) and apply.`,
    );
  L.push('', 'Then run `checks.sh` from a computer on the LAN.');
  return { name: 'adguard-steps.md', language: 'markdown', content: `${L.join('\n')}\n` };
}
