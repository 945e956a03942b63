import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { quoteYaml, toYaml } from '../../../src/lib/core/yaml';

describe('toYaml (the generators’ YAML writer)', () => {
  it('writes block style with single-quoted strings', () => {
    expect(
      toYaml({
        theme: 'auto',
        server: { address: 'tcp://:9091/' },
        session: { cookies: [{ domain: 'example.com', authelia_url: 'https://auth.example.com' }], empty: [], none: {} },
        n: 3,
        on: true,
        skipped: undefined,
        nested: [['a', 'b'], []],
      }),
    ).toBe(
      [
        "theme: 'auto'",
        'server:',
        "  address: 'tcp://:9091/'",
        'session:',
        '  cookies:',
        "    - domain: 'example.com'",
        "      authelia_url: 'https://auth.example.com'",
        '  empty: []',
        '  none: {}',
        "'n': 3",
        "'on': true",
        'nested:',
        "  - - 'a'",
        "    - 'b'",
        '  - []',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings so they read back exactly: quotes, YAML indicators, line breaks, controls', () => {
    for (const s of ["it's", '- x', '#', 'a: b', 'null', 'true', '0x10', 'line\nbreak', 'tab\there', '\u2028', '\ufeff', '']) {
      expect(parse(`k: ${quoteYaml(s)}`)).toEqual({ k: s });
    }
  });

  it('any plain value (objects, arrays, strings of any code points, numbers, booleans, null) reads back unchanged', () => {
    const key = fc.string({ unit: 'binary', maxLength: 12 }).filter((k) => k !== '__proto__');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.double({ noNaN: true }).filter((n) => !Object.is(n, -0)),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (doc) => {
        expect(parse(toYaml(doc))).toEqual(doc);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses values that have no YAML form here instead of writing something wrong', () => {
    expect(() => toYaml({ f: () => 1 } as unknown as Record<string, unknown>)).toThrow(TypeError);
  });
});
