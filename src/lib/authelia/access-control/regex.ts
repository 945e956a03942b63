/**
 * Go RE2 syntax, checked and translated for the browser. Authelia compiles `domain_regex`, `resources` and query
 * patterns with Go's `regexp.Compile`
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/decode_hooks.go#L305-L348), whose syntax
 * differs from JavaScript's. This module follows Go's parser
 * (https://github.com/golang/go/blob/go1.26.0/src/regexp/syntax/parse.go): it rejects what Go rejects, in Go's words,
 * and builds an equivalent JavaScript `RegExp` (`u` mode, every Go construct spelled out: flags scoped as Go scopes
 * them, `.` without `s` as `[^\n]`, `\s` as `[\t\n\f\r ]`, POSIX and Unicode classes as ranges or properties). When it
 * cannot build an equivalent with certainty, `regex` is undefined and `unknown` says why: "can't tell", never a
 * confident wrong answer.
 */
import {
  GoSyntaxError,
  PERL_CLASSES,
  POSIX_CLASSES,
  codePoint,
  fail,
  isAsciiAlphanumeric,
  negate,
  parseEscape,
  rangesSource,
  unicodeClass,
  type Ranges,
} from './regex-class';

export interface Re2Result {
  /** Go's error text (`error parsing regexp: …`) when Go rejects the pattern. */
  error?: string;
  /** An equivalent JavaScript expression, when one could be built. */
  regex?: RegExp;
  /** Why no JavaScript equivalent was built although Go accepts the pattern. */
  unknown?: string;
  /** Capture group names in Go's order, e.g. `User`, `Group`. */
  names: string[];
  /** Go capture name → the JavaScript group name holding it. */
  groupNames: Record<string, string>;
}

interface Flags {
  caseless: boolean;
  multiLine: boolean;
  dotAll: boolean;
  ungreedy: boolean;
}

const MODIFIERS_SUPPORTED = (() => {
  try {
    new RegExp('(?i:a)', 'u');
    return true;
  } catch {
    return false;
  }
})();

const hasCase = (char: string) => char.toLowerCase() !== char.toUpperCase() || /[ſK]/.test(char);

class Translator {
  readonly chars: string[];
  position = 0;
  out = '';
  flags: Flags = { caseless: false, multiLine: false, dotAll: false, ungreedy: false };
  readonly saved: Flags[] = [];
  readonly names: string[] = [];
  readonly groupNames: Record<string, string> = {};
  /** Whether something a repetition can apply to precedes (Go: the stack top is not a paren or `|`). */
  atom = false;
  /** Start of the previous repetition operator when it ends just here, for Go's nested-repetition error. */
  lastRepeat = -1;
  unknown: string | undefined;

  readonly source: string;

  constructor(source: string) {
    this.source = source;
    this.chars = Array.from(source);
  }

  text(from: number, to = this.chars.length) {
    return this.chars.slice(from, to).join('');
  }

  /** Emits an atom, scoped to case-insensitivity when the `i` flag is on and the atom has case. */
  emit(source: string, cased: boolean) {
    if (this.flags.caseless && cased) {
      if (!MODIFIERS_SUPPORTED) this.unknown ??= 'this browser has no scoped (?i:…) groups';
      this.out += `(?i:${source})`;
    } else this.out += source;
    this.atom = true;
  }

  literal(value: number) {
    const char = String.fromCodePoint(value);
    this.emit(isAsciiAlphanumeric(char) ? char : codePoint(value), hasCase(char));
  }

  /** `\p{…}` / `\P{…}` / `\pL` at `start`; returns the JavaScript piece (for inside or outside a class). */
  unicodeEscape(start: number): { piece: string; end: number } {
    const negated = this.chars[start + 1] === 'P';
    let name: string;
    let end: number;
    if (this.chars[start + 2] === '{') {
      const close = this.chars.indexOf('}', start + 3);
      if (close < 0) fail('invalid character class range', this.text(start));
      name = this.text(start + 3, close);
      end = close + 1;
    } else {
      name = this.chars[start + 2] ?? '';
      end = Math.min(start + 3, this.chars.length);
    }
    if (name === '' || name === '^') fail('invalid character class range', this.text(start, end));
    const resolved = unicodeClass(name, negated);
    if (resolved.kind === 'unknown') {
      this.unknown ??= `the Unicode class ${this.text(start, end)} has no certain JavaScript equivalent`;
      return { piece: '', end };
    }
    return { piece: resolved.kind === 'ranges' ? rangesSource(resolved.ranges) : resolved.source, end };
  }

  perlRanges(char: string): Ranges | undefined {
    const ranges = PERL_CLASSES[char.toLowerCase()];
    if (!ranges) return undefined;
    return char === char.toUpperCase() ? negate(ranges) : ranges;
  }

  /** Go's `parseClass`. */
  charClass() {
    const start = this.position;
    let index = start + 1;
    let negated = false;
    if (this.chars[index] === '^') {
      negated = true;
      index += 1;
    }
    let body = '';
    let first = true;
    const missing = () => fail('missing closing ]', this.text(start));
    while (this.chars[index] !== ']' || first) {
      if (index >= this.chars.length) missing();
      first = false;
      const rest = this.text(index, index + 12);
      if (rest.startsWith('[:')) {
        const close = this.text(index).indexOf(':]', 2);
        if (close >= 0) {
          const expression = this.text(index).slice(0, close + 2);
          const name = expression.slice(2, -2);
          const ranges = POSIX_CLASSES[name.replace(/^\^/, '')];
          if (!ranges) fail('invalid character class range', expression);
          body += rangesSource(name.startsWith('^') ? negate(ranges!) : ranges!);
          index += Array.from(expression).length;
          continue;
        }
      }
      if (this.chars[index] === '\\' && /^[pP]$/.test(this.chars[index + 1] ?? '')) {
        const { piece, end } = this.unicodeEscape(index);
        body += piece;
        index = end;
        continue;
      }
      const perl = this.chars[index] === '\\' ? this.perlRanges(this.chars[index + 1] ?? '') : undefined;
      if (perl) {
        body += rangesSource(perl);
        index += 2;
        continue;
      }
      const rangeStart = index;
      const low = this.classChar(index);
      let high = low;
      index = low.end;
      if (this.chars[index] === '-' && this.chars[index + 1] !== ']' && index + 1 < this.chars.length) {
        high = this.classChar(index + 1);
        if (high.value < low.value) fail('invalid character class range', this.text(rangeStart, high.end));
        index = high.end;
      }
      body += low.value === high.value ? codePoint(low.value) : `${codePoint(low.value)}-${codePoint(high.value)}`;
    }
    this.position = index + 1;
    this.emit(`[${negated ? '^' : ''}${body}]`, true);
  }

  /** Go's `parseClassChar`: a rune or an escape. */
  classChar(index: number): { value: number; end: number } {
    const char = this.chars[index];
    if (char === undefined) return fail('missing closing ]', this.text(this.position));
    if (char === '\\') return parseEscape(this.chars, index);
    return { value: char.codePointAt(0)!, end: index + 1 };
  }

  /** `(`, `(?P<name>`, `(?<name>`, `(?flags)` or `(?flags:`. */
  group() {
    const start = this.position;
    const rest = this.text(start);
    if (!rest.startsWith('(?')) {
      this.open(`(`);
      this.position += 1;
      return;
    }
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (rest.startsWith('(?P<') || rest.startsWith('(?<')) {
      if (!named) fail('invalid named capture', rest);
      const name = named![1]!;
      if (!/^[A-Za-z0-9_]+$/.test(name)) fail('invalid named capture', named![0]);
      if (this.names.includes(name)) fail('duplicate capture group name', name);
      this.names.push(name);
      this.groupNames[name] = `g${this.names.length}`;
      this.open(`(?<g${this.names.length}>`);
      this.position += Array.from(named![0]).length;
      return;
    }
    this.perlFlags(start);
  }

  open(source: string) {
    this.saved.push({ ...this.flags });
    this.out += source;
    this.atom = false;
  }

  /** Go's `parsePerlFlags` for `(?flags)` and `(?flags:`; the error names the text up to the offending character. */
  perlFlags(start: number) {
    let index = start + 2;
    const next: Flags = { ...this.flags };
    let negative = false;
    let sawFlag = false;
    for (; index < this.chars.length; index++) {
      const char = this.chars[index]!;
      const set = (key: keyof Flags) => {
        next[key] = !negative;
        sawFlag = true;
      };
      if (char === 'i') set('caseless');
      else if (char === 'm') set('multiLine');
      else if (char === 's') set('dotAll');
      else if (char === 'U') set('ungreedy');
      else if (char === '-' && !negative) {
        negative = true;
        sawFlag = false;
      } else if ((char === ':' || char === ')') && !(negative && !sawFlag)) {
        if (char === ':') this.open('(?:');
        this.flags = next;
        this.position = index + 1;
        return;
      } else break;
    }
    fail('invalid or unsupported Perl syntax', this.text(start, Math.min(index + 1, this.chars.length)));
  }

  readRepeat(): { text: string; min: number; max: number } | undefined {
    const match = /^\{(0|[1-9]\d*)(,(0|[1-9]\d*)?)?\}/.exec(this.text(this.position, this.position + 24));
    if (!match) return undefined;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === undefined ? -1 : Number(match[3]);
    return { text: match[0], min, max };
  }

  repetition(text: string) {
    const start = this.position;
    let end = start + Array.from(text).length;
    let lazy = false;
    if (this.chars[end] === '?') {
      lazy = true;
      end += 1;
    }
    if (this.lastRepeat >= 0) fail('invalid nested repetition operator', this.text(this.lastRepeat, end));
    if (!this.atom) fail('missing argument to repetition operator', this.text(start, end));
    this.out += text + (lazy !== this.flags.ungreedy ? '?' : '');
    this.position = end;
    this.lastRepeat = start;
  }

  escape() {
    const start = this.position;
    const char = this.chars[start + 1];
    const anchors: Record<string, string> = { A: '^', z: '$', b: '\\b', B: '\\B' };
    if (char !== undefined && char in anchors) {
      this.out += anchors[char];
      this.atom = true;
      this.position += 2;
    } else if (char === 'C') {
      fail('invalid escape sequence', '\\C');
    } else if (char === 'Q') {
      const end = this.text(start + 2).indexOf('\\E');
      const literal = Array.from(end < 0 ? this.text(start + 2) : this.text(start + 2).slice(0, end));
      for (const piece of literal) this.literal(piece.codePointAt(0)!);
      this.position = end < 0 ? this.chars.length : start + 2 + literal.length + 2;
    } else if (char === 'p' || char === 'P') {
      const { piece, end } = this.unicodeEscape(start);
      this.emit(piece.startsWith('\\') ? piece : `[${piece}]`, true);
      this.position = end;
    } else if (char !== undefined && this.perlRanges(char)) {
      this.emit(`[${rangesSource(this.perlRanges(char)!)}]`, true);
      this.position += 2;
    } else {
      const { value, end } = parseEscape(this.chars, start);
      this.literal(value);
      this.position = end;
    }
  }

  step() {
    const char = this.chars[this.position]!;
    const repeat = char === '{' ? this.readRepeat() : undefined;
    if (char !== '*' && char !== '+' && char !== '?' && !repeat) this.lastRepeat = -1;
    if (char === '*' || char === '+' || char === '?') return this.repetition(char);
    if (repeat) {
      if (repeat.min > 1000 || repeat.max > 1000 || (repeat.max >= 0 && repeat.min > repeat.max))
        fail('invalid repeat count', repeat.text);
      return this.repetition(repeat.text);
    }
    if (char === '\\') return this.escape();
    if (char === '[') return this.charClass();
    if (char === '(') return this.group();
    this.position += 1;
    if (char === ')') {
      const restored = this.saved.pop();
      if (!restored) fail('unexpected )', this.source);
      this.flags = restored!;
      this.out += ')';
      this.atom = true;
    } else if (char === '|') {
      this.out += '|';
      this.atom = false;
    } else if (char === '.') this.emit(this.flags.dotAll ? '[\\u{0}-\\u{10ffff}]' : '[^\\n]', false);
    else if (char === '^') {
      this.out += this.flags.multiLine ? '(?:^|(?<=\\n))' : '^';
      this.atom = true;
    } else if (char === '$') {
      this.out += this.flags.multiLine ? '(?:$|(?=\\n))' : '$';
      this.atom = true;
    } else this.literal(char.codePointAt(0)!);
  }

  run(): Re2Result {
    while (this.position < this.chars.length) this.step();
    if (this.saved.length) fail('missing closing )', this.source);
    const base = { names: this.names, groupNames: this.groupNames };
    if (this.unknown) return { ...base, unknown: this.unknown };
    try {
      const regex = new RegExp(this.out, 'u');
      // V8 compiles on first use: a huge pattern ("Regular expression too large") throws there, not here.
      regex.test('');
      return { ...base, regex };
    } catch {
      return { ...base, unknown: 'this browser cannot run the translated expression' };
    }
  }
}

const cache = new Map<string, Re2Result>();

/** Checks `pattern` as Go's `regexp.Compile` does and builds a JavaScript equivalent. Never throws. */
export function compileRe2(pattern: string): Re2Result {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const translator = new Translator(pattern);
  let result: Re2Result;
  try {
    result = translator.run();
  } catch (caught) {
    const message = caught instanceof GoSyntaxError ? caught.message : 'error parsing regexp: invalid pattern';
    result = { names: translator.names, groupNames: translator.groupNames, error: message };
  }
  if (cache.size > 2000) cache.clear();
  cache.set(pattern, result);
  return result;
}

/** The identity capture groups Authelia gives meaning to in `domain_regex` and `resources`. */
export const IDENTITY_GROUPS = ['User', 'Group'] as const;

export function hasIdentityGroups(pattern: string): boolean {
  const compiled = compileRe2(pattern);
  return !compiled.error && compiled.names.some((name) => (IDENTITY_GROUPS as readonly string[]).includes(name));
}
