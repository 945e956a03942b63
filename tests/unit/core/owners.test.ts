import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRecord, isStringArray } from '../../../src/lib/core/guards';
import { isIPv4Address, parseAddr, parsePrefix, prefixContains } from '../../../src/lib/core/ip/go-netip';
import { joinList, splitList, splitWords } from '../../../src/lib/core/list';
import { goQuote, shellQuote } from '../../../src/lib/core/quote';
import { decodeShare, encodeShare, type StateSchema } from '../../../src/lib/core/share';

describe('core/list: one rule per kind of list', () => {
  it('splitList keeps spaces inside items and splits on commas and line breaks only', () => {
    expect(splitList(' family , media admins\nops\r\n,, ')).toEqual(['family', 'media admins', 'ops']);
  });
  it('splitWords splits on commas, semicolons and any whitespace', () => {
    expect(splitWords('a.example.com, b.example.com;c\n\td')).toEqual(['a.example.com', 'b.example.com', 'c', 'd']);
  });
  it('joinList then splitList gives the items back (items without commas or line breaks, trimmed, non-empty)', () => {
    const item = fc.string({ minLength: 1 }).filter((s) => !/[,\r\n]/.test(s) && s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(fc.array(item), (items) => {
        expect(splitList(joinList(items))).toEqual(items);
      }),
    );
  });
});

describe('core/guards', () => {
  it('isRecord accepts plain objects only', () => {
    expect([{}, { a: 1 }].map(isRecord)).toEqual([true, true]);
    expect([null, [], 'x', 1, undefined].map(isRecord)).toEqual([false, false, false, false, false]);
  });
  it('isStringArray', () => {
    expect(isStringArray(['a'])).toBe(true);
    expect(isStringArray(['a', 1])).toBe(false);
    expect(isStringArray('a')).toBe(false);
  });
});

describe('core/quote', () => {
  it('goQuote escapes like Go strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\u00a0')).toBe('"a\\"b\\\\c\\n\\u00a0"');
  });
  it('shellQuote reads back as the same word in a real sh', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('\u0000')),
        (s) => {
          const out = spawnSync('sh', ['-c', `printf '%s' ${shellQuote(s)}`], { encoding: 'utf8' });
          expect(out.stdout).toBe(s);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('core/ip/go-netip helpers', () => {
  it('isIPv4Address follows netip.ParseAddr (no leading zeros, four fields)', () => {
    expect(['192.168.1.10', '0.0.0.0'].map(isIPv4Address)).toEqual([true, true]);
    expect(['192.168.01.10', '192.168.1', '::1', '192.168.1.10/24', 'example.com'].map(isIPv4Address)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it('prefixContains: same family only, masked prefix', () => {
    const addr = parseAddr('192.168.1.10')!;
    expect(prefixContains(parsePrefix('192.168.1.0/24')!, addr)).toBe(true);
    expect(prefixContains(parsePrefix('192.168.1.77/24')!, addr)).toBe(true);
    expect(prefixContains(parsePrefix('192.168.2.0/24')!, addr)).toBe(false);
    expect(prefixContains(parsePrefix('::/0')!, addr)).toBe(false);
  });
});

describe('core/share: the migration hook', () => {
  const defaults = { name: 'a', count: 1 };
  const v1: StateSchema = { version: 1, secretKeys: [] };
  const v2: StateSchema = {
    version: 2,
    secretKeys: [],
    migrate: (fields, from) => (from === 1 ? { ...fields, name: `${String(fields['title'] ?? 'a')}` } : undefined),
  };
  it('a link made by version 1 still opens in version 2 through migrate', () => {
    const old = encodeShare({ title: 'old name', count: 3 } as unknown as typeof defaults, defaults, v1);
    expect(decodeShare(old, defaults, v2)).toEqual({ ok: true, state: { name: 'old name', count: 3 } });
  });
  it('without migrate, or from a newer version, the link is refused politely', () => {
    const newer = encodeShare({ name: 'b', count: 2 }, defaults, { ...v2, version: 3 });
    expect(decodeShare(newer, defaults, v2)).toMatchObject({ ok: false, reason: expect.stringContaining('another version') });
    const old = encodeShare({ name: 'b', count: 2 }, defaults, v1);
    expect(decodeShare(old, defaults, { version: 2, secretKeys: [] })).toMatchObject({ ok: false });
  });
  it('a migrate that throws or refuses gives the polite refusal, never an exception', () => {
    const old = encodeShare({ name: 'b', count: 2 }, defaults, v1);
    const throwing: StateSchema = {
      version: 2,
      secretKeys: [],
      migrate: () => {
        throw new Error('boom');
      },
    };
    expect(decodeShare(old, defaults, throwing)).toMatchObject({ ok: false });
  });
});
