import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findSecrets, parseDotenv, samples, splitCompose, type SplitOptions } from '../../../src/lib/compose';
import { interpolatedStrings, serviceEnvironments } from './compose-env';

const FIXTURES = join(__dirname, '../../fixtures/compose');
const corpus = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ name: f, compose: readFileSync(join(FIXTURES, f), 'utf8') }));
const inputs = [...samples.map((s) => ({ name: `sample ${s.id}`, compose: s.compose })), ...corpus];

const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
const schema = JSON.parse(readFileSync(join(__dirname, '../../fixtures/schemas/compose-spec.schema.json'), 'utf8')) as object;
const validate = ajv.compile(schema);

function schemaErrors(source: string): string[] {
  const ok = validate(parse(source, { merge: true }));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

function file(result: ReturnType<typeof splitCompose>, name: string): string {
  const f = result.files.find((x) => x.name === name);
  if (!f) throw new Error(`missing ${name}`);
  return f.content;
}

function moveEverything(source: string): SplitOptions {
  return { move: Object.fromEntries(findSecrets(source, { all: true }).map((f) => [f.id, true])) };
}

// Replacement a moved scalar gets in env mode (map value or list item), optionally followed by a carried block-scalar
// comment; a value inside a command or URL is replaced in place by the bare reference.
const REPLACEMENT = /^(?:"(?:[^"\\=]*=)?\$\{([A-Z_][A-Z0-9_]*):\?set \1 in \.env\}"|\$\{([A-Z_][A-Z0-9_]*):\?set \2 in \.env\})/;

/** Checks that `output` equals `original` everywhere except the moved scalars, each replaced by a `${NAME:?…}` reference. */
function expectOnlyMovedChanged(original: string, output: string, ranges: [number, number][]): void {
  let o = 0;
  let p = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const kept = original.slice(o, start);
    expect(output.slice(p, p + kept.length)).toBe(kept);
    p += kept.length;
    const m = REPLACEMENT.exec(output.slice(p));
    expect(m, `replacement at ${p}`).not.toBeNull();
    p += m?.[0].length ?? 0;
    const movedText = original.slice(start, end);
    o = movedText.endsWith('\n') ? end - (movedText.length - movedText.trimEnd().length) : end;
  }
  expect(output.slice(p)).toBe(original.slice(o));
}

describe('round trip corpus', () => {
  it('has at least 20 compose files of its own', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  it.each(inputs.map((i) => [i.name, i.compose] as const))('%s is a valid compose file to begin with', (_name, compose) => {
    expect(schemaErrors(compose)).toEqual([]);
  });
});

describe.each(inputs.map((i) => [i.name, i.compose] as const))('%s', (_name, compose) => {
  const original = serviceEnvironments(compose, {});

  for (const [label, options] of [
    ['detected secrets', {}],
    ['every movable value', moveEverything(compose)],
  ] as const) {
    describe(label, () => {
      const result = splitCompose(compose, options);
      const split = file(result, 'compose.yaml');
      const env = parseDotenv(file(result, '.env'));

      it('gives every service exactly its original environment', () => {
        expect(serviceEnvironments(split, env)).toEqual(original);
      });

      it('keeps every interpolated string of the services (commands, health checks, labels, URLs) exactly as before', () => {
        expect(interpolatedStrings(split, env)).toEqual(interpolatedStrings(compose, {}));
      });

      it('validates against the compose-spec schema', () => {
        expect(schemaErrors(split)).toEqual([]);
      });

      it('changes nothing but the moved values', () => {
        const moved = findSecrets(compose, { all: true }).filter(
          (f) => f.movable && ((options as SplitOptions).move?.[f.id] ?? f.secret),
        );
        expectOnlyMovedChanged(
          compose,
          split,
          moved.map((f) => f.range),
        );
      });

      it('fails loudly with the empty .env.example', () => {
        const placeholders = parseDotenv(file(result, '.env.example'));
        expect(Object.keys(placeholders).sort()).toEqual(Object.keys(env).sort());
        expect(Object.values(placeholders).every((v) => v === '')).toBe(true);
        if (Object.keys(env).length)
          expect(() => serviceEnvironments(split, placeholders)).toThrow(
            /required variable \w+ is missing a value: set \w+ in \.env/,
          );
      });
    });
  }
});

describe.each(inputs.map((i) => [i.name, i.compose] as const))('%s in Docker secrets mode', (_name, compose) => {
  const original = serviceEnvironments(compose, {});
  const result = splitCompose(compose, { mode: 'secrets' });
  const split = file(result, 'compose.yaml');
  const env = parseDotenv(file(result, '.env'));
  const doc = parse(split, { merge: true }) as {
    services: Record<string, { secrets?: (string | { source: string })[] }>;
    secrets?: Record<string, { environment?: string; file?: string }>;
  };

  it('validates against the compose-spec schema', () => {
    expect(schemaErrors(split)).toEqual([]);
  });

  it('keeps every interpolated string outside environment: (commands, health checks, labels) exactly as before', () => {
    const outside = (strings: Record<string, string>) =>
      Object.fromEntries(Object.entries(strings).filter(([path]) => !/^services\.[^.]+\.(environment|secrets)\b/.test(path)));
    expect(outside(interpolatedStrings(split, env))).toEqual(outside(interpolatedStrings(compose, {})));
  });

  it('delivers every original value, either in the environment or as a secret file of the same content', () => {
    const now = serviceEnvironments(split, env);
    for (const [service, vars] of Object.entries(original)) {
      for (const [key, value] of Object.entries(vars)) {
        if (now[service]?.[key] !== undefined) {
          expect(now[service]?.[key]).toBe(value);
          continue;
        }
        const fileKey = [`${key}_FILE`, `${key}__FILE`].find((k) => now[service]?.[k] !== undefined) ?? '';
        const path = now[service]?.[fileKey] ?? '';
        const secret = /^\/run\/secrets\/([a-z0-9_]+)$/.exec(path)?.[1] ?? '';
        expect(secret, `${service}.${key}`).not.toBe('');
        expect(doc.services[service]?.secrets).toContain(secret);
        const variable = doc.secrets?.[secret]?.environment ?? '';
        expect(env[variable]).toBe(value);
      }
    }
  });
});
