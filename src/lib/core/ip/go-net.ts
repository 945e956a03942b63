/**
 * Go net rules, as Authelia parses networks: IP addresses and CIDR ranges read the way Go's `net.ParseIP` /
 * `net.ParseCIDR` read them, kept as 16-byte addresses so IPv4 and IPv6 compare alike (IPv4 is mapped into
 * `::ffff:0:0/96`). Pure: no Authelia knowledge here, only Go's.
 */

export interface IpNetwork {
  /** 16 bytes; IPv4 is IPv4-mapped. */
  bytes: Uint8Array;
  /** Prefix length over the 16 bytes (an IPv4 /24 is 120). */
  bits: number;
  v4: boolean;
}

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseV4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    // Go rejects empty fields, more than three digits and leading zeros.
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0'))) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseV6(s: string): number[] | undefined {
  if (s.includes('%')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    const parts = h.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] ?? '';
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (!v4) return undefined;
        out.push(...v4);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) {
        const n = Number.parseInt(p, 16);
        out.push(n >> 8, n & 0xff);
      } else return undefined;
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  const fill = 16 - head.length - tail.length;
  if (fill < 2) return undefined;
  return [...head, ...new Array<number>(fill).fill(0), ...tail];
}

/** A single address, or undefined when Go's `net.ParseIP` would return nil. */
export function parseIp(s: string): { bytes: Uint8Array; v4: boolean } | undefined {
  if (s.includes(':')) {
    const b = parseV6(s);
    return b ? { bytes: Uint8Array.from(b), v4: false } : undefined;
  }
  const b = parseV4(s);
  return b ? { bytes: Uint8Array.from([...V4_PREFIX, ...b]), v4: true } : undefined;
}

function masked(bytes: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    out[i] = (bytes[i] ?? 0) & ((0xff << (8 - keep)) & 0xff);
  }
  return out;
}

/** `10.0.0.0/8`, `fd7a:115c:a1e0::/48`, or a bare address (→ /32 or /128). Host bits are cleared, as Go does. */
export function parseNetwork(s: string): IpNetwork | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) {
    const ip = parseIp(s);
    return ip ? { bytes: ip.bytes, bits: 128, v4: ip.v4 } : undefined;
  }
  const ip = parseIp(s.slice(0, slash));
  const prefix = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefix)) return undefined;
  const n = Number(prefix);
  const max = ip.v4 ? 32 : 128;
  if (n > max) return undefined;
  const bits = ip.v4 ? n + 96 : n;
  return { bytes: masked(ip.bytes, bits), bits, v4: ip.v4 };
}

export function networkContains(net: IpNetwork, ip: Uint8Array): boolean {
  const m = masked(ip, net.bits);
  return m.every((b, i) => b === net.bytes[i]);
}

/** Whether every address in `inner` is also in `outer`. */
export function networkCovers(outer: IpNetwork, inner: IpNetwork): boolean {
  return outer.bits <= inner.bits && networkContains(outer, inner.bytes);
}

/** Whether the two ranges share at least one address. */
export function networksOverlap(a: IpNetwork, b: IpNetwork): boolean {
  return networkCovers(a, b) || networkCovers(b, a);
}
