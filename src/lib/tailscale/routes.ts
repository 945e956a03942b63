/**
 * `--advertise-routes` checked the way the tailscale CLI checks it (`netutil.CalcAdvertiseRoutes`,
 * https://github.com/tailscale/tailscale/blob/18f65b97798836f82cdf23f5b6aec16f1c5f08c3/net/netutil/routes.go#L40-L87),
 * with the CLI's own messages, plus corrected values the UI can offer.
 */
import { error, info, type Diagnostic } from '../core';
import { VIA_MAX_SITE_ID, VIA_MIN_BITS } from './facts';
import { goQuote } from '../core/quote';
import {
  compareRoutes,
  formatPrefix,
  masked,
  mustParsePrefix,
  parseAddr,
  parsePrefix,
  prefixKey,
  samePrefix,
  type Prefix,
} from '../core/ip/go-netip';
import { routeWarnings } from './route-warnings';
import { isValidSiteId, isViaPrefix, viaRouteOf, viaSiteId } from './via';

export interface ParsedRoutes {
  /**
   * Canonical prefixes (as the CLI prints them), duplicates removed, sorted by prefix length then address.
   * When `diagnostics` holds an error the CLI rejects the whole value; `routes` then lists only the entries that passed.
   */
  routes: string[];
  diagnostics: Diagnostic[];
}

type ElementCheck =
  | { ok: true; prefix: Prefix }
  | { ok: false; code: string; cliText: string; explanation: string; kind: 'syntax' | 'host-bits' | 'via' };

const ALL_V4 = mustParsePrefix('0.0.0.0/0');
const ALL_V6 = mustParsePrefix('::/0');

function checkVia(p: Prefix): ElementCheck | undefined {
  const text = formatPrefix(p);
  if (p.bits < VIA_MIN_BITS) {
    return {
      ok: false,
      code: 'route-via-too-short',
      kind: 'via',
      cliText: `${text} 4-in-6 prefix must be at least a /${VIA_MIN_BITS}`,
      explanation:
        'A 4via6 route is 64 bits of fd7a:115c:a1e0:b1a, a 32-bit site ID and an IPv4 network, so its length is the IPv4 length plus 96.',
    };
  }
  const id = viaSiteId(p);
  if (id > VIA_MAX_SITE_ID) {
    return {
      ok: false,
      code: 'route-via-site-id',
      kind: 'via',
      cliText: `route ${text} contains invalid site ID ${id.toString(16).padStart(8, '0')}; must be 0xffff or less`,
      explanation: 'Pick a site ID from 0 to 65535; `tailscale debug via <site-id> <IPv4 CIDR>` prints the matching route.',
    };
  }
  return undefined;
}

/** One comma-separated element, exactly as `CalcAdvertiseRoutes` checks it inside its loop. */
export function checkElement(s: string): ElementCheck {
  const p = parsePrefix(s);
  if (!p) {
    return {
      ok: false,
      code: 'route-invalid',
      kind: 'syntax',
      cliText: `${goQuote(s)} is not a valid IP address or CIDR prefix`,
      explanation: describeInvalid(s),
    };
  }
  const m = masked(p);
  if (!samePrefix(p, m)) {
    return {
      ok: false,
      code: 'route-host-bits',
      kind: 'host-bits',
      cliText: `${formatPrefix(p)} has non-address bits set; expected ${formatPrefix(m)}`,
      explanation: `A /${p.bits} route names a network, so every address bit after the first ${p.bits} must be zero.`,
    };
  }
  return (isViaPrefix(p) && checkVia(p)) || { ok: true, prefix: p };
}

function describeLength(len: string, family: 4 | 6 | undefined): string {
  if (/^0[0-9]/.test(len)) return 'The prefix length must not start with a zero (write /8, not /08).';
  if (!/^[0-9]+$/.test(len)) return 'The part after the slash must be a prefix length: a whole number such as 24.';
  if (family === 4) return 'An IPv4 prefix length must be from 0 to 32.';
  return 'An IPv6 prefix length must be from 0 to 128.';
}

function describeAddress(a: string): string {
  if (/^[0-9.]+$/.test(a)) {
    if (a.split('.').some((f) => /^0[0-9]/.test(f)))
      return 'IPv4 numbers must not have leading zeros (write 192.168.1.0, not 192.168.01.0).';
    if (a.split('.').some((f) => Number(f) > 255)) return 'Each of the four IPv4 numbers must be from 0 to 255.';
    if (a.split('.').length !== 4) return 'An IPv4 address has exactly four numbers separated by dots.';
  }
  return `${a === '' ? 'The address is missing' : `${a} is not an IPv4 or IPv6 address`}; write each route as address/length, e.g. 192.168.1.0/24.`;
}

function describeInvalid(s: string): string {
  if (s === '') return 'An empty entry comes from a comma at the start or end, or two commas in a row; remove it.';
  if (/\s/.test(s)) return 'Routes are separated by commas only, with no spaces, e.g. 10.0.0.0/24,192.168.1.0/24.';
  if (s.includes(';')) return 'Separate routes with commas, not semicolons.';
  if (s.includes('%')) return 'A route cannot carry an IPv6 zone (the %eth0 part); leave it out.';
  if (/^[0-9.]+-[0-9.]+$/.test(s)) {
    return 'Address ranges are not accepted; write the network in CIDR form instead, e.g. 192.168.1.0/24 for 192.168.1.1-254.';
  }
  const slash = s.lastIndexOf('/');
  if (slash < 0) {
    const addr = parseAddr(s);
    if (addr) {
      return `A route needs a prefix length, even for one host: write /${addr.family === 4 ? 32 : 128} for this single address, or the whole network such as 192.168.1.0/24.`;
    }
    return describeAddress(s);
  }
  const addr = parseAddr(s.slice(0, slash));
  if (!addr) return describeAddress(s.slice(0, slash));
  return describeLength(s.slice(slash + 1), addr.family);
}

/** `192.168.1.1-254` or `192.168.1.1-192.168.1.254` → the smallest prefix that covers the range. */
function rangeToPrefix(t: string): string | undefined {
  const m = /^(\d+\.\d+\.\d+\.)(\d+)-(\d+(?:\.\d+\.\d+\.\d+)?)$/.exec(t);
  if (!m) return undefined;
  const start = parseAddr(`${m[1]}${m[2]}`);
  const end = parseAddr(m[3]?.includes('.') ? m[3] : `${m[1]}${m[3]}`);
  if (!start || !end || start.family !== 4 || end.family !== 4) return undefined;
  const toInt = (b: number[]) => b.reduce((acc, x) => acc * 256 + x, 0);
  const a = toInt(start.bytes);
  const z = toInt(end.bytes);
  if (z < a) return undefined;
  let bits = 32;
  while (bits > 0 && Math.floor(a / 2 ** (32 - bits)) !== Math.floor(z / 2 ** (32 - bits))) bits--;
  return formatPrefix(masked({ addr: start, bits }));
}

function defaultLength(addrText: string): string | undefined {
  const addr = parseAddr(addrText);
  if (!addr) return undefined;
  if (addr.family === 6) return '128';
  return addr.bytes[3] === 0 ? '24' : '32';
}

/** A corrected element for a typo the CLI rejects (zone, leading zeros, missing length, range, host bits). */
function repairOne(t: string): string | undefined {
  const fromRange = rangeToPrefix(t);
  if (fromRange) return fromRange;
  const noZone = t.replace(/%[^/]*/, '');
  const slash = noZone.lastIndexOf('/');
  let addrText = slash < 0 ? noZone : noZone.slice(0, slash);
  if (/^[0-9.]+$/.test(addrText)) addrText = addrText.replace(/(^|\.)0+(?=\d)/g, '$1');
  const len = slash < 0 ? defaultLength(addrText) : noZone.slice(slash + 1).replace(/^0+(?=\d)/, '');
  const p = parsePrefix(`${addrText}/${len ?? ''}`);
  if (!p) return undefined;
  const fixed = formatPrefix(masked(p));
  return checkElement(fixed).ok ? fixed : undefined;
}

/** The element's replacement: a string, `null` to drop it, undefined when no safe correction exists. */
function suggestElementFix(s: string, check: ElementCheck): string | null | undefined {
  if (check.ok) return s;
  if (check.kind === 'via') return undefined;
  if (s === '') return null;
  const squeezed = repairOne(s.replace(/\s+/g, ''));
  if (squeezed) return squeezed;
  const pieces = s.split(/[;\s]+/).filter((x) => x !== '');
  const repaired = pieces.map((x) => (checkElement(x).ok ? x : repairOne(x)));
  return repaired.every((x) => x !== undefined) && repaired.length > 0 ? repaired.join(',') : undefined;
}

/** The field value with one element replaced (or dropped); adds the missing half of the 0.0.0.0/0 + ::/0 pair. */
function replaceElement(elements: string[], index: number, replacement: string | null): string {
  const out = elements.flatMap((e, i) => (i !== index ? [e] : replacement === null ? [] : [replacement]));
  const canonical = out.flatMap((e) => e.split(',')).map((e) => checkElement(e));
  const has = (p: Prefix) => canonical.some((c) => c.ok && samePrefix(c.prefix, p));
  if (has(ALL_V4) && !has(ALL_V6)) out.push('::/0');
  if (has(ALL_V6) && !has(ALL_V4)) out.push('0.0.0.0/0');
  return out.join(',');
}

function columnOf(elements: string[], index: number): number {
  return elements.slice(0, index).reduce((col, e) => col + e.length + 1, 1);
}

function elementDiagnostic(elements: string[], index: number, check: ElementCheck, path: string): Diagnostic | undefined {
  if (check.ok) return undefined;
  const s = elements[index] ?? '';
  const replacement = suggestElementFix(s, check);
  const fix = replacement === undefined ? undefined : replaceElement(elements, index, replacement);
  return error(check.code, `${check.cliText}. ${check.explanation}`, {
    path,
    column: columnOf(elements, index),
    ...(fix !== undefined ? { fix } : {}),
  });
}

function defaultPairDiagnostics(value: string, has4: boolean, has6: boolean, path: string): Diagnostic[] {
  if (has4 && !has6) {
    const text = '0.0.0.0/0 advertised without its IPv6 counterpart, please also advertise ::/0';
    return [
      error('route-default-unpaired', `${text}. Both together make this device an exit node (--advertise-exit-node).`, {
        path,
        fix: `${value},::/0`,
      }),
    ];
  }
  if (has6 && !has4) {
    const text = '::/0 advertised without its IPv4 counterpart, please also advertise 0.0.0.0/0';
    return [
      error('route-default-unpaired', `${text}. Both together make this device an exit node (--advertise-exit-node).`, {
        path,
        fix: `${value},0.0.0.0/0`,
      }),
    ];
  }
  if (has4 && has6) {
    return [
      info(
        'route-exit-pair',
        '0.0.0.0/0 and ::/0 together make this device an exit node, the same as --advertise-exit-node; that flag says it more clearly.',
        {
          path,
        },
      ),
    ];
  }
  return [];
}

function dedupeAndSort(prefixes: Prefix[]): Prefix[] {
  const unique = new Map<string, Prefix>();
  for (const p of prefixes) if (!unique.has(prefixKey(p))) unique.set(prefixKey(p), p);
  return [...unique.values()].sort(compareRoutes);
}

/**
 * Checks a `--advertise-routes` value exactly as the tailscale CLI does: split on commas without trimming, every
 * element a canonical prefix, the 4via6 rules, `0.0.0.0/0` and `::/0` only together. Where the CLI stops at the first
 * error, every failing element gets its own error here (with the CLI's message and, where possible, a `fix` holding the
 * whole field value with that element corrected). Warnings go beyond the CLI. Never throws.
 */
export function parseAdvertiseRoutes(value: string, path = 'routes'): ParsedRoutes {
  if (value === '') return { routes: [], diagnostics: [] };
  const elements = value.split(',');
  const checks = elements.map((s) => checkElement(s));
  const diagnostics = checks.flatMap((c, i) => elementDiagnostic(elements, i, c, path) ?? []);
  const accepted = dedupeAndSort(checks.flatMap((c) => (c.ok ? [c.prefix] : [])));
  const has4 = accepted.some((p) => samePrefix(p, ALL_V4));
  const has6 = accepted.some((p) => samePrefix(p, ALL_V6));
  diagnostics.push(...defaultPairDiagnostics(value, has4, has6, path));
  const routes = has4 === has6 ? accepted : accepted.filter((p) => !samePrefix(p, ALL_V4) && !samePrefix(p, ALL_V6));
  diagnostics.push(...routeWarnings(routes, path));
  return { routes: routes.map(formatPrefix), diagnostics };
}

/** True for `0.0.0.0/0` and `::/0` (the exit-node routes). */
export function isDefaultRoute(route: string): boolean {
  return route === '0.0.0.0/0' || route === '::/0';
}

/**
 * The 4via6 route for an IPv4 network at a site, as `tailscale debug via <site-id> <v4-cidr>` prints it
 * (site 7 + 192.168.1.0/24 → fd7a:115c:a1e0:b1a:0:7:c0a8:100/120). Undefined for a bad site ID or prefix.
 */
export function toViaRoute(site: number, ipv4Cidr: string): string | undefined {
  const p = parsePrefix(ipv4Cidr);
  if (!p || p.addr.family !== 4 || !isValidSiteId(site)) return undefined;
  return viaRouteOf(p, site);
}
