/** dnsmasq: `homelab-dnsmasq.conf` for /etc/dnsmasq.d/ (also the source of Pi-hole's `misc.dnsmasq_lines`). */
import type { GeneratedFile } from '../core';
import { TARGETS } from './facts';
import { apexIsPublic, type InternalEntry, type Plan } from './plan';

/**
 * `local=` makes dnsmasq answer other record types (AAAA, MX, …) for a domain with "no data" instead of forwarding
 * them: since 2.86 an `address=` only answers the types its address has and sends the rest upstream
 * (https://github.com/imp/dnsmasq/blob/cb321709e9f20cd0949aa375dad2b97050394659/man/dnsmasq.8#L602-L605), where an internal-only name gets NXDOMAIN (which some clients apply to the A record too) and
 * a split-horizon name gets its public AAAA. It is right for an internal subdomain and for listed names, but not for a
 * wildcard over the whole domain: there it would also cut off MX, TXT and CAA lookups of the public domain.
 */
function wantsLocal(plan: Plan, e: InternalEntry): boolean {
  return !(e.wildcard && e.name === plan.domain);
}

export interface DnsmasqLines {
  /** The rules for names: address=, local=, server= exceptions, rebind-domain-ok=. */
  names: string[];
  /** The upstream lines (no-resolv, server=ip), empty when no upstreams are given. */
  upstreams: string[];
}

export function dnsmasqLines(plan: Plan): DnsmasqLines {
  const names: string[] = [];
  for (const e of plan.entries) {
    // `/*.name/` matches the names below `name` but not `name` itself: used when that name is public.
    const pattern = apexIsPublic(plan, e) ? `*.${e.name}` : e.name;
    names.push(`address=/${pattern}/${plan.serverIp}`);
    if (wantsLocal(plan, e)) names.push(`local=/${pattern}/`);
  }
  // `#` = "use the standard servers": the exception is forwarded like any outside name. Domains match whole labels
  // and the more specific domain wins over `address=`/`local=` for the zone (https://github.com/imp/dnsmasq/blob/cb321709e9f20cd0949aa375dad2b97050394659/man/dnsmasq.8#L517-L591).
  for (const p of plan.exceptions) if (!plan.entries.some((e) => e.name === p)) names.push(`server=/${p}/#`);
  // Routers and Pi-hole often run with stop-dns-rebind, which drops upstream answers with private addresses; exempt
  // the zone so names in it that are answered upstream (exceptions, anything not listed) keep working.
  names.push(`rebind-domain-ok=/${plan.zone}/`);
  const upstreams = plan.upstreams.length ? ['no-resolv', ...plan.upstreams.map((u) => `server=${u}`)] : [];
  return { names, upstreams };
}

export function renderDnsmasq(plan: Plan): GeneratedFile {
  const { names, upstreams } = dnsmasqLines(plan);
  const what = plan.zoneWildcard ? `${plan.zone} and every name below it` : 'the listed names';
  const lines = [
    `# Internal DNS for ${plan.domain} (${TARGETS.dnsmasq}). Save as /etc/dnsmasq.d/homelab-dnsmasq.conf and restart dnsmasq.`,
    `# ${what} answer ${plan.serverIp} (the proxy); everything else resolves as before.`,
    `# An address=/domain/ rule matches the domain and all names below it; a more specific server=/name/ wins over it.`,
    '',
    ...names,
  ];
  if (upstreams.length) {
    lines.push(
      '',
      '# Upstream resolvers, given explicitly: no-resolv stops dnsmasq from also reading /etc/resolv.conf, which on the',
      '# DNS server itself often points back at dnsmasq (a loop). Leave the upstreams field empty to keep resolv.conf.',
      ...upstreams,
    );
  } else {
    lines.push(
      '',
      '# No upstreams given: dnsmasq keeps forwarding to the servers in /etc/resolv.conf (or its own server= lines).',
    );
  }
  return { name: 'homelab-dnsmasq.conf', language: 'ini', content: `${lines.join('\n')}\n` };
}
