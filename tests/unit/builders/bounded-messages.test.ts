/**
 * Issue 21 item 10: a huge paste never comes back whole in a message. For every builder, every text field (top level
 * and inside rows) is filled with a 5,000-line paste and with one 70,000-character word; no diagnostic message grows
 * past a fixed length, however much was typed.
 */
import { describe, expect, it } from 'vitest';
import { BUILDER_SPECS } from '../../../src/lib/builders/specs';

/** Longest message any builder may produce for one diagnostic, whatever the input. */
const MAX_MESSAGE = 1200;

const LINES = Array.from({ length: 5000 }, (_, i) => `10.${i % 256}.${(i >> 8) % 256}.0/24x`).join('\n');
const WORD = 'x'.repeat(70_000);

/** Every path to a string in the state: `domain`, `rules.0.domain`, `smtp.host`… */
function textPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [prefix];
  if (Array.isArray(value)) return value.flatMap((item, i) => textPaths(item, [...prefix, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => textPaths(item, [...prefix, key]));
  return [];
}

function withValue(state: unknown, path: (string | number)[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  if (Array.isArray(state)) return state.map((item, i) => (i === head ? withValue(item, rest, text) : item));
  const record = state as Record<string, unknown>;
  return { ...record, [head!]: withValue(record[head!], rest, text) };
}

/** The starting state with something in every row list, so row fields are covered too. */
function sampleState(id: string, defaults: Record<string, unknown>): Record<string, unknown> {
  if (id === 'compose') return { ...defaults, composeSource: 'services:\n  app:\n    image: nginx\n' };
  return defaults;
}

describe('messages quote at most an excerpt of what was typed', () => {
  for (const [id, spec] of Object.entries(BUILDER_SPECS)) {
    const start = sampleState(id, spec.defaults as Record<string, unknown>);
    const paths = textPaths(start);
    it(`${id}: ${paths.length} text fields, each with a 70 k paste, give messages under ${MAX_MESSAGE} characters`, () => {
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        for (const text of [LINES, WORD]) {
          const result = spec.generate(spec.toInput(withValue(start, path, text)));
          for (const d of result.diagnostics) {
            expect(d.message.length, `${id} ${path.join('.')} ${d.code}: ${d.message.slice(0, 200)}`).toBeLessThan(MAX_MESSAGE);
            // A fix is a corrected value (it may be as long as the input); the field shows only an excerpt of it.
            if (d.fix !== undefined)
              expect(d.fix.length, `${id} ${path.join('.')} ${d.code} fix`).toBeLessThan(text.length + 100);
          }
        }
      }
    }, 120_000);
  }
});

describe('notes of one kind are grouped', () => {
  it('5,000 bad routes give three messages per kind and one that counts the rest', () => {
    const spec = BUILDER_SPECS.tailscale!;
    const routes = Array.from({ length: 5000 }, (_, i) => `10.${i % 256}.${(i >> 8) % 256}.0/33`).join(',');
    const { diagnostics } = spec.generate(spec.toInput({ ...spec.defaults, routes }));
    const onRoutes = diagnostics.filter((d) => d.path === 'routes');
    const perCode = new Map<string, number>();
    for (const d of onRoutes) perCode.set(d.code, (perCode.get(d.code) ?? 0) + 1);
    for (const count of perCode.values()) expect(count).toBeLessThanOrEqual(4);
    expect(onRoutes.some((d) => /^…and \d+ more like these \(\d+ in all\)/.test(d.message))).toBe(true);
    expect(onRoutes.map((d) => d.message).join('').length).toBeLessThan(4 * MAX_MESSAGE);
  });
});
