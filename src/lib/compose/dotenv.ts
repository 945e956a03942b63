/**
 * The project `.env` file as Docker Compose v2 reads it (compose-go `dotenv`), and the safest way to write a value into it.
 */
import { goQuote, InterpolationError, substituteRaw } from './interpolate';

/** Go's `unicode.IsSpace`. */
function isUnicodeSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}

/** The dotenv reader's own `isSpace`: blanks that are not a line break. */
function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r' || ch === '\u0085' || ch === '\u00a0';
}

function isKeyChar(ch: string): boolean {
  return ch === '_' || ch === '.' || ch === '-' || ch === '[' || ch === ']' || /^[\p{L}\p{N}]$/u.test(ch);
}

function trimEndUnicode(s: string): string {
  let end = s.length;
  while (end > 0 && isUnicodeSpace(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}

// Double-quoted escapes Compose expands; anything else after a backslash stays as written.
const ESCAPE_SEQUENCE = /\\(?:[abcfnrtv$"\\]|0[0-9]{0,3})/g;
const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

function expandEscape(seq: string): string {
  if (seq === '\\$') return '$$';
  if (seq.startsWith('\\0')) {
    const digits = seq.slice(2);
    const ok = digits.length === 3 && /^[0-7]{3}$/.test(digits) && parseInt(digits, 8) <= 255;
    return ok ? String.fromCodePoint(parseInt(digits, 8)) : `\\${digits}`;
  }
  return SIMPLE_ESCAPES[seq.slice(1)] ?? seq;
}

interface Cursor {
  src: string;
  i: number;
  line: number;
}

/** Skips blank space (counting lines) and `#` comment lines; false at the end of the text. */
function toStatement(c: Cursor): boolean {
  for (;;) {
    while (c.i < c.src.length && isUnicodeSpace(c.src[c.i] ?? '')) {
      if (c.src[c.i] === '\n') c.line++;
      c.i++;
    }
    if (c.i >= c.src.length) return false;
    if (c.src[c.i] !== '#') return true;
    const nl = c.src.indexOf('\n', c.i);
    if (nl < 0) return false;
    c.i = nl;
  }
}

function skipBlanks(c: Cursor): void {
  while (isBlank(c.src[c.i])) c.i++;
}

/** Reads the key up to `=`, `:` or a line break. Undefined when the text ends first (Compose keeps nothing usable then). */
function readKey(c: Cursor): { key: string; inherited: boolean } | undefined {
  if (/^export[\t\n\f\r ]/.test(c.src.slice(c.i, c.i + 7))) {
    c.i += 6;
    skipBlanks(c);
    if (c.i >= c.src.length) throw new Error(`line ${c.line}: zero length string`);
  }
  const start = c.i;
  for (let j = start; j < c.src.length;) {
    const ch = String.fromCodePoint(c.src.codePointAt(j) ?? 0);
    if (ch === '=' || ch === ':' || ch === '\n') {
      c.i = j + 1;
      return { key: c.src.slice(start, j), inherited: ch === '\n' };
    }
    if (!isBlank(ch) && !isKeyChar(ch)) {
      const firstLine = c.src.slice(start).split('\n')[0] ?? '';
      throw new Error(`line ${c.line}: unexpected character ${goQuote(ch)} in variable name ${goQuote(firstLine)}`);
    }
    j += ch.length;
  }
  return undefined;
}

/** Reads a quoted value; a backslash before the closing quote escapes it, before anything else it is kept. */
function readQuoted(c: Cursor, quote: string, statementLine: number): string {
  let out = '';
  let escaped = false;
  for (let j = c.i + 1; j < c.src.length; j++) {
    const ch = c.src[j] ?? '';
    if (ch === '\n') c.line++;
    if (escaped) {
      escaped = false;
      out += ch === quote ? ch : `\\${ch}`;
    } else if (ch === '\\') {
      escaped = true;
    } else if (ch === quote) {
      c.i = j + 1;
      return out;
    } else {
      out += ch;
    }
  }
  const nl = c.src.indexOf('\n', c.i);
  throw new Error(`line ${statementLine}: unterminated quoted value ${c.src.slice(c.i, nl < 0 ? undefined : nl)}`);
}

function readUnquoted(c: Cursor): string {
  const nl = c.src.indexOf('\n', c.i);
  const raw = c.src.slice(c.i, nl < 0 ? undefined : nl);
  c.i = nl < 0 ? c.src.length : nl + 1;
  c.line++;
  const hash = raw.indexOf(' #');
  return trimEndUnicode(hash < 0 ? raw : raw.slice(0, hash));
}

function expand(value: string, vars: Map<string, string>, line: number): string {
  try {
    return substituteRaw(value, (name) => vars.get(name));
  } catch (e) {
    if (e instanceof InterpolationError) throw new Error(`line ${line}: ${e.message}`, { cause: e });
    throw e;
  }
}

/**
 * Parses a project `.env` file exactly as Docker Compose v2 does: `#` comment lines, ` #` inline comments on unquoted values,
 * `export`, `=` or `:`, literal single quotes (only `\'` escapes), double quotes with escapes, multi-line quoted values,
 * trimmed unquoted values, interpolation of earlier variables and `$$`. No shell variables are consulted.
 * Throws an Error whose message starts with `line N:` for input Compose rejects.
 */
export function parseDotenv(text: string): Record<string, string> {
  const c: Cursor = { src: text.startsWith('\uFEFF') ? text.slice(1) : text, i: 0, line: 1 };
  const vars = new Map<string, string>();
  while (toStatement(c)) {
    const statementLine = c.line;
    const found = readKey(c);
    if (!found) break;
    if (found.inherited && !found.key.includes(' ')) c.line++;
    const key = trimEndUnicode(found.key);
    if (key.includes(' ')) throw new Error(`line ${statementLine}: key cannot contain a space`);
    skipBlanks(c);
    if (found.inherited) continue; // `KEY` alone takes the shell's value; there is no shell here.
    const quote = c.src[c.i];
    let value: string;
    if (quote === '"' || quote === "'") {
      const raw = readQuoted(c, quote, statementLine);
      value = quote === '"' ? expand(raw.replace(ESCAPE_SEQUENCE, expandEscape), vars, statementLine) : raw;
    } else {
      value = expand(readUnquoted(c), vars, statementLine);
    }
    vars.set(key, value);
  }
  return Object.fromEntries(vars);
}

/**
 * The safest `.env` spelling of a value: single quotes (read literally by Compose), or, when the value contains `'` or ends
 * in `\`, double quotes with `\\`, `\"`, `\$`, `\n` and `\r` escaped. `parseDotenv('K=' + encodeDotenvValue(v)).K === v`.
 */
export function encodeDotenvValue(value: string): string {
  if (!value.includes("'") && !value.endsWith('\\')) return `'${value}'`;
  const escaped = value.replace(
    /[\\"$\n\r]/g,
    (ch) => ({ '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\\n', '\r': '\\r' })[ch] ?? ch,
  );
  return `"${escaped}"`;
}
