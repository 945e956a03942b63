/**
 * Go net rules, as Authelia parses networks: IP addresses and CIDR ranges read the way Go's `net.ParseIP` /
 * `net.ParseCIDR` (through `netip.ParseAddr`) read them, and `(*net.IPNet).Contains` deciding membership. Pure: no
 * Authelia knowledge here, only Go's.
 *
 * Addresses are kept as 16 bytes (IPv4 mapped into `::ffff:0:0/96`), as Go's `net.IP` keeps them. What Go does that a
 * reader may not expect, and this module reproduces:
 * - a network is an IPv4 network when its (masked) address is IPv4-mapped — `10.0.0.0/8`, and also
 *   `::ffff:0:0/96` or any longer `::ffff:…` prefix; every other IPv6 network, `::/0` included, never contains an
 *   IPv4 client (`Contains` compares 4-byte and 16-byte forms only within one family):
 *   https://github.com/golang/go/blob/go1.26.0/src/net/ip.go (`IPNet.Contains`, `networkNumberAndMask`)
 * - a client given as `::ffff:1.2.3.4` is the IPv4 client 1.2.3.4 (`To4` succeeds).
 */

export interface IpNetwork {
  /** 16 bytes, host bits cleared; IPv4 is IPv4-mapped. */
  bytes: Uint8Array;
  /** Prefix length over the 16 bytes (an IPv4 /24 is 120). */
  bits: number;
  /** Whether Go treats it as an IPv4 network (its address is IPv4-mapped). */
  v4: boolean;
}

export interface IpAddress {
  bytes: Uint8Array;
  /** Whether Go's `To4` succeeds (IPv4, or IPv4-mapped IPv6). */
  v4: boolean;
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Go's `To4` test: the first 10 bytes zero, then 0xff 0xff. */
const isV4Mapped = (bytes: Uint8Array) => bytes.length === 16 && V4_MAPPED_PREFIX.every((value, index) => bytes[index] === value);

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    // netip.ParseAddr rejects empty fields, more than three digits and leading zeros.
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    out.push(value);
  }
  return out;
}

function parseGroups(half: string): number[] | undefined {
  if (half === '') return [];
  const out: number[] = [];
  const parts = half.split(':');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseV4(part);
      if (!v4) return undefined;
      out.push(...v4);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      const value = Number.parseInt(part, 16);
      out.push(value >> 8, value & 0xff);
    } else return undefined;
  }
  return out;
}

function parseV6(text: string): number[] | undefined {
  // A zone (`fe80::1%eth0`) makes ParseCIDR fail, and ParseIP too.
  if (text.includes('%')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  const fill = 16 - head.length - tail.length;
  if (fill < 2) return undefined;
  return [...head, ...new Array<number>(fill).fill(0), ...tail];
}

/** Parses like `netip.ParseAddr`; `literalV4` tells a dotted IPv4 literal from an IPv6 one (even `::ffff:1.2.3.4`). */
function parseAddress(text: string): { bytes: Uint8Array; literalV4: boolean } | undefined {
  if (text.includes(':')) {
    const bytes = parseV6(text);
    return bytes ? { bytes: Uint8Array.from(bytes), literalV4: false } : undefined;
  }
  const bytes = parseV4(text);
  return bytes ? { bytes: Uint8Array.from([...V4_MAPPED_PREFIX, ...bytes]), literalV4: true } : undefined;
}

/** A single address, or undefined when Go's `net.ParseIP` returns nil. */
export function parseIp(text: string): IpAddress | undefined {
  const address = parseAddress(text);
  return address ? { bytes: address.bytes, v4: isV4Mapped(address.bytes) } : undefined;
}

function masked(bytes: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(16);
  for (let index = 0; index < 16; index++) {
    const keep = Math.max(0, Math.min(8, bits - index * 8));
    out[index] = (bytes[index] ?? 0) & ((0xff << (8 - keep)) & 0xff);
  }
  return out;
}

/** `net.ParseCIDR`: the prefix counts over 32 bits for a dotted IPv4 literal, over 128 for any IPv6 literal. */
function parseCidr(text: string): IpNetwork | undefined {
  const slash = text.indexOf('/');
  const address = parseAddress(text.slice(0, slash));
  const prefix = text.slice(slash + 1);
  // Go's dtoi: decimal digits only (leading zeros allowed), at least one.
  if (!address || !/^\d+$/.test(prefix)) return undefined;
  const length = Number(prefix);
  if (length > (address.literalV4 ? 32 : 128)) return undefined;
  const bits = address.literalV4 ? length + 96 : length;
  const bytes = masked(address.bytes, bits);
  return { bytes, bits, v4: isV4Mapped(bytes) };
}

/**
 * A network as Authelia's `utils.ParseHostCIDR` reads it: `10.0.0.0/8`, `fd7a:115c:a1e0::/48`, or a bare address,
 * which gets `/32` when Go's `To4` succeeds and `/128` otherwise — so a bare `::ffff:1.2.3.4` becomes the IPv6 network
 * `::/32`. Host bits are cleared, as Go does. More than one `/` is an error.
 * https://github.com/authelia/authelia/blob/v4.39.20/internal/utils/ip.go#L12-L32
 */
export function parseNetwork(text: string): IpNetwork | undefined {
  const slashes = text.split('/').length - 1;
  if (slashes === 1) return parseCidr(text);
  if (slashes > 1) return undefined;
  const address = parseIp(text);
  if (!address) return undefined;
  return parseCidr(`${text}/${address.v4 ? 32 : 128}`);
}

/** `(*net.IPNet).Contains`: only within one family (see the module comment). */
export function networkContains(network: IpNetwork, address: IpAddress | Uint8Array): boolean {
  const bytes = address instanceof Uint8Array ? address : address.bytes;
  if (network.v4 !== isV4Mapped(bytes)) return false;
  const cleared = masked(bytes, network.bits);
  return cleared.every((value, index) => value === network.bytes[index]);
}

/** Whether every address `inner` contains is also in `outer`, under Go's family rule. */
export function networkCovers(outer: IpNetwork, inner: IpNetwork): boolean {
  return outer.v4 === inner.v4 && outer.bits <= inner.bits && networkContains(outer, inner.bytes);
}

/** Whether the two ranges share at least one address Go would place in both. */
export function networksOverlap(first: IpNetwork, second: IpNetwork): boolean {
  return networkCovers(first, second) || networkCovers(second, first);
}
