import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findSecrets, parseDotenv, samples, splitCompose } from '../../../src/lib/compose';
import { serviceEnvironments } from './compose-env';

function expectHandled(source: string): void {
  const result = splitCompose(source);
  expect(result.files.length).toBeGreaterThanOrEqual(4);
  expect(result.diagnostics.map((d) => d.code)).not.toContain('internal-error');
}

const sampleTexts = samples.map((s) => s.compose);

/** A sample with a random slice replaced by random text: broken indentation, cut quotes, stray anchors… */
const mutatedSample = fc
  .tuple(
    fc.constantFrom(...sampleTexts),
    fc.nat(),
    fc.nat({ max: 40 }),
    fc.string({ maxLength: 12, unit: fc.constantFrom(...' \t\n:-&*<>|"\'${}#[],?!%@`\\ab0'.split('')) }),
  )
  .map(([text, at, length, insert]) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(start + length);
  });

const key = fc.oneof(
  fc.constantFrom(
    'DB_PASSWORD',
    'API_TOKEN',
    'SECRET_KEY',
    'TZ',
    'PUID',
    'ADMIN_TOKEN',
    'SMTP_PASSWORD',
    'MODE',
    'db.pass-word',
    'ключ_пароль',
  ),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
);
const tricky = fc.constantFrom(
  '$',
  '$$',
  '${X}',
  '#',
  ' #',
  "'",
  '"',
  '\\',
  '\n',
  '  ',
  'é',
  '🔐',
  ':',
  '- ',
  '&a',
  '*a',
  '0123',
  'yes',
  '1_000',
  '{',
  '[',
);
const value = fc
  .array(fc.oneof(tricky, fc.string({ maxLength: 6 }), fc.string({ maxLength: 4, unit: 'grapheme' })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

/** A compose file with random keys and literal values ($ doubled so the original means exactly the generated text). */
const composeFile = fc
  .dictionary(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    fc.record({ list: fc.boolean(), env: fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }) }),
    { minKeys: 1, maxKeys: 4 },
  )
  .map((services) => {
    const doc: Record<string, unknown> = {};
    for (const [name, s] of Object.entries(services)) {
      const env = Object.entries(s.env).map(([k, v]) => [k, v.replaceAll('$', '$$$$')] as const);
      doc[name] = { image: 'example/app:1', environment: s.list ? env.map(([k, v]) => `${k}=${v}`) : Object.fromEntries(env) };
    }
    return stringify({ services: doc });
  });

describe('splitCompose on random input (property)', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectHandled), { numRuns: 200 });
  });

  it('never throws on damaged compose files', () => {
    fc.assert(fc.property(mutatedSample, expectHandled), { numRuns: 200 });
  });

  it('never throws on arbitrary YAML documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => expectHandled(stringify(v))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => expectHandled(stringify({ services: v }))),
      { numRuns: 200 },
    );
  });

  it('keeps every service environment when every value is moved', () => {
    fc.assert(
      fc.property(composeFile, (source) => {
        const move = Object.fromEntries(findSecrets(source, { all: true }).map((f) => [f.id, true]));
        const result = splitCompose(source, { move });
        const split = result.files[0]?.content ?? '';
        const env = parseDotenv(result.files[1]?.content ?? '');
        expect(serviceEnvironments(split, env)).toEqual(serviceEnvironments(source, {}));
      }),
      { numRuns: 150 },
    );
  });
});
