import { describe, expect, it } from 'vitest';
import { parseDotenv, splitCompose } from '../../../src/lib/compose';
import { MAX_MESSAGE_CHARS } from '../../../src/lib/compose/split/group-notes';
import { largeCompose } from '../../fixtures/large-inputs';

// Correctness at size; the timing of the same input is printed by `npm run bench` (tests/bench/generators.bench.ts).
describe('a 3,000-line compose file', () => {
  it('is split completely: all 300 inline secrets move to .env', () => {
    const source = largeCompose();
    expect(source.split('\n').length).toBeGreaterThanOrEqual(3000);
    const result = splitCompose(source);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.keys(parseDotenv(result.files[1]?.content ?? '')).length).toBe(300);
  });
});

describe('a 5,000-line compose file: notes stay few and short', () => {
  const source = largeCompose(250, '5,000-line stack');
  const result = splitCompose(source);

  it('shows each kind of note at most three times and folds the rest into one counted line', () => {
    expect(source.split('\n').length).toBeGreaterThanOrEqual(5000);
    const perKind = new Map<string, number>();
    for (const d of result.diagnostics) perKind.set(d.code, (perKind.get(d.code) ?? 0) + 1);
    // 250 ports on every interface and 500 per-service variables: three of each shown, plus one folded line each.
    expect(Object.fromEntries(perKind)).toEqual({ 'port-published-all-interfaces': 4, 'variable-per-service': 4 });
    const folded = result.diagnostics.filter((d) => d.message.startsWith('The same applies in'));
    expect(folded.map((d) => [d.code, d.message])).toEqual([
      [
        'port-published-all-interfaces',
        'The same applies in 247 more places (line 75, line 95, line 115, line 135, line 155 and 242 more).',
      ],
      [
        'variable-per-service',
        expect.stringMatching(
          /^The same applies in 497 more places \(services\.app-1\.environment\.API_TOKEN, .* and 492 more\)\.$/,
        ),
      ],
    ]);
  });

  it('quotes at most a short excerpt of a huge key or value', () => {
    const hugeKey = `K${'x'.repeat(70_000)}`;
    const huge = `services:\n  app:\n    image: x\n    environment:\n      - ${hugeKey}=1\n      - ${hugeKey}=2\n`;
    const diagnostics = splitCompose(huge).diagnostics;
    expect(diagnostics.map((d) => d.code)).toContain('duplicate-env-key');
    for (const d of diagnostics) expect(d.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });
});
