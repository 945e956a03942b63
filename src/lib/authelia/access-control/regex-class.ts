/**
 * Character classes of Go's RE2 syntax, as code-point ranges or JavaScript `u`-mode class pieces: Perl classes
 * (`\d \s \w`), POSIX classes (`[:alpha:]`, `[:^digit:]`) and Unicode classes (`\pL`, `\p{Greek}`, `\P{^Lu}`).
 * Go's tables: https://github.com/golang/go/blob/go1.26.0/src/regexp/syntax/perl_groups.go and the Unicode lookup in
 * https://github.com/golang/go/blob/go1.26.0/src/regexp/syntax/parse.go (`unicodeTable`, `canonicalName`).
 */

export type Ranges = [number, number][];

export const MAX_RUNE = 0x10ffff;

/** Go's Perl classes — ASCII only (`\s` is `[\t\n\f\r ]`, without `\v`, unlike JavaScript's). */
export const PERL_CLASSES: Record<string, Ranges> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const range = (low: string, high: string): [number, number] => [low.codePointAt(0)!, high.codePointAt(0)!];

/** Go's POSIX classes (`[:name:]` inside a bracket expression). */
export const POSIX_CLASSES: Record<string, Ranges> = {
  alnum: [range('0', '9'), range('A', 'Z'), range('a', 'z')],
  alpha: [range('A', 'Z'), range('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [range('0', '9')],
  graph: [range('!', '~')],
  lower: [range('a', 'z')],
  print: [range(' ', '~')],
  punct: [range('!', '/'), range(':', '@'), range('[', '`'), range('{', '~')],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [range('A', 'Z')],
  word: [range('0', '9'), range('A', 'Z'), [0x5f, 0x5f], range('a', 'z')],
  xdigit: [range('0', '9'), range('A', 'F'), range('a', 'f')],
};

/** The complement of sorted, non-overlapping ranges over every code point. */
export function negate(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((first, second) => first[0] - second[0]);
  const out: Ranges = [];
  let next = 0;
  for (const [low, high] of sorted) {
    if (low > next) out.push([next, low - 1]);
    next = Math.max(next, high + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

export const codePoint = (value: number) => `\\u{${value.toString(16)}}`;

/** Ranges as the inside of a JavaScript `u`-mode class. */
export const rangesSource = (ranges: Ranges) =>
  ranges.map(([low, high]) => (low === high ? codePoint(low) : `${codePoint(low)}-${codePoint(high)}`)).join('');

/** Go's general categories (`unicode.Categories`), as JavaScript names them too — except `C`, see below. */
const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp Cc Cf Cs Co Cn'.split(' '),
);

/** Go's `canonicalName`: no `_`, `-` or spaces, first letter upper-case, the rest lower-case. */
function canonicalName(name: string): string {
  const letters = name.replace(/[_\- ]/g, '');
  return letters.charAt(0).toUpperCase() + letters.slice(1).toLowerCase();
}

const accepts = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

export type UnicodeClass =
  | { kind: 'ranges'; ranges: Ranges }
  | { kind: 'property'; source: string }
  /** A name Go may know but this translation cannot map with certainty. */
  | { kind: 'unknown' };

/**
 * A Unicode class name (`L`, `Greek`, `^Lu`) as a JavaScript piece, positive or negated. Names are mapped only where
 * both engines are known to agree; anything else is `unknown` (the caller answers "can't tell", never guesses).
 */
export function unicodeClass(rawName: string, negated: boolean): UnicodeClass {
  let name = rawName;
  let sign = negated;
  if (name.startsWith('^')) {
    sign = !sign;
    name = name.slice(1);
  }
  const canonical = canonicalName(name);
  const withSign = (ranges: Ranges): UnicodeClass => ({ kind: 'ranges', ranges: sign ? negate(ranges) : ranges });
  const property = (body: string): UnicodeClass => ({ kind: 'property', source: `\\${sign ? 'P' : 'p'}{${body}}` });
  if (canonical === 'Any') return withSign([[0, MAX_RUNE]]);
  if (canonical === 'Ascii') return withSign([[0, 0x7f]]);
  if (canonical === 'Assigned') return { kind: 'property', source: `\\${sign ? 'p' : 'P'}{Cn}` };
  if (canonical === 'Lc') return property('LC');
  // Go's `C` is Cc|Cf|Co|Cs; JavaScript's `C` also holds unassigned code points.
  if (canonical === 'C') return { kind: 'unknown' };
  const short = [...CATEGORIES].find((category) => category.toLowerCase() === canonical.toLowerCase());
  if (short) return property(short);
  for (const script of [canonical, name])
    if (/^[A-Za-z_]+$/.test(script) && accepts(`\\p{Script=${script}}`)) return property(`Script=${script}`);
  if (/^[A-Za-z_]+$/.test(name) && accepts(`\\p{General_Category=${name}}`)) return property(`General_Category=${name}`);
  return { kind: 'unknown' };
}

export class GoSyntaxError extends Error {}

export const fail = (code: string, expression: string): never => {
  throw new GoSyntaxError(`error parsing regexp: ${code}: \`${expression}\``);
};

export const isAsciiAlphanumeric = (char: string) => /^[0-9A-Za-z]$/.test(char);
const isOctal = (char: string | undefined) => char !== undefined && /^[0-7]$/.test(char);
const hexValue = (char: string | undefined) => (char !== undefined && /^[0-9A-Fa-f]$/.test(char) ? parseInt(char, 16) : -1);

/** Go's `parseEscape`: a single-character escape, returning its code point. `start` points at the backslash. */
export function parseEscape(chars: string[], start: number): { value: number; end: number } {
  const next = chars[start + 1];
  if (next === undefined) fail('trailing backslash at end of expression', '');
  const char = next!;
  const invalid = (end: number) => fail('invalid escape sequence', chars.slice(start, end).join(''));
  if (char.length === 1 && char.charCodeAt(0) < 0x80 && !isAsciiAlphanumeric(char))
    return { value: char.codePointAt(0)!, end: start + 2 };
  if (/[1-7]/.test(char) && !isOctal(chars[start + 2])) invalid(start + 2);
  if (isOctal(char)) {
    let end = start + 2;
    let value = Number(char);
    while (end < start + 4 && isOctal(chars[end])) value = value * 8 + Number(chars[end++]);
    return { value, end };
  }
  if (char === 'x') {
    if (chars[start + 2] === '{') {
      let end = start + 3;
      let value = 0;
      let digits = 0;
      for (;;) {
        const digit = chars[end];
        if (digit === undefined) invalid(end);
        if (digit === '}') break;
        const hex = hexValue(digit);
        if (hex < 0) invalid(end + 1);
        value = value * 16 + hex;
        if (value > 0x10ffff) invalid(end + 1);
        digits += 1;
        end += 1;
      }
      if (digits === 0) invalid(end + 1);
      return { value, end: end + 1 };
    }
    const high = hexValue(chars[start + 2]);
    const low = hexValue(chars[start + 3]);
    if (high < 0 || low < 0) invalid(Math.min(start + 4, chars.length));
    return { value: high * 16 + low, end: start + 4 };
  }
  const controls: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (char in controls) return { value: controls[char]!, end: start + 2 };
  return invalid(start + 2);
}
