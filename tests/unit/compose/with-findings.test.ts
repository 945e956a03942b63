import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets, samples, splitCompose, splitWithFindings, type SplitOptions } from '../../../src/lib/compose';

const FIXTURES = join(__dirname, '../../fixtures/compose');
const sources = [
  ...samples.map((s) => s.compose),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8')),
];

const OPTIONS: SplitOptions[] = [
  {},
  { mode: 'secrets' },
  { mode: 'secrets', secretSource: 'file' },
  { move: { 'services.vaultwarden.environment.SMTP_PASSWORD': false, 'services.vaultwarden.environment.DOMAIN': true } },
];

describe('splitWithFindings (one parse for the UI)', () => {
  it('equals splitCompose plus findSecrets({ all: true }) on every sample and corpus file', () => {
    for (const source of sources) {
      for (const options of OPTIONS) {
        const { findings, generated, ...result } = splitWithFindings(source, options);
        expect(result).toEqual(splitCompose(source, options));
        expect(generated).toBe(true);
        expect(findings).toEqual(findSecrets(source, { all: true }));
      }
    }
  });

  it('gives no findings and the text unchanged for input that is not a compose file', () => {
    for (const source of ['', 'services: [', 'just text', '\u0000\u0001binary', 'services:\n\tapp: {}\n']) {
      const out = splitWithFindings(source);
      expect(out.findings).toEqual([]);
      expect(out.generated).toBe(false);
      expect(out.files[0]?.content).toBe(source);
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (source) => {
        const out = splitWithFindings(source);
        expect(Array.isArray(out.findings)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
