import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateAutheliaSecrets, randomSecret, SECRET_ALPHABET } from '../../../src/lib/authelia';

const ALNUM = /^[A-Za-z0-9]+$/;

/** A source that hands out the given bytes in order, cycling. */
function cycling(values: readonly number[]): (bytes: Uint8Array) => void {
  let i = 0;
  return (bytes) => {
    for (let j = 0; j < bytes.length; j++) bytes[j] = values[i++ % values.length] ?? 0;
  };
}

/** Pearson's chi-square statistic of character counts against a uniform distribution over the alphabet. */
function chiSquare(sample: string): number {
  const counts = new Map<string, number>();
  for (const c of sample) counts.set(c, (counts.get(c) ?? 0) + 1);
  const expected = sample.length / SECRET_ALPHABET.length;
  return [...SECRET_ALPHABET].reduce((sum, c) => sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected, 0);
}

// df = 61: the 1-in-a-million critical value is about 125, so an unbiased source fails this bound essentially never.
const CHI_SQUARE_BOUND = 130;

describe('randomSecret', () => {
  it('is 64 alphanumeric characters by default', () => {
    const s = randomSecret();
    expect(s).toHaveLength(64);
    expect(s).toMatch(ALNUM);
  });

  it('has exactly the requested length and only alphanumeric characters for any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (length) => {
        const s = randomSecret(length);
        return s.length === length && ALNUM.test(s);
      }),
      { numRuns: 200 },
    );
  });

  it('draws large secrets beyond the 65,536-byte getRandomValues limit', () => {
    const s = randomSecret(100_000);
    expect(s).toHaveLength(100_000);
    expect(s).toMatch(ALNUM);
  });

  it('uses the injected random source', () => {
    expect(randomSecret(5, cycling([0, 1, 2, 26, 61]))).toBe('ABCa9');
  });

  it('rejects bytes 248-255 instead of folding them onto the first characters', () => {
    expect(randomSecret(3, cycling([248, 255, 0, 250, 61, 62]))).toBe('A9A');
  });

  it('gives every character exactly the same weight over all 256 byte values', () => {
    const all = Array.from({ length: 256 }, (_, b) => b);
    const s = randomSecret(248, cycling(all));
    const counts = [...SECRET_ALPHABET].map((c) => s.split(c).length - 1);
    expect(new Set(counts)).toEqual(new Set([4]));
  });

  it('has a uniform character distribution with the platform source (chi-square)', () => {
    expect(chiSquare(randomSecret(62 * 2000))).toBeLessThan(CHI_SQUARE_BOUND);
  });

  it('the chi-square bound detects a modulo-biased generator, so the uniformity test has teeth', () => {
    const bytes = randomBytes(62 * 2000);
    const biased = [...bytes].map((b) => SECRET_ALPHABET[b % 62]).join('');
    expect(chiSquare(biased)).toBeGreaterThan(CHI_SQUARE_BOUND);
  });

  it('throws a RangeError for a length that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => randomSecret(bad)).toThrow(RangeError);
  });

  it('throws instead of looping for ever when the source only yields rejected bytes', () => {
    expect(() => randomSecret(8, cycling([255]))).toThrow(/no usable bytes/);
  });
});

describe('generateAutheliaSecrets', () => {
  it('makes three different 64-character alphanumeric secrets', () => {
    const s = generateAutheliaSecrets();
    const values = [s.jwt, s.session, s.storageEncryptionKey];
    for (const v of values) expect(v).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(new Set(values).size).toBe(3);
  });
});
