/**
 * 4via6 (https://github.com/tailscale/tailscale/blob/18f65b97798836f82cdf23f5b6aec16f1c5f08c3/net/netutil/routes.go#L16-L35): `fd7a:115c:a1e0:b1a::/64` + 32-bit site ID + 32-bit IPv4 network.
 */
import { VIA_MAX_SITE_ID, VIA_RANGE } from './facts';
import { containsPrefix, formatPrefix, masked, mustParsePrefix, type Prefix } from '../core/ip/go-netip';

const VIA = mustParsePrefix(VIA_RANGE);

/** Go `tsaddr.IsViaPrefix`: the prefix's address lies in the via range (its length does not matter). */
export function isViaPrefix(p: Prefix): boolean {
  return containsPrefix(VIA, { addr: p.addr, bits: 128 });
}

/** The site ID of a via prefix: bytes 8–11 of the address. */
export function viaSiteId(p: Prefix): number {
  const b = p.addr.bytes;
  return (((b[8] ?? 0) << 24) | ((b[9] ?? 0) << 16) | ((b[10] ?? 0) << 8) | (b[11] ?? 0)) >>> 0;
}

/** The via route for an IPv4 prefix at a site (site ≤ 0xffff; callers check). */
export function viaRouteOf(p: Prefix, site: number): string {
  const bytes = [...VIA.addr.bytes.slice(0, 8), 0, 0, (site >> 8) & 0xff, site & 0xff, ...masked(p).addr.bytes];
  return formatPrefix({ addr: { family: 6, bytes, zone: '' }, bits: p.bits + 96 });
}

export function isValidSiteId(site: number): boolean {
  return Number.isInteger(site) && site >= 0 && site <= VIA_MAX_SITE_ID;
}
