/** Test helper: Ajv (draft 2020-12) validators for Authelia's 4.39 JSON schemas and the Compose specification. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const load = (name: string): object =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/schemas/${name}`, import.meta.url)), 'utf8')) as object;

function compile(name: string) {
  // strict: false — the upstream schemas carry keywords Ajv's strict mode rejects; unicodeRegExp: false — Authelia's
  // SMTP sender pattern escapes `<`, which JavaScript only accepts in non-unicode regular expressions.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(load(name));
  return (data: unknown): string[] =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

export const configurationSchemaErrors = compile('authelia-4.39-configuration.schema.json');
export const userDatabaseSchemaErrors = compile('authelia-4.39-user-database.schema.json');
export const composeSchemaErrors = compile('compose-spec.schema.json');
