/**
 * Go RE2 syntax, emulated in the browser. Authelia compiles `domain_regex`, `resources` and query patterns with Go's
 * `regexp`, which differs from JavaScript's `RegExp`: RE2 has `(?P<name>…)`, inline flags `(?i)`, POSIX classes
 * `[[:alpha:]]`, `\A` / `\z`, and rejects lookarounds and backreferences that JavaScript accepts. This module checks a
 * pattern the way RE2 would (reporting errors in Go's words where it can) and translates it to a JavaScript `RegExp`
 * for matching.
 */

export interface Re2Result {
  /** Go-style error text (`error parsing regexp: …`) when RE2 would reject the pattern. */
  error?: string;
  /** A JavaScript equivalent, when one could be built. */
  regex?: RegExp;
  /** Capture group names, e.g. `User`, `Group`. */
  names: string[];
}

const PERL_FLAGS = new Set(['i', 'm', 's', 'U']);
/** Escapes Go accepts after a backslash, besides ASCII punctuation and octal digits. */
const LETTER_ESCAPES = new Set([
  'a',
  'f',
  't',
  'n',
  'r',
  'v',
  'd',
  'D',
  's',
  'S',
  'w',
  'W',
  'b',
  'B',
  'A',
  'z',
  'p',
  'P',
  'Q',
  'C',
  'x',
]);
const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const MAX_REPEAT = 1000;

class Re2SyntaxError extends Error {}

function fail(code: string, expr: string): never {
  throw new Re2SyntaxError(`error parsing regexp: ${code}: \`${expr}\``);
}

const isPunct = (c: string) => /^[!-/:-@[-`{-~]$/.test(c);

interface State {
  src: string;
  i: number;
  out: string;
  flags: Set<string>;
  names: string[];
  depth: number;
  /** Whether a repeatable atom precedes the current position. */
  atom: boolean;
  /** Where the previous repetition operator started (for nested-repetition errors), or -1. */
  lastRepeat: number;
}

function readRepeat(s: State): { text: string; min: number; max: number } | undefined {
  const m = /^\{(\d+)(,(\d*))?\}/.exec(s.src.slice(s.i));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
  return { text: m[0], min, max };
}

function repetition(s: State, text: string): void {
  if (s.lastRepeat >= 0) fail('invalid nested repetition operator', s.src.slice(s.lastRepeat, s.i + text.length));
  if (!s.atom) fail('missing argument to repetition operator', text);
  const start = s.i;
  s.out += text;
  s.i += text.length;
  if (s.src[s.i] === '?') {
    s.out += '?';
    s.i += 1;
  }
  s.lastRepeat = start;
}

function escapeOutside(s: State): void {
  const c = s.src[s.i + 1];
  if (c === undefined) fail('trailing backslash at end of expression', '');
  const seq = `\\${c}`;
  if (c === 'A') s.out += '^';
  else if (c === 'a') s.out += '\\x07';
  else if (c === 'z') s.out += '$';
  else if (c === 'C') s.out += '[\\s\\S]';
  else if (c === 'Q') {
    const end = s.src.indexOf('\\E', s.i + 2);
    const literal = s.src.slice(s.i + 2, end < 0 ? undefined : end);
    s.out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    s.i = end < 0 ? s.src.length : end + 2;
    s.atom = literal.length > 0;
    return;
  } else if (c === 'x' || c === 'p' || c === 'P') {
    const m = /^\\[xpP](\{[^}]*\}|[0-9A-Za-z]{0,2})/.exec(s.src.slice(s.i));
    const text = m?.[0] ?? seq;
    s.out += text;
    s.i += text.length;
    s.atom = true;
    return;
  } else if (/[0-7]/.test(c) && (c === '0' || /[0-7]/.test(s.src[s.i + 2] ?? ''))) {
    const m = /^\\[0-7]{1,3}/.exec(s.src.slice(s.i));
    const text = m?.[0] ?? seq;
    s.out += `\\x${Number.parseInt(text.slice(1), 8).toString(16).padStart(2, '0')}`;
    s.i += text.length;
    s.atom = true;
    return;
  } else if (/[0-9]/.test(c) || (/[A-Za-z]/.test(c) && !LETTER_ESCAPES.has(c))) {
    fail('invalid escape sequence', seq);
  } else if (!/[A-Za-z]/.test(c) && !isPunct(c)) {
    fail('invalid escape sequence', seq);
  } else s.out += seq;
  s.i += 2;
  // Go lets anchors and word boundaries be repeated (they are real operators on its stack).
  s.atom = true;
}

function charClass(s: State): void {
  const start = s.i;
  let j = s.i + 1;
  let out = '[';
  if (s.src[j] === '^') {
    out += '^';
    j += 1;
  }
  let first = true;
  let prev: string | undefined;
  for (;;) {
    const c = s.src[j];
    if (c === undefined) fail('missing closing ]', s.src.slice(start));
    if (c === ']' && !first) break;
    first = false;
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(s.src.slice(j));
    if (posix) {
      const body = POSIX_CLASSES[posix[2] ?? ''];
      if (body === undefined) fail('invalid character class range', posix[0]);
      out += posix[1] ? '' : body;
      j += posix[0].length;
      prev = undefined;
      continue;
    }
    if (c === '\\') {
      const e = s.src[j + 1];
      if (e === undefined) fail('missing closing ]', s.src.slice(start));
      if (/[0-9]/.test(e ?? '') || (/[A-Za-z]/.test(e ?? '') && !LETTER_ESCAPES.has(e ?? '')))
        fail('invalid escape sequence', `\\${e}`);
      out += `\\${e}`;
      j += 2;
      prev = /[A-Za-z]/.test(e ?? '') ? undefined : e;
      continue;
    }
    if (c === '-' && prev !== undefined && s.src[j + 1] !== ']' && s.src[j + 1] !== undefined && s.src[j + 1] !== '\\') {
      const hi = s.src[j + 1] ?? '';
      if (hi < prev) fail('invalid character class range', `${prev}-${hi}`);
      out += `-${hi === '[' ? '\\[' : hi}`;
      j += 2;
      prev = undefined;
      continue;
    }
    out += c === '[' ? '\\[' : c;
    prev = c;
    j += 1;
  }
  s.out += `${out}]`;
  s.i = j + 1;
  s.atom = true;
}

function group(s: State): void {
  const rest = s.src.slice(s.i);
  const named = /^\(\?P?<([^>]*)>/.exec(rest);
  if (rest.startsWith('(?P<') || rest.startsWith('(?<')) {
    if (!named) fail('invalid named capture', rest);
    const name = named?.[1] ?? '';
    if (!/^[A-Za-z0-9_]+$/.test(name)) fail('invalid named capture', named?.[0] ?? rest);
    if (s.names.includes(name)) fail('duplicate capture group name', name);
    s.names.push(name);
    s.out += `(?<${name}>`;
    s.i += named?.[0].length ?? 0;
  } else if (rest.startsWith('(?')) {
    perlFlags(s);
    return;
  } else {
    s.out += '(';
    s.i += 1;
  }
  s.depth += 1;
  s.atom = false;
}

/** `(?i)`, `(?i-s:…)`: flags are applied to the whole JavaScript pattern (an approximation good enough to match). */
function perlFlags(s: State): void {
  let j = s.i + 2;
  let sawFlag = false;
  let negated = false;
  for (;;) {
    const c = s.src[j];
    if (c === undefined) fail('missing closing )', s.src);
    if (c === ':' || c === ')') {
      if (negated && !sawFlag) fail('invalid or unsupported Perl syntax', s.src.slice(s.i, j + 1));
      if (c === ':') {
        s.out += '(?:';
        s.depth += 1;
        s.atom = false;
      }
      s.i = j + 1;
      return;
    }
    if (c === '-' && !negated) {
      negated = true;
      sawFlag = false;
    } else if (PERL_FLAGS.has(c)) {
      sawFlag = true;
      if (!negated && c !== 'U') s.flags.add(c);
    } else fail('invalid or unsupported Perl syntax', s.src.slice(s.i, j + 1));
    j += 1;
  }
}

function step(s: State): void {
  const c = s.src[s.i] ?? '';
  const wasRepeat = c === '*' || c === '+' || c === '?' || (c === '{' && readRepeat(s) !== undefined);
  if (!wasRepeat) s.lastRepeat = -1;
  if (c === '*' || c === '+' || c === '?') return repetition(s, c);
  if (c === '{') {
    const r = readRepeat(s);
    if (r) {
      if (r.min > MAX_REPEAT || r.max > MAX_REPEAT || (r.max >= 0 && r.max < r.min)) fail('invalid repeat count', r.text);
      return repetition(s, r.text);
    }
    s.out += '\\{';
    s.i += 1;
    s.atom = true;
    return;
  }
  if (c === '\\') return escapeOutside(s);
  if (c === '[') return charClass(s);
  if (c === '(') return group(s);
  if (c === ')') {
    if (s.depth === 0) fail('unexpected )', s.src);
    s.depth -= 1;
    s.out += ')';
    s.i += 1;
    s.atom = true;
    return;
  }
  if (c === '|') {
    s.out += '|';
    s.i += 1;
    s.atom = false;
    return;
  }
  s.out += c === '/' ? '\\/' : c === ']' || c === '}' ? `\\${c}` : c;
  s.i += 1;
  s.atom = true;
}

const cache = new Map<string, Re2Result>();

/** Checks `pattern` as Go's `regexp.Compile` would and builds a JavaScript equivalent. Never throws. */
export function compileRe2(pattern: string): Re2Result {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const s: State = { src: pattern, i: 0, out: '', flags: new Set(), names: [], depth: 0, atom: false, lastRepeat: -1 };
  let result: Re2Result;
  try {
    while (s.i < s.src.length) step(s);
    if (s.depth > 0) fail('missing closing )', s.src);
    result = { names: s.names, regex: toRegExp(s.out, [...s.flags].join('')) };
  } catch (e) {
    result = { names: s.names, error: e instanceof Re2SyntaxError ? e.message : 'error parsing regexp: invalid pattern' };
  }
  if (cache.size > 2000) cache.clear();
  cache.set(pattern, result);
  return result;
}

/** A construct RE2 accepts but this JavaScript engine cannot express yields no regex (the caller treats it as unknown). */
function toRegExp(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/** The identity capture groups Authelia gives meaning to in `domain_regex`. */
export const IDENTITY_GROUPS = ['User', 'Group'] as const;

export function hasIdentityGroups(pattern: string): boolean {
  return compileRe2(pattern).names.some((n) => (IDENTITY_GROUPS as readonly string[]).includes(n));
}
