import { describe, expect, it } from 'vitest';
import { parseDotenv, splitCompose } from '../../../src/lib/compose';
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
