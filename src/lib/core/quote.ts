/**
 * Quoting, one owner per rule: Go's `%q` (messages of Go programs — the tailscale CLI, Compose, Authelia — quoted
 * exactly as they print them), POSIX shell single quotes, and YAML (re-exported from ./yaml).
 *
 * Go's `%q` / `strconv.Quote` for the strings a user can type, so messages read exactly as the CLI prints them:
 * printable characters stay, `"` and `\` are escaped, control characters become `\n`, `\t`, `\x00`…, other
 * non-printable characters `\u00a0` / `\U0001f600` (lower-case hex, as Go writes them).
 */

export { quoteYaml } from './yaml';

const NAMED: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function escapeCodePoint(cp: number, quote: string): string {
  const ch = String.fromCodePoint(cp);
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (PRINTABLE.test(ch)) return ch;
  const named = NAMED[cp];
  if (named) return named;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/**
 * Go's `strconv.Quote`, as `fmt` prints `%q` of a string:
 * https://github.com/golang/go/blob/go1.23.0/src/strconv/quote.go#L92-L103
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    // A lone surrogate cannot reach the CLI as UTF-8; the browser would send U+FFFD.
    out += escapeCodePoint(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp, '"');
  }
  return `${out}"`;
}

/** Go's `%q` of a single byte (`strconv.QuoteRune`), as `dnsname` prints an invalid character: `'_'`. */
export function goQuoteByte(b: number): string {
  return `'${escapeCodePoint(b, "'")}'`;
}

/**
 * A POSIX shell word that the shell reads back as exactly `s`: single quotes, with each `'` written as `'\''`.
 * Nothing inside single quotes is special to sh, bash or zsh (`$`, backticks, `\`, `!` in scripts).
 */
export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}
