import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/lib/core';
import { generateTailscale, parseAdvertiseRoutes, type TailscaleOptions } from '../../../src/lib/tailscale';

const RUNS = { numRuns: 200 };

/** Characters that make up routes, plus the usual typos (spaces, semicolons, zones, ranges). */
const routeChars = fc.constantFrom(...'0123456789abcdefABCDEF.:/,%- ;'.split(''));
const routeLike = fc.array(routeChars, { maxLength: 40 }).map((a) => a.join(''));

/** A random IPv4 prefix text: any address, any length 0–32 (so host bits are often set). */
const v4Prefix = fc
  .tuple(
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([a, b, c, d, n]) => `${a}.${b}.${c}.${d}/${n}`);

/** The same, masked here in the test (independently of the library), so it is canonical. */
const v4Canonical = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([ip, n]) => {
  const masked = n === 0 ? 0 : (ip & (0xffffffff << (32 - n))) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (masked >>> s) & 0xff).join('.')}/${n}`;
});

/** Canonical IPv6 prefixes at nibble boundaries, written uncompressed (the library must compress them). */
const v6Canonical = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 8 }))
  .map(([groups, keep]) => {
    const g = groups.map((x, i) => (i < keep ? x : 0));
    return `${g.map((x) => x.toString(16)).join(':')}/${keep * 16}`;
  });

const anyElement = fc.oneof(v4Prefix, v4Canonical, v6Canonical, routeLike, fc.constantFrom('0.0.0.0/0', '::/0', ''));
const routeList = fc.array(anyElement, { minLength: 1, maxLength: 6 }).map((a) => a.join(','));

function v4HasNoHostBits(route: string): boolean {
  const [addr = '', len = ''] = route.split('/');
  const n = Number(len);
  const ip = addr.split('.').reduce((acc, x) => acc * 256 + Number(x), 0);
  return ip % 2 ** (32 - n) === 0;
}

describe('properties', () => {
  it('never throws on random strings, and always returns an array of routes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), routeLike, routeList), (s) => {
        const r = parseAdvertiseRoutes(s);
        expect(Array.isArray(r.routes)).toBe(true);
      }),
      RUNS,
    );
  });

  it('generateTailscale never throws on random text fields', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (routes, tags, hostname, exitNode, loginServer) => {
          const o: Partial<TailscaleOptions> = {
            role: 'both',
            routes,
            tags,
            hostname,
            exitNode,
            loginServer,
            coordination: 'headscale',
          };
          const r = generateTailscale(o);
          expect(r.files.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });

  it('an accepted route list, joined and re-parsed, gives itself back', () => {
    fc.assert(
      fc.property(routeList, (s) => {
        const first = parseAdvertiseRoutes(s);
        fc.pre(!hasErrors(first.diagnostics));
        const again = parseAdvertiseRoutes(first.routes.join(','));
        expect(hasErrors(again.diagnostics)).toBe(false);
        expect(again.routes).toEqual(first.routes);
      }),
      { numRuns: 200, maxSkipsPerRun: 1000 },
    );
  });

  it('canonical lists are accepted whole, de-duplicated and stable', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(v4Canonical, v6Canonical), { minLength: 1, maxLength: 6 }), (list) => {
        // 0.0.0.0/0 and ::/0 (written 0:0:0:0:0:0:0:0/0 here) only as a pair.
        fc.pre(list.includes('0.0.0.0/0') === list.includes('0:0:0:0:0:0:0:0/0'));
        const r = parseAdvertiseRoutes(list.join(','));
        expect(hasErrors(r.diagnostics)).toBe(false);
        expect(new Set(r.routes).size).toBe(r.routes.length);
        expect(parseAdvertiseRoutes(r.routes.join(',')).routes).toEqual(r.routes);
      }),
      RUNS,
    );
  });

  it('every accepted IPv4 route has no host bits', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(v4Prefix, v4Canonical), { minLength: 1, maxLength: 5 }), (list) => {
        for (const route of parseAdvertiseRoutes(list.join(',')).routes) {
          if (!route.includes(':')) expect(v4HasNoHostBits(route), route).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('IPv4 prefixes are accepted exactly when Go would parse them and the host bits are zero', () => {
    const octet = '(0|[1-9][0-9]{0,2})';
    const shape = new RegExp(`^${octet}\\.${octet}\\.${octet}\\.${octet}/(0|[1-9][0-9]*)$`);
    const digitsAndDots = fc.array(fc.constantFrom(...'0123456789./'.split('')), { maxLength: 18 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(digitsAndDots, v4Prefix), (s) => {
        const [addr = '', len = ''] = s.split('/');
        // An empty value is accepted as "no routes".
        const goAccepts =
          s === '' ||
          (shape.test(s) && addr.split('.').every((x) => Number(x) <= 255) && Number(len) <= 32 && v4HasNoHostBits(s));
        const r = parseAdvertiseRoutes(s);
        const accepted =
          !hasErrors(r.diagnostics) || (s === '0.0.0.0/0' && r.diagnostics.some((d) => d.code === 'route-default-unpaired'));
        expect(accepted, s).toBe(goAccepts);
      }),
      { numRuns: 400 },
    );
  });

  it('a fix, when offered for a single element, is accepted by the CLI rules', () => {
    fc.assert(
      fc.property(fc.oneof(v4Prefix, routeLike), (s) => {
        for (const d of parseAdvertiseRoutes(s).diagnostics) {
          if (d.severity === 'error' && d.fix !== undefined && !s.includes(',')) {
            expect(hasErrors(parseAdvertiseRoutes(d.fix).diagnostics), `${s} → ${d.fix}`).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('overlap warnings (property)', () => {
  // An independent definition, with integer arithmetic in the test: a route lies inside another when the other is
  // shorter and both agree on the other's leading bits. Small address space (10.0.x.y) so nesting is common.
  const nested = fc
    .array(
      fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 16, max: 32 })).map(([low, n]) => {
        const ip = (0x0a000000 | low) >>> 0;
        const masked = (ip & (0xffffffff << (32 - n))) >>> 0;
        return { net: masked, bits: n, text: `${[24, 16, 8, 0].map((s) => (masked >>> s) & 0xff).join('.')}/${n}` };
      }),
      { maxLength: 30 },
    )
    .map((list) => [...new Map(list.map((p) => [p.text, p])).values()]);

  it('warns exactly once for every pair of advertised routes where one lies inside the other', () => {
    fc.assert(
      fc.property(nested, (list) => {
        const expected = new Set<string>();
        for (const outer of list)
          for (const inner of list) {
            if (outer.bits >= inner.bits) continue;
            const mask = outer.bits === 0 ? 0 : (0xffffffff << (32 - outer.bits)) >>> 0;
            if ((inner.net & mask) >>> 0 === outer.net) expected.add(`${inner.text} in ${outer.text}`);
          }
        const got = parseAdvertiseRoutes(list.map((p) => p.text).join(','))
          .diagnostics.filter((d) => d.code === 'route-overlap')
          .map((d) => {
            const m = /^(\S+) lies inside (\S+),/.exec(d.message)!;
            return `${m[1]} in ${m[2]}`;
          });
        expect(got.length).toBe(new Set(got).size);
        expect(new Set(got)).toEqual(expected);
      }),
      RUNS,
    );
  });
});
