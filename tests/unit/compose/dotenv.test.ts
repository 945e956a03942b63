import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDotenvValue, parseDotenv } from '../../../src/lib/compose';

// Every rule of compose-go's dotenv parser (https://github.com/compose-spec/compose-go/blob/v2.13.0/dotenv/parser.go), one row each: [rule, .env text, expected map].
const VALUES: readonly [string, string, Record<string, string>][] = [
  ['comment lines are ignored', '# a comment\nA=1\n', { A: '1' }],
  ['blank lines and leading whitespace are skipped', '\n\n   A=1\n\t B=2\n', { A: '1', B: '2' }],
  ['CRLF line endings leave nothing extra', 'A=1\r\nB=two\r\n', { A: '1', B: 'two' }],
  ['a UTF-8 BOM is stripped', '\uFEFFA=1\n', { A: '1' }],
  ['export is stripped', 'export A=1\n', { A: '1' }],
  ['exportFoo keeps its name', 'exportFoo=2\n', { exportFoo: '2' }],
  ['a colon separates like =', 'A: v\n', { A: 'v' }],
  ['spaces around the separator are allowed', 'A = v\n', { A: 'v' }],
  ['keys take letters, digits, _ . - [ ]', 'a.b-c[0]_d=1\nÄÖ=2\n', { 'a.b-c[0]_d': '1', ÄÖ: '2' }],
  ['a key starting with a digit is kept', '1A=x\n', { '1A': 'x' }],
  ['KEY alone inherits from the shell (none here)', 'A\nB=2\n', { B: '2' }],
  ['KEY= is the empty string', 'A=\n', { A: '' }],
  ['an unquoted value ends at the line end', 'A=x\nB=y', { A: 'x', B: 'y' }],
  ['space + # starts an inline comment', 'A=abc #def\n', { A: 'abc' }],
  ['TAB + # does not start a comment', 'A=abc\t#def\n', { A: 'abc\t#def' }],
  ['# without a space before it is part of the value', 'A=abc#def\n', { A: 'abc#def' }],
  ['surrounding whitespace is trimmed, inner spaces kept', 'A=   x  y   \n', { A: 'x  y' }],
  ['leading whitespace is trimmed before looking for " #"', 'A= #c\n', { A: '#c' }],
  ['unquoted values interpolate earlier variables', 'A=1\nB=${A}2\nC=$A-3\n', { A: '1', B: '12', C: '1-3' }],
  ['$$ is a literal $ in unquoted values', 'C=x$$y\n', { C: 'x$y' }],
  ['backslashes are literal unquoted; \\$ does not escape', 'A=x\\$B\n', { A: 'x\\' }],
  ['an unquoted bcrypt hash is mangled', 'A=$2a$10$abcdefghij\n', { A: '$2a$10' }],
  ['a single-quoted bcrypt hash is intact', "A='$2a$10$abcdefghij'\n", { A: '$2a$10$abcdefghij' }],
  ['single quotes do not interpolate', "A=1\nB='${A} $A'\n", { A: '1', B: '${A} $A' }],
  ["single quotes keep backslashes except \\'", "A='a\\\\b'\nE='it\\'s'\n", { A: 'a\\\\b', E: "it's" }],
  ['single-quoted values may span lines', "A='one\ntwo'\nB=3\n", { A: 'one\ntwo', B: '3' }],
  ['double-quoted values may span lines', 'A="one\ntwo"\n', { A: 'one\ntwo' }],
  ['double quotes expand \\n \\t \\r \\\\ \\"', 'A="a\\nb\\tc\\rd\\\\e\\"f"\n', { A: 'a\nb\tc\rd\\e"f' }],
  ['double quotes expand \\a \\b \\f \\v', 'A="\\a\\b\\f\\v"\n', { A: '\x07\b\f\v' }],
  ['\\$ in double quotes is a literal $', 'H="x\\$y"\n', { H: 'x$y' }],
  ['octal \\0NNN is expanded', 'A="\\0123"\n', { A: 'S' }],
  ['unknown escapes stay verbatim', 'A="\\x41"\nB="\\q"\n', { A: '\\x41', B: '\\q' }],
  ['double-quoted values interpolate', 'A=1\nB="${A}x$$"\n', { A: '1', B: '1x$' }],
  ['a comment after the closing quote is fine', 'A="x" # note\nB=\'y\'   # note\n', { A: 'x', B: 'y' }],
  ['later duplicates win', 'A=1\nA=2\n', { A: '2' }],
  ['only earlier lines are visible', 'A=$B\nB=1\n', { A: '', B: '1' }],
  ['defaults and operators work in .env', 'A=${UNSET:-fallback}\nB=${A:+set}\n', { A: 'fallback', B: 'set' }],
];

describe('parseDotenv', () => {
  it.each(VALUES)('%s', (_rule, text, expected) => {
    expect(parseDotenv(text)).toEqual(expected);
  });

  it('keeps a __proto__ key as an ordinary entry', () => {
    expect(Object.keys(parseDotenv("__proto__='x'\n"))).toEqual(['__proto__']);
  });

  const ERRORS: readonly [string, string, RegExp][] = [
    ['a space inside a key', 'A B=1\n', /^line 1: key cannot contain a space$/],
    ['a character not allowed in a key', '\n\nA"=1\n', /^line 3: unexpected character "\\"" in variable name "A\\"=1"$/],
    ['a value ending in \\ inside single quotes', "A='ends\\'\n", /^line 1: unterminated quoted value 'ends\\'$/],
    ['an unterminated double quote', 'X=1\nA="open\nB=2\n', /^line 2: unterminated quoted value "open$/],
    ['an invalid ${} form', 'A=ok\nB=${}\n', /^line 2: Invalid template: "\$\{\}"$/],
    ['a required variable without a value', 'A=${B:?need B}\n', /^line 1: required variable B is missing a value: need B$/],
    ['export followed by nothing', 'export   ', /^line 1: zero length string$/],
  ];

  it.each(ERRORS)('throws naming the line for %s', (_what, text, message) => {
    expect(() => parseDotenv(text)).toThrow(message);
  });
});

describe('encodeDotenvValue', () => {
  const CASES: readonly [string, string][] = [
    ['simple', "'simple'"],
    ['', "''"],
    ['$2a$10$abc', "'$2a$10$abc'"],
    ['a #b', "'a #b'"],
    ["it's", '"it\'s"'],
    ['ends\\', '"ends\\\\"'],
    ['it\'s $HOME\n"x"', '"it\'s \\$HOME\\n\\"x\\""'],
  ];

  it.each(CASES)('spells %j as %s', (value, spelled) => {
    expect(encodeDotenvValue(value)).toBe(spelled);
  });

  it.each(CASES)('reads %j back unchanged', (value) => {
    expect(parseDotenv(`K=${encodeDotenvValue(value)}`).K).toBe(value);
  });

  const tricky = fc.constantFrom(
    '$',
    '$$',
    '${',
    '}',
    '#',
    ' #',
    "'",
    '"',
    '\\',
    '\\\\',
    '\n',
    '\r\n',
    '\t',
    ' ',
    'é',
    '𝄞',
    '\u00a0',
    '\\0123',
    '=',
    ':',
  );
  const value = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join('')),
  );

  it('round-trips every string through parseDotenv (property)', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(parseDotenv(`K=${encodeDotenvValue(v)}\nNEXT=1\n`)).toEqual({ K: v, NEXT: '1' });
      }),
      { numRuns: 300 },
    );
  });
});
