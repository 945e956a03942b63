import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/lib/core';
import {
  defaultInternalDnsOptions,
  DNS_SERVERS,
  generateInternalDns,
  parseNameList,
  type InternalDnsOptions,
} from '../../../src/lib/dns';

const RUNS = { numRuns: 300 };
const KEYS = Object.keys(defaultInternalDnsOptions);

/** Characters of names, addresses and lists, plus the usual typos. */
const nameish = fc.array(fc.constantFrom(...'abcxyz019-._*:/ ,;\n\tAé#@'.split('')), { maxLength: 40 }).map((a) => a.join(''));
const field = fc.oneof(nameish, fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const label = fc.constantFrom('home', 'lab', 'a', 'jellyfin', 'auth', 'x-1', '*');
const names = fc
  .array(
    fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join('.')),
    { maxLength: 5 },
  )
  .map((l) => l.join(', '));

const options: fc.Arbitrary<InternalDnsOptions> = fc.record({
  domain: fc.oneof(fc.constantFrom('example.com', 'home.arpa', 'example.lan', ''), field),
  zone: fc.oneof(fc.constantFrom('', 'home', 'lab.home'), field),
  serverIp: fc.oneof(fc.constantFrom('192.168.1.10', '10.0.0.2'), field),
  tailnetIp: fc.oneof(fc.constantFrom('', '100.100.1.2'), field),
  internalNames: fc.oneof(names, field),
  publicNames: fc.oneof(
    names.map((n) =>
      parseNameList(n)
        .map((x) => `${x}.example.com`)
        .join(' '),
    ),
    field,
  ),
  upstreams: fc.oneof(fc.constantFrom('', '9.9.9.9', '9.9.9.9, 2620:fe::fe'), field),
  server: fc.oneof(fc.constantFrom(...DNS_SERVERS), fc.string({ maxLength: 8 })) as fc.Arbitrary<InternalDnsOptions['server']>,
});

describe('generateInternalDns (properties)', () => {
  it('never throws; every diagnostic with a path names an option key; errors mean no files', () => {
    fc.assert(
      fc.property(options, (o) => {
        const r = generateInternalDns(o);
        for (const d of r.diagnostics) {
          if (d.path !== undefined) expect(KEYS).toContain(d.path);
          expect(d.message.length).toBeGreaterThan(10);
          expect(d.message.length).toBeLessThan(500);
        }
        if (hasErrors(r.diagnostics)) expect(r.files).toEqual([]);
        else expect(r.files.length).toBeGreaterThanOrEqual(3);
      }),
      RUNS,
    );
  });
  it('valid names in, every file mentions the server address and nothing outside the domain', () => {
    fc.assert(
      fc.property(names, fc.constantFrom(...DNS_SERVERS), (internalNames, server) => {
        const r = generateInternalDns({ ...defaultInternalDnsOptions, internalNames, server });
        if (hasErrors(r.diagnostics)) return;
        for (const f of r.files) expect(f.content).toContain('192.168.1.10');
      }),
      RUNS,
    );
  });
  it('parseNameList never returns empty or whitespace items', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const item of parseNameList(s)) expect(item).toMatch(/^[^\s,;]+$/u);
      }),
      RUNS,
    );
  });
});
