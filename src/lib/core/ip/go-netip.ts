/**
 * IP address and prefix parsing with the acceptance rules of Go's `net/netip` (`ParseAddr`, `ParsePrefix`),
 * which is what the tailscale CLI uses for `--advertise-routes`. Written from the documented behaviour:
 * - IPv4: exactly four decimal fields 0–255, no leading zeros, nothing else;
 * - IPv6: up to eight groups of 1–4 hex digits, one `::`, an embedded IPv4 only in the last 32 bits, optional `%zone`;
 * - prefix: split at the last `/`; length decimal without sign or leading zero, 0–32 or 0–128; no zone.
 * Formatting follows Go's `Addr.String` (RFC 5952 for IPv6, `::ffff:a.b.c.d` for IPv4-mapped addresses).
 */

export interface Addr {
  /** 4 for IPv4, 6 for IPv6 (IPv4-mapped IPv6 addresses stay 6, as in Go). */
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
  /** IPv6 zone (`fe80::1%eth0` → `eth0`), '' when absent. */
  zone: string;
}

export interface Prefix {
  addr: Addr;
  bits: number;
}

const DECIMAL_FIELD = /^(0|[1-9][0-9]{0,2})$/;
const PREFIX_LENGTH = /^(0|[1-9][0-9]*)$/;

/** Four dotted decimal fields, each 0–255 without leading zeros; null otherwise. */
function parseIPv4Fields(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const part of parts) {
    if (!DECIMAL_FIELD.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function hexDigit(c: string | undefined): number {
  if (c === undefined) return -1;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/** Reads one hex group at the start of `s`: its value and length (length 5 means "too many digits"). */
function readHexGroup(s: string): { value: number; length: number } {
  let value = 0;
  let length = 0;
  while (length < s.length && length < 5) {
    const d = hexDigit(s[length]);
    if (d < 0) break;
    value = value * 16 + d;
    length++;
  }
  return { value, length };
}

function expandEllipsis(ip: number[], filled: number, ellipsis: number): void {
  const n = 16 - filled;
  for (let j = filled - 1; j >= ellipsis; j--) ip[j + n] = ip[j] ?? 0;
  for (let j = ellipsis; j < ellipsis + n; j++) ip[j] = 0;
}

interface V6State {
  ip: number[];
  i: number;
  ellipsis: number;
  rest: string;
}

/** Parses the groups after an optional leading `::`; returns false on any syntax error. */
function parseV6Groups(st: V6State): boolean {
  while (st.i < 16) {
    const group = readHexGroup(st.rest);
    if (group.length === 0 || group.length > 4) return false;
    if (st.rest[group.length] === '.') {
      // Embedded IPv4: only in the last 32 bits, and it must end the address.
      if ((st.ellipsis < 0 && st.i !== 12) || st.i + 4 > 16) return false;
      const v4 = parseIPv4Fields(st.rest);
      if (!v4) return false;
      v4.forEach((b, k) => (st.ip[st.i + k] = b));
      st.i += 4;
      st.rest = '';
      return true;
    }
    st.ip[st.i] = group.value >> 8;
    st.ip[st.i + 1] = group.value & 0xff;
    st.i += 2;
    st.rest = st.rest.slice(group.length);
    if (st.rest === '') return true;
    if (st.rest[0] !== ':' || st.rest.length === 1) return false;
    st.rest = st.rest.slice(1);
    if (st.rest[0] === ':') {
      if (st.ellipsis >= 0) return false;
      st.ellipsis = st.i;
      st.rest = st.rest.slice(1);
      if (st.rest === '') return true;
    }
  }
  return true;
}

function parseIPv6(input: string): Addr | null {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct >= 0) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') return null;
  }
  const st: V6State = { ip: new Array<number>(16).fill(0), i: 0, ellipsis: -1, rest: s };
  if (s.startsWith('::')) {
    st.ellipsis = 0;
    st.rest = s.slice(2);
    if (st.rest === '') return { family: 6, bytes: st.ip, zone };
  }
  if (!parseV6Groups(st) || st.rest !== '') return null;
  if (st.i < 16) {
    if (st.ellipsis < 0) return null;
    expandEllipsis(st.ip, st.i, st.ellipsis);
  } else if (st.ellipsis >= 0) {
    return null; // `::` must stand for at least one group of zeros
  }
  return { family: 6, bytes: st.ip, zone };
}

/** Go `netip.ParseAddr`: the first `.`, `:` or `%` decides the family. Returns null when Go would fail. */
export function parseAddr(s: string): Addr | null {
  for (const c of s) {
    if (c === '.') {
      const v4 = parseIPv4Fields(s);
      return v4 ? { family: 4, bytes: v4, zone: '' } : null;
    }
    if (c === ':') return parseIPv6(s);
    if (c === '%') return null;
  }
  return null;
}

/** Go `netip.ParsePrefix` (no masking). Returns null when Go would fail. */
export function parsePrefix(s: string): Prefix | null {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return null;
  const addr = parseAddr(s.slice(0, slash));
  if (!addr || addr.zone !== '') return null;
  const bitsText = s.slice(slash + 1);
  if (!PREFIX_LENGTH.test(bitsText)) return null;
  const bits = Number(bitsText);
  if (bits > maxBits(addr)) return null;
  return { addr, bits };
}

export function maxBits(addr: Addr): number {
  return addr.family === 4 ? 32 : 128;
}

/** The prefix with every bit after `bits` cleared (Go `Prefix.Masked`). */
export function masked(p: Prefix): Prefix {
  const bytes = p.addr.bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, p.bits - i * 8));
    return keep === 8 ? b : b & ((0xff << (8 - keep)) & 0xff);
  });
  return { addr: { ...p.addr, bytes }, bits: p.bits };
}

export function sameAddr(a: Addr, b: Addr): boolean {
  return a.family === b.family && a.zone === b.zone && a.bytes.every((x, i) => x === b.bytes[i]);
}

/** A string that is equal for two prefixes exactly when `samePrefix` is true (for maps and sets). */
export function prefixKey(p: Prefix): string {
  return `${p.addr.family}|${p.addr.zone}|${p.addr.bytes.join('.')}|${p.bits}`;
}

export function samePrefix(a: Prefix, b: Prefix): boolean {
  return a.bits === b.bits && sameAddr(a.addr, b.addr);
}

/** Go `Addr.Compare`: IPv4 before IPv6, then by bytes. */
export function compareAddr(a: Addr, b: Addr): number {
  if (a.family !== b.family) return a.family - b.family;
  for (let i = 0; i < a.bytes.length; i++) {
    const d = (a.bytes[i] ?? 0) - (b.bytes[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0;
}

/** The tailscale CLI's route order: prefix length, then address. */
export function compareRoutes(a: Prefix, b: Prefix): number {
  return a.bits - b.bits || compareAddr(a.addr, b.addr);
}

/** True when `outer` (a masked prefix) contains every address of `inner`. */
export function containsPrefix(outer: Prefix, inner: Prefix): boolean {
  if (outer.addr.family !== inner.addr.family || outer.bits > inner.bits) return false;
  return sameAddr(masked({ addr: inner.addr, bits: outer.bits }).addr, masked(outer).addr);
}

/** True when `prefix` contains `addr` (Go's `Prefix.Contains`: same family, zone-less address). */
export function prefixContains(prefix: Prefix, addr: Addr): boolean {
  if (addr.zone !== '') return false;
  return containsPrefix(masked(prefix), { addr, bits: maxBits(addr) });
}

/** True for a dotted-quad IPv4 address in Go's `netip.ParseAddr` form (no leading zeros, no zone). */
export function isIPv4Address(text: string): boolean {
  return parseAddr(text)?.family === 4;
}

export function overlaps(a: Prefix, b: Prefix): boolean {
  return containsPrefix(a, b) || containsPrefix(b, a);
}

function formatV4(bytes: number[]): string {
  return bytes.join('.');
}

function isV4Mapped(bytes: number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** The first longest run (at least two) of zero groups, as [start, end); [-1, -1] when there is none. */
function longestZeroRun(groups: number[]): [number, number] {
  let best: [number, number] = [-1, -1];
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i >= 2 && j - i > best[1] - best[0]) best = [i, j];
  }
  return best;
}

function formatV6(bytes: number[]): string {
  if (isV4Mapped(bytes)) return `::ffff:${formatV4(bytes.slice(12))}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  const [start, end] = longestZeroRun(groups);
  if (start < 0) return groups.map((g) => g.toString(16)).join(':');
  const head = groups.slice(0, start).map((g) => g.toString(16));
  const tail = groups.slice(end).map((g) => g.toString(16));
  return `${head.join(':')}::${tail.join(':')}`;
}

/** Go `Addr.String`. */
export function formatAddr(a: Addr): string {
  const base = a.family === 4 ? formatV4(a.bytes) : formatV6(a.bytes);
  return a.zone ? `${base}%${a.zone}` : base;
}

/** Go `Prefix.String`. */
export function formatPrefix(p: Prefix): string {
  return `${formatAddr(p.addr)}/${p.bits}`;
}

/** Parses a prefix the program itself wrote (constants); throws on a typo. */
export function mustParsePrefix(s: string): Prefix {
  const p = parsePrefix(s);
  if (!p) throw new Error(`invalid prefix constant ${s}`);
  return p;
}
