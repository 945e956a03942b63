/**
 * Checks beyond the tailscale CLI (it accepts all of these): routes that collide with Tailscale's own ranges, with
 * each other, with the networks of hotels and cafés, and ranges that are not a private LAN.
 */
import { info, warning, type Diagnostic } from '../core';
import {
  COMMON_HOME_RANGES,
  IPV6_GLOBAL_UNICAST,
  PRIVATE_RANGES,
  SPECIAL_RANGES,
  TAILSCALE_IPV4_RANGE,
  TAILSCALE_IPV6_RANGE,
} from './facts';
import { containsPrefix, formatPrefix, masked, mustParsePrefix, overlaps, prefixKey, type Prefix } from '../core/ip/go-netip';
import { isViaPrefix, viaRouteOf } from './via';

const TS_RANGES = [TAILSCALE_IPV4_RANGE, TAILSCALE_IPV6_RANGE].map(mustParsePrefix);
const HOME = COMMON_HOME_RANGES.map(mustParsePrefix);
const PRIVATE = PRIVATE_RANGES.map(mustParsePrefix);
const SPECIAL = SPECIAL_RANGES.map((s) => ({ prefix: mustParsePrefix(s.prefix), name: s.name }));
const GLOBAL6 = mustParsePrefix(IPV6_GLOBAL_UNICAST);
const EXAMPLE_SITE = 7;

function isDefault(p: Prefix): boolean {
  return p.bits === 0;
}

/** "<route> is" / "<route> includes <range>," / "<route> lies inside <range>," — the start of a warning sentence. */
function relate(route: Prefix, range: Prefix): string {
  const r = formatPrefix(route);
  if (route.bits === range.bits) return `${r} is`;
  return `${r} ${containsPrefix(route, range) ? 'includes' : 'lies inside'} ${formatPrefix(range)},`;
}

function tailscaleRangeWarning(p: Prefix, path: string): Diagnostic | undefined {
  if (isDefault(p) || isViaPrefix(p)) return undefined;
  const hit = TS_RANGES.find((r) => overlaps(r, p));
  if (!hit) return undefined;
  return warning(
    'route-tailscale-range',
    `${relate(p, hit)} the range Tailscale gives its own devices; traffic to those addresses goes to tailnet devices, not to your LAN. Renumber the LAN or advertise a range outside ${formatPrefix(hit)}.`,
    { path },
  );
}

/**
 * A warning for every advertised route inside another one. `routes` is canonical, deduplicated and sorted by length
 * (the CLI's order), so a route's containers come before it: each route is masked to every shorter length in use and
 * looked up, which keeps a thousand routes fast (a pairwise check would be a million comparisons). Warnings come in
 * the order outer route, then inner route.
 */
function overlapWarnings(routes: Prefix[], path: string): Diagnostic[] {
  const index = new Map(routes.map((p, i) => [prefixKey(p), i]));
  const lengths = [...new Set(routes.map((p) => p.bits))];
  const pairs: [number, number][] = [];
  routes.forEach((inner, j) => {
    for (const bits of lengths) {
      if (bits >= inner.bits) continue;
      const i = index.get(prefixKey(masked({ addr: inner.addr, bits })));
      if (i !== undefined && !isDefault(routes[i]!)) pairs.push([i, j]);
    }
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.map(([i, j]) =>
    warning(
      'route-overlap',
      `${formatPrefix(routes[j]!)} lies inside ${formatPrefix(routes[i]!)}, which is also advertised; the more specific route wins for its addresses, so one of the two is usually redundant.`,
      { path },
    ),
  );
}

function homeRangeWarning(p: Prefix, path: string): Diagnostic | undefined {
  if (p.addr.family !== 4 || isDefault(p)) return undefined;
  const hit = HOME.find((h) => overlaps(h, p));
  if (!hit) return undefined;
  const route = formatPrefix(p);
  // A note, not a warning: the range works at home, and the guide's own LAN is one of these. It matters only on a
  // foreign network that uses the same range, and the guide's first remedy (100.x addresses, MagicDNS) needs no change.
  return info(
    'route-common-home-range',
    `${relate(p, hit)} a range many home routers, hotels and cafés also use. On such a network the two collide and your laptop reaches only one of them. Renumber your LAN to a rarer range (e.g. 10.73.18.0/24), or advertise it as 4via6: with site ID ${EXAMPLE_SITE} the route is ${viaRouteOf(p, EXAMPLE_SITE)} (\`tailscale debug via ${EXAMPLE_SITE} ${route}\` prints it).`,
    { path },
  );
}

function publicRangeDiagnostic(p: Prefix, path: string): Diagnostic | undefined {
  if (isDefault(p) || isViaPrefix(p) || TS_RANGES.some((r) => containsPrefix(r, p))) return undefined;
  if (PRIVATE.some((r) => containsPrefix(r, p))) return undefined;
  const route = formatPrefix(p);
  const special = SPECIAL.find((s) => containsPrefix(s.prefix, p));
  if (special) {
    return warning('route-special', `${route} is ${special.name}, which is never a LAN you can route to; leave it out.`, {
      path,
    });
  }
  if (containsPrefix(GLOBAL6, p)) {
    return info(
      'route-ipv6-global',
      `${route} is global IPv6 space. That is normal for a home LAN with IPv6 from your provider, but the prefix changes if the provider reassigns it, and the route then needs updating.`,
      { path },
    );
  }
  return warning(
    'route-public',
    `${route} is not a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7). A home LAN almost always uses private addresses; advertising public addresses sends traffic for those internet hosts through this router.`,
    { path },
  );
}

/** Warnings for a list of accepted, de-duplicated routes. */
export function routeWarnings(routes: Prefix[], path: string): Diagnostic[] {
  const perRoute = routes.flatMap((p) =>
    [tailscaleRangeWarning(p, path), homeRangeWarning(p, path), publicRangeDiagnostic(p, path)].filter((d) => d !== undefined),
  );
  return [...perRoute, ...overlapWarnings(routes, path)];
}
