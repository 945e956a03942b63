import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  generateAccessControl,
  matchRequest,
  normalizeAccessControl,
  renderAccessControl,
  type AccessControlOptions,
} from '../../../src/lib/authelia';

const RUNS = { numRuns: 200 };

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/schemas/authelia-4.39-configuration.schema.json', import.meta.url)), 'utf8'),
) as object;
// unicodeRegExp: false — the upstream schema has a pattern with `\<`, which a `u`-flag RegExp rejects.
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

// Any string, including quotes, line breaks, control characters and lone surrogates.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('*.example.com', "it's", '~', 'null', 'true', '- x', ': y', '#z', '{user}.example.com', ' padded '),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const stringish = fc.oneof(text, fc.array(text, { maxLength: 4 }), scalar, fc.array(scalar, { maxLength: 3 }));
const condition = fc.dictionary(
  fc.constantFrom('key', 'operator', 'value', 'op'),
  fc.oneof(text, scalar, fc.constantFrom('equal', 'pattern', 'present')),
  {
    maxKeys: 4,
  },
);
const ruleish = fc.dictionary(
  fc.constantFrom('domain', 'domain_regex', 'policy', 'subject', 'networks', 'resources', 'methods', 'query', 'ressources'),
  fc.oneof(
    stringish,
    fc.array(fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxLength: 3 }),
    fc.array(fc.oneof(fc.array(condition, { maxLength: 3 }), condition), { maxLength: 3 }),
    fc.anything(),
  ),
  { maxKeys: 9 },
);
const sectionish = fc.oneof(
  fc.record(
    {
      default_policy: fc.oneof(text, scalar, fc.constantFrom('deny', 'one_factor', 'two_factor', 'bypass')),
      networks: fc.oneof(
        fc.array(fc.record({ name: text, networks: stringish }, { requiredKeys: [] }), { maxLength: 2 }),
        fc.anything(),
      ),
      rules: fc.oneof(fc.array(fc.oneof(ruleish, fc.anything()), { maxLength: 6 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

const options = fc.oneof(
  fc.constant({
    portalDomain: 'auth.example.com',
    cookieDomains: ['example.com'],
    networkDefinitions: { internal: ['10.0.0.0/8'] },
  }),
  fc.record(
    {
      portalDomain: fc.anything(),
      cookieDomains: fc.anything(),
      networkDefinitions: fc.anything(),
      oidcClientIds: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

describe('any input', () => {
  it('yields one YAML file and well-formed diagnostics, never throwing, whatever the options', () => {
    fc.assert(
      fc.property(sectionish, options, (input, opts) => {
        const out = generateAccessControl(input, opts as AccessControlOptions);
        expect(out.files).toHaveLength(1);
        expect(out.files[0]!.name).toBe('access_control.yml');
        for (const d of out.diagnostics) {
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(d.message.length).toBeGreaterThan(10);
        }
      }),
      RUNS,
    );
  });

  it('the simulator never throws either', () => {
    fc.assert(
      fc.property(sectionish, fc.oneof(fc.webUrl(), text), fc.option(text), options, (input, url, username, opts) => {
        const m = matchRequest(
          input,
          { url, ...(username === null ? {} : { username }), ip: '10.0.0.1' },
          opts as AccessControlOptions,
        );
        expect(typeof m.policy).toBe('string');
      }),
      RUNS,
    );
  });

  it('emitted YAML parses back (yaml.parse) to the same canonical model', () => {
    fc.assert(
      fc.property(sectionish, (input) => {
        const { model } = normalizeAccessControl(input);
        const content = generateAccessControl(input).files[0]!.content;
        expect(content).toBe(renderAccessControl(model));
        const again = normalizeAccessControl(parse(content));
        expect(again.model).toEqual(model);
        expect(again.diagnostics.filter((d) => d.code.startsWith('type-') || d.code === 'query-not-list-of-lists')).toEqual([]);
      }),
      RUNS,
    );
  });
});

// Well-formed rules, as the builder form produces them.
const host = fc.constantFrom('example.com', 'app.example.com', 'a.b.example.com', 'proxmox.example.com', 'lab.example.com');
const domainList = fc.uniqueArray(
  fc.oneof(
    host,
    host.map((h) => `*.${h}`),
  ),
  { minLength: 1, maxLength: 3 },
);
const regexList = fc.uniqueArray(
  fc.constantFrom('^app\\.example\\.com$', '^(a|b)\\.example\\.com$', '^[a-z0-9]+\\.lab\\.example\\.com$'),
  {
    minLength: 1,
    maxLength: 2,
  },
);
const subjectList = fc.uniqueArray(
  fc.array(fc.constantFrom('user:john', 'user:ana', 'group:admins', 'group:family'), { minLength: 1, maxLength: 2 }),
  { minLength: 1, maxLength: 3, selector: (g) => JSON.stringify(g) },
);
const validCondition = fc.oneof(
  fc.record({ key: fc.constantFrom('a', 'token'), operator: fc.constantFrom('present', 'absent') }),
  fc.record({
    key: fc.constantFrom('a', 'token'),
    operator: fc.constantFrom('equal', 'not equal'),
    value: fc.constantFrom('1', 'x y', "it's"),
  }),
  fc.record({
    key: fc.constantFrom('a', 'token'),
    operator: fc.constantFrom('pattern', 'not pattern'),
    value: fc.constantFrom('^(abc|xyz)$', '^\\d+$'),
  }),
);
const validRule = fc
  .record(
    {
      where: fc.oneof(
        domainList.map((domain) => ({ domain })),
        regexList.map((domain_regex) => ({ domain_regex })),
      ),
      policy: fc.constantFrom('bypass', 'one_factor', 'two_factor', 'deny'),
      subject: subjectList,
      networks: fc.uniqueArray(fc.constantFrom('10.0.0.0/8', '192.168.1.10', 'fd7a:115c:a1e0::/48', '100.64.0.0/10'), {
        minLength: 1,
        maxLength: 2,
      }),
      resources: fc.uniqueArray(fc.constantFrom('^/api([/?].*)?$', '^/admin/.*$', '^/health$'), { minLength: 1, maxLength: 2 }),
      methods: fc.uniqueArray(fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'PROPFIND'), { minLength: 1, maxLength: 3 }),
      query: fc.array(fc.array(validCondition, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ['where', 'policy'] },
  )
  .map(({ where, subject, ...rest }) => ({ ...where, ...rest, ...(rest.policy === 'bypass' || !subject ? {} : { subject }) }));
const validSection = fc.record({
  default_policy: fc.constantFrom('deny', 'one_factor', 'two_factor'),
  rules: fc.array(validRule, { minLength: 1, maxLength: 6 }),
});

describe('well-formed rules', () => {
  it("pass Authelia's checks and the 4.39 JSON schema", () => {
    fc.assert(
      fc.property(validSection, (input) => {
        const out = generateAccessControl(input);
        expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const section = (parse(out.files[0]!.content) as { access_control: unknown }).access_control;
        expect(validateSchema({ access_control: section }), JSON.stringify(validateSchema.errors)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keep their meaning: the simulator decides the same before and after the round trip', () => {
    fc.assert(
      fc.property(validSection, host, fc.constantFrom('/', '/api/x', '/admin/', '/health?a=1'), (input, h, path) => {
        const request = { url: `https://${h}${path}`, username: 'john', groups: ['admins'], ip: '10.1.2.3' };
        const before = matchRequest(input, request);
        const after = matchRequest(parse(generateAccessControl(input).files[0]!.content), request);
        expect(after.rules.map((r) => r.outcome)).toEqual(before.rules.map((r) => r.outcome));
        expect(after.policy).toBe(before.policy);
      }),
      RUNS,
    );
  });
});
