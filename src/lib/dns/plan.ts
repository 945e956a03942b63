/**
 * Options → a checked plan (normalized names and addresses) plus diagnostics. Every diagnostic about an input names
 * the option key in `path`. Pure and total: any strings in, never an exception.
 */
import { checkBaseDomain } from '../core/domain';
import { error, info, warning, type Diagnostic } from '../core';
import { defaultInternalDnsOptions, DNS_SERVERS, type DnsServer, type InternalDnsOptions } from './options';
import {
  depthBelow,
  excerpt,
  isHostName,
  isIPv6,
  isLoopback,
  isTailnetV4,
  isUnder,
  normalizeName,
  parseIPv4,
  parseNameList,
} from './names';
import { loginNameDiagnostics } from './login-names';

/** An internal name: exactly `name`, or (`wildcard`) `name` and every name below it. */
export interface InternalEntry {
  name: string;
  wildcard: boolean;
}

export interface Plan {
  server: DnsServer;
  domain: string;
  /** The FQDN where internal names live (equals `domain` for the whole domain). */
  zone: string;
  wholeDomain: boolean;
  serverIp: string;
  tailnetIp: string;
  /** No internal names listed: one wildcard for the zone. */
  zoneWildcard: boolean;
  entries: InternalEntry[];
  /** Public names, all under the domain. */
  publicNames: string[];
  /** Public names an internal entry would catch: each gets an exception that forwards it upstream. */
  exceptions: string[];
  upstreams: string[];
}

/** Most names and diagnostics per field a plan takes; more is certainly a paste accident. */
const MAX_ITEMS = 500;
const MAX_PER_CODE = 5;

type Key = keyof InternalDnsOptions;

class Report {
  readonly list: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();
  add(d: Diagnostic): void {
    const k = `${d.code}|${d.path ?? ''}`;
    const n = (this.counts.get(k) ?? 0) + 1;
    this.counts.set(k, n);
    if (n <= MAX_PER_CODE) this.list.push(d);
  }
  err(path: Key, code: string, message: string, fix?: string): void {
    this.add(error(code, message, fix === undefined ? { path } : { path, fix }));
  }
  warn(path: Key, code: string, message: string, fix?: string): void {
    this.add(warning(code, message, fix === undefined ? { path } : { path, fix }));
  }
  note(path: Key, code: string, message: string): void {
    this.add(info(code, message, { path }));
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const q = (s: string) => `“${excerpt(s)}”`;

function checkDomain(raw: string, r: Report): string | undefined {
  const d = normalizeName(raw);
  if (d === '') return (r.err('domain', 'domain-missing', 'Enter the domain you own, such as example.com.'), undefined);
  const bare = d
    .replace(/^[a-z]+:\/\//u, '')
    .replace(/^\*\./u, '')
    .replace(/\/.*$/u, '');
  if (bare !== d && isHostName(bare, 2)) {
    r.err('domain', 'domain-invalid', `Enter only the domain name, ${bare}, without a scheme, path or wildcard.`, bare);
    return undefined;
  }
  // The one verdict on a base domain (src/lib/core/domain.ts: Authelia's cookie-domain rule), the same in every builder.
  const verdict = checkBaseDomain(raw, 'domain').find((x) => x.severity === 'error');
  if (verdict) {
    r.err('domain', 'domain-invalid', verdict.message, verdict.fix);
    return undefined;
  }
  if (!isHostName(d, 2) || /^\d+$/u.test(d.split('.').pop() ?? '')) {
    r.err(
      'domain',
      'domain-invalid',
      `${q(raw)} is not a domain name: use two or more labels of letters, digits and hyphens, such as example.com.`,
    );
    return undefined;
  }
  const tld = d.split('.').pop();
  if (tld === 'local')
    r.warn(
      'domain',
      'domain-mdns',
      `.local belongs to multicast DNS (mDNS, RFC 6762): Apple devices, Android and Linux send .local names to mDNS instead of your DNS server, and no certificate authority issues certificates for it. Use a domain you own.`,
    );
  if (tld === 'lan')
    r.warn(
      'domain',
      'domain-lan',
      `.lan is not a reserved name and could be sold as a real top-level domain one day, and no public certificate authority issues certificates for it. Use a domain you own, or home.arpa for names without certificates.`,
    );
  return d;
}

function checkZone(raw: string, domain: string, r: Report): string | undefined {
  let z = normalizeName(raw);
  if (z === domain || z === '') return domain;
  if (z.endsWith(`.${domain}`)) z = z.slice(0, -(domain.length + 1));
  if (z.startsWith('*.')) {
    r.err('zone', 'zone-invalid', 'Enter the zone without a wildcard, such as home; the wildcard is added for you.', z.slice(2));
    return undefined;
  }
  const fqdn = `${z}.${domain}`;
  if (!isHostName(fqdn, 2)) {
    r.err('zone', 'zone-invalid', `${q(raw)} is not a subdomain label: use letters, digits and hyphens, such as home.`);
    return undefined;
  }
  return fqdn;
}

function checkIp(key: 'serverIp' | 'tailnetIp', raw: string, r: Report): string | undefined {
  const ip = raw.trim();
  if (key === 'tailnetIp') {
    if (ip === '') return '';
    if (!isTailnetV4(ip)) {
      r.err(
        key,
        'tailnet-ip-invalid',
        `${q(ip)} is not a tailnet IPv4 address: Tailscale and Headscale hand out addresses in 100.64.0.0/10, such as 100.101.102.103. Leave the field empty if the proxy is not in the tailnet.`,
      );
      return undefined;
    }
    return ip;
  }
  if (ip === '') return (r.err(key, 'server-ip-missing', "Enter the proxy's LAN IPv4 address, such as 192.168.1.10."), undefined);
  const v4 = parseIPv4(ip);
  if (!v4) {
    const why = isIPv6(ip)
      ? 'This builder answers with an IPv4 address; enter the IPv4 one'
      : 'Enter four numbers 0–255 separated by dots';
    r.err(key, 'server-ip-invalid', `${q(ip)} is not an IPv4 address. ${why}, such as 192.168.1.10.`);
    return undefined;
  }
  if (v4[0] === 127 || v4[0] === 0 || v4[0] >= 224) {
    r.err(
      key,
      'server-ip-unusable',
      `${ip} cannot be the proxy's address: every device would look for the proxy on itself (or nowhere). Enter its LAN address.`,
    );
    return undefined;
  }
  if (isTailnetV4(ip))
    r.warn(
      key,
      'server-ip-tailnet',
      `${ip} is a tailnet address, which devices at home without Tailscale cannot reach. Enter the proxy's LAN address here and this one under the tailnet address.`,
    );
  return ip;
}

function checkUpstreams(raw: string, serverIp: string | undefined, tailnetIp: string | undefined, r: Report): string[] {
  const out: string[] = [];
  for (const item of parseNameList(raw).slice(0, MAX_ITEMS)) {
    if (!parseIPv4(item) && !isIPv6(item)) {
      r.err(
        'upstreams',
        'upstream-invalid',
        `${q(item)} is not an IP address. List upstream resolvers by address, such as 9.9.9.9; set DNS-over-TLS or DNS-over-HTTPS in the server itself.`,
      );
      continue;
    }
    if (isLoopback(item))
      r.warn(
        'upstreams',
        'upstream-loopback',
        `${item} is a loopback address: the server would ask itself (or another resolver on the same machine) and a loop leaves every outside name unanswered.`,
      );
    else if (item === serverIp || (tailnetIp && item === tailnetIp))
      r.warn(
        'upstreams',
        'upstream-self',
        `${item} is this setup's own address: a server that forwards to itself loops and never answers outside names. List a public resolver such as 9.9.9.9.`,
      );
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function parseInternal(raw: string, domain: string, zone: string, r: Report): InternalEntry[] {
  const items = parseNameList(raw);
  if (items.length > MAX_ITEMS)
    r.err(
      'internalNames',
      'too-many-names',
      `More than ${MAX_ITEMS} internal names; use the wildcard (leave the field empty) instead.`,
    );
  const entries: InternalEntry[] = [];
  const seen = new Set<string>();
  for (const item of items.slice(0, MAX_ITEMS)) {
    const n = normalizeName(item);
    const wildcard = n === '*' || n.startsWith('*.');
    const base = wildcard ? n.slice(2) : n;
    let name: string;
    if (base === '') name = zone;
    else if (isUnder(base, zone)) name = base;
    else if (isUnder(base, domain)) {
      r.err(
        'internalNames',
        'internal-outside-zone',
        `${q(item)} is not under ${zone}, where internal names live. Move it into the zone or set the zone to the whole domain.`,
      );
      continue;
    } else name = `${base}.${zone}`;
    if (base.includes('*') || !isHostName(name, 2)) {
      r.err(
        'internalNames',
        'internal-invalid',
        `${q(item)} is not a valid name: use labels of letters, digits and hyphens, optionally starting with *. for a wildcard.`,
      );
      continue;
    }
    const key = `${wildcard ? '*' : ''}${name}`;
    if (seen.has(key)) {
      r.err('internalNames', 'internal-overlap', `${excerpt(name)} is listed twice under internal names.`);
      continue;
    }
    seen.add(key);
    entries.push({ name, wildcard });
  }
  // A name already covered by a listed wildcard (or by itself as a wildcard) overlaps.
  const wild = new Set(entries.filter((e) => e.wildcard).map((e) => e.name));
  const kept: InternalEntry[] = [];
  for (const e of entries) {
    const labels = e.name.split('.');
    const start = e.wildcard ? 1 : 0;
    const cover = labels
      .map((_, i) => labels.slice(i).join('.'))
      .slice(start)
      .find((a) => wild.has(a) && a.length >= zone.length);
    if (cover !== undefined && !(e.wildcard && cover === e.name)) {
      r.err(
        'internalNames',
        'internal-overlap',
        `${excerpt(e.name)} is already covered by the wildcard *.${excerpt(cover)} in the same list; remove one of them.`,
      );
      continue;
    }
    kept.push(e);
  }
  for (const e of kept) {
    const depth = depthBelow(e.name, zone);
    if (e.wildcard && depth >= 1)
      r.warn(
        'internalNames',
        'wildcard-below-zone',
        `*.${excerpt(e.name)} is ${depth} label${depth > 1 ? 's' : ''} below ${zone}: a certificate for *.${zone} covers exactly one label, so its names need a certificate for *.${excerpt(e.name)} as well.`,
      );
    else if (!e.wildcard && depth >= 2)
      r.warn(
        'internalNames',
        'name-beyond-wildcard',
        `${excerpt(e.name)} is ${depth} labels below ${zone}: a wildcard certificate for *.${zone} covers exactly one label, so this name needs its own certificate. A single label, such as ${excerpt(e.name.split('.')[0] ?? '')}.${zone}, avoids that.`,
      );
    else if (!e.wildcard && depth === 0)
      r.note(
        'internalNames',
        'name-is-zone',
        `${zone} itself is an internal name: request the certificate for ${zone} as well as *.${zone}, because a wildcard does not cover the name it stands on.`,
      );
  }
  return kept;
}

function parsePublic(
  raw: string,
  domain: string,
  entries: InternalEntry[],
  server: DnsServer,
  r: Report,
): { names: string[]; exceptions: string[] } {
  const names: string[] = [];
  const exceptions: string[] = [];
  const exact = new Set(entries.filter((e) => !e.wildcard).map((e) => e.name));
  const items = parseNameList(raw);
  if (items.length > MAX_ITEMS)
    r.err('publicNames', 'too-many-names', `More than ${MAX_ITEMS} public names; only the first ${MAX_ITEMS} are used.`);
  for (const item of items.slice(0, MAX_ITEMS)) {
    const n = normalizeName(item);
    if (n.includes('*')) {
      r.err(
        'publicNames',
        'public-wildcard',
        `${q(item)} is a wildcard: list public names exactly, one by one, such as blog.${domain}.`,
      );
      continue;
    }
    if (!isHostName(n, 2)) {
      r.err('publicNames', 'public-invalid', `${q(item)} is not a full domain name such as blog.${domain}.`);
      continue;
    }
    if (!isUnder(n, domain)) {
      r.err(
        'publicNames',
        'public-outside-domain',
        `${excerpt(n)} is not under ${domain}: it is not affected by internal names for ${domain}, so leave it out (or check the domain for a typo).`,
      );
      continue;
    }
    if (names.includes(n)) {
      r.err('publicNames', 'public-overlap', `${excerpt(n)} is listed twice under public names.`);
      continue;
    }
    if (exact.has(n)) {
      r.err(
        'publicNames',
        'public-overlap',
        `${excerpt(n)} is both an internal and a public name; a name can only answer one way. Remove it from one of the lists.`,
      );
      continue;
    }
    names.push(n);
    const by = entries.find((e) => isUnder(n, e.name));
    if (by) {
      exceptions.push(n);
      if (server === 'unbound' && by.wildcard && by.name === n) {
        r.warn(
          'publicNames',
          'public-under-wildcard',
          `${excerpt(n)} is the name the wildcard stands on: Unbound's redirect zone answers it with the proxy too and cannot make an exception for it. Use a subdomain for internal names, or another server (dnsmasq, Pi-hole, AdGuard Home and Technitium can).`,
        );
        continue;
      }
      r.note(
        'publicNames',
        'public-exception',
        `${excerpt(n)} lies under the internal ${by.wildcard ? `wildcard *.${excerpt(by.name)}` : `name ${excerpt(by.name)}`}; the files add an exception so it keeps resolving publicly. checks.sh verifies that.`,
      );
    }
  }
  return { names, exceptions };
}

/** The entry is a wildcard whose own name is public: only the names below it are internal. */
export function apexIsPublic(plan: Plan, e: InternalEntry): boolean {
  return e.wildcard && plan.exceptions.includes(e.name);
}

export function buildPlan(input: Partial<InternalDnsOptions>): { plan?: Plan; diagnostics: Diagnostic[] } {
  const o = input && typeof input === 'object' ? input : {};
  const r = new Report();
  const server: DnsServer = DNS_SERVERS.includes(o.server as DnsServer)
    ? (o.server as DnsServer)
    : defaultInternalDnsOptions.server;
  const domain = checkDomain(str(o.domain), r);
  const zone = domain === undefined ? undefined : checkZone(str(o.zone), domain, r);
  const serverIp = checkIp('serverIp', str(o.serverIp), r);
  const tailnetIp = checkIp('tailnetIp', str(o.tailnetIp), r);
  const upstreams = checkUpstreams(str(o.upstreams), serverIp, tailnetIp, r);
  if (domain === undefined || zone === undefined) return { diagnostics: r.list };
  const zoneWildcard = parseNameList(str(o.internalNames)).length === 0;
  const entries = zoneWildcard ? [{ name: zone, wildcard: true }] : parseInternal(str(o.internalNames), domain, zone, r);
  const { names, exceptions } = parsePublic(str(o.publicNames), domain, entries, server, r);
  for (const d of loginNameDiagnostics(zone, entries, names)) r.add(d);
  if (zoneWildcard && zone === domain)
    r.warn(
      'zone',
      'zone-whole-domain',
      `A wildcard for all of ${domain} sends every name not listed under public names to the proxy, including public names you add later. An internal subdomain such as home.${domain} keeps public names out of it.`,
      'home',
    );
  if (serverIp === undefined || tailnetIp === undefined || r.list.some((d) => d.severity === 'error'))
    return { diagnostics: r.list };
  const plan: Plan = {
    server,
    domain,
    zone,
    wholeDomain: zone === domain,
    serverIp,
    tailnetIp,
    zoneWildcard,
    entries,
    publicNames: names,
    exceptions,
    upstreams,
  };
  return { plan, diagnostics: r.list };
}
