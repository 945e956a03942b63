/**
 * Name and address parsing for the internal-DNS builder: the list parser, DNS name checks, IPv4/IPv6 literals.
 * Pure and total: every function accepts any string and never throws.
 */
import { splitWords } from '../core/list';

/** Split a list typed as comma, semicolon, space or newline separated items; empty items are dropped. */
export function parseNameList(text: string): string[] {
  if (typeof text !== 'string') return [];
  return splitWords(text);
}

/** Shortens an input excerpt for a message: at most `max` characters, with an ellipsis. */
export function excerpt(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  const flat = text.replace(/[\u0000-\u001f\u007f]/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/u;

/** Lower-cases and drops one trailing dot (the absolute form `example.com.` means the same name). */
export function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** A host name made of LDH labels (letters, digits, hyphens; no leading/trailing hyphen), at most 253 characters. */
export function isHostName(name: string, minLabels = 1): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.length >= minLabels && labels.every((l) => LABEL.test(l));
}

/** `name` is `parent` or lies below it. */
export function isUnder(name: string, parent: string): boolean {
  return parent === '' || name === parent || name.endsWith(`.${parent}`);
}

/** How many labels `name` lies below `parent` (0 = the same name); -1 when it is not under it. */
export function depthBelow(name: string, parent: string): number {
  if (!isUnder(name, parent)) return -1;
  if (name === parent) return 0;
  const rest = parent === '' ? name : name.slice(0, -(parent.length + 1));
  return rest.split('.').length;
}

/** The four octets of a dotted-quad IPv4 literal (no leading zeros), or undefined. */
export function parseIPv4(text: string): [number, number, number, number] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map((s) => (s.length > 1 && s.startsWith('0') ? NaN : Number(s)));
  if (octets.some((o) => !(o >= 0 && o <= 255))) return undefined;
  return octets as [number, number, number, number];
}

/** An IPv6 literal (RFC 4291 text forms, optional embedded IPv4, no zone index). */
export function isIPv6(text: string): boolean {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/u.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!parseIPv4(last)) return false;
    count += 1;
    all.pop();
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/u.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isLoopback(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4) return v4[0] === 127;
  return /^(0{0,4}:){2,7}0{0,3}1$|^::1$/u.test(ip);
}

/** 100.64.0.0/10, the shared address space Tailscale and Headscale hand out. */
export function isTailnetV4(ip: string): boolean {
  const v4 = parseIPv4(ip);
  return !!v4 && v4[0] === 100 && v4[1] >= 64 && v4[1] <= 127;
}

/** RFC 1918 private IPv4. */
export function isPrivateV4(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (!v4) return false;
  return v4[0] === 10 || (v4[0] === 172 && v4[1] >= 16 && v4[1] <= 31) || (v4[0] === 192 && v4[1] === 168);
}
