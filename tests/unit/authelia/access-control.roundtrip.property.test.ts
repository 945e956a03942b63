/**
 * Round trip: the YAML the builder renders, read back with Authelia's decoding rules (decode.ts: mapstructure's
 * weak typing, the comma hook on subjects, lifted query lists), is the model the simulator used — and the simulator
 * answers every request the same way for both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateAccessControl, matchRequest, normalizeAccessControl } from '../../../src/lib/authelia';

const RUNS = { numRuns: 150 };

const host = fc.constantFrom(
  'app.example.com',
  'APP.example.com',
  'bob.example.com',
  'x-files.example.com',
  'example.com',
  'bücher.example.com',
  'a.example.org',
);
const domain = fc.oneof(
  fc.constantFrom(
    'app.example.com',
    '*.example.com',
    '{user}.example.com',
    '{group}.example.com',
    '{user}-files.example.com',
    '',
    'bücher.example.com',
    'App.Example.com',
  ),
  fc.string({ maxLength: 12 }),
);
const regex = fc.constantFrom(
  '^app\\.',
  '(?i:APP)\\.',
  '^(?P<User>\\w+)\\.',
  '^/(?P<User>\\w+)/',
  '\\p{L}+',
  '[[:^digit:]]',
  '^/admin',
  '',
  '(bad',
  '\\C',
);
const subjectItem = fc.constantFrom(
  'user:bob',
  'group:ops',
  'user:bob,group:ops',
  'oauth2:client:app',
  'oauth2:client: app',
  'oauth2:client:',
  'admins',
  '',
);
const subject = fc.oneof(subjectItem, fc.array(fc.oneof(subjectItem, fc.array(subjectItem, { maxLength: 2 })), { maxLength: 3 }));
const condition = fc.record(
  {
    key: fc.oneof(fc.constantFrom('token', 'a', ''), fc.integer()),
    operator: fc.constantFrom('equal', 'Equal', 'NOT EQUAL', 'present', 'Present', 'pattern', 'contains', ''),
    value: fc.oneof(fc.constantFrom('s3cret', '', '^x', '(bad'), fc.integer(), fc.boolean(), fc.constant(null)),
  },
  { requiredKeys: [] },
);
const query = fc.oneof(
  fc.array(fc.array(condition, { maxLength: 2 }), { maxLength: 2 }),
  fc.array(condition, { maxLength: 3 }),
  condition,
  fc.array(fc.oneof(condition, fc.array(condition, { maxLength: 2 }), fc.constant(null)), { maxLength: 3 }),
);
const stringOrList = <T>(item: fc.Arbitrary<T>) => fc.oneof(item, fc.array(item, { maxLength: 3 }));
const rule = fc.record(
  {
    domain: stringOrList(fc.oneof(domain, fc.integer(), fc.boolean())),
    domain_regex: stringOrList(regex),
    policy: fc.constantFrom('bypass', 'one_factor', 'two_factor', 'deny', 'Deny', ''),
    subject,
    networks: stringOrList(fc.constantFrom('10.0.0.0/8', '::/0', '::ffff:0:0/96', '192.168.1.5', 'internal', 'bad')),
    resources: stringOrList(regex),
    methods: stringOrList(fc.constantFrom('GET', 'POST', 'get', 'GET,POST')),
    query,
    domains: fc.constant('typo'),
  },
  { requiredKeys: [] },
);
const section = fc.record({
  default_policy: fc.constantFrom('deny', 'one_factor', 'bypass', 'x'),
  networks: fc.constant([{ name: 'internal', networks: ['10.0.0.0/8'] }]),
  rules: fc.array(rule, { minLength: 1, maxLength: 5 }),
});
const request = fc.record({
  url: fc
    .tuple(host, fc.constantFrom('/', '/admin%2Fx/../y', '/bob/x', '/?token=s3cret', '/?token=s3cret;x=1', '/?a'))
    .map(([name, path]) => `https://${name}${path}`),
  username: fc.constantFrom('', 'bob', 'Bob', 'alice'),
  groups: fc.constantFrom<string[]>([], ['ops'], ['OPS']),
  clientId: fc.constantFrom('', 'app'),
  ip: fc.constantFrom('', '10.1.2.3', '192.168.1.5', '::1'),
});

describe('round trip through the rendered YAML, read with Authelia’s decoding rules', () => {
  it('decode(render(model)) is the model, with no decode diagnostics the first read did not have', () => {
    fc.assert(
      fc.property(section, (input) => {
        const first = normalizeAccessControl(input);
        const yaml = generateAccessControl(input).files[0]!.content;
        const again = normalizeAccessControl(parse(yaml));
        expect(again.model).toEqual(first.model);
        expect(again.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
        expect(normalizeAccessControl(parse(generateAccessControl(again.model).files[0]!.content)).model).toEqual(first.model);
      }),
      RUNS,
    );
  });

  it('the simulator answers every request the same for the input and for the YAML read back', () => {
    fc.assert(
      fc.property(section, request, (input, asked) => {
        const back = parse(generateAccessControl(input).files[0]!.content);
        const simulate = (rules: unknown) => {
          const result = matchRequest(rules, asked);
          return { rules: result.rules.map((entry) => entry.outcome), decided: result.matchedRule, policy: result.policy };
        };
        expect(simulate(back)).toEqual(simulate(input));
      }),
      RUNS,
    );
  });
});
