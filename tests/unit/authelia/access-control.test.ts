import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../../src/lib/core';
import { generateAccessControl, normalizeAccessControl } from '../../../src/lib/authelia';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/schemas/authelia-4.39-configuration.schema.json', import.meta.url)), 'utf8'),
) as object;
// unicodeRegExp: false — the upstream schema has a pattern with `\<`, which a `u`-flag RegExp rejects.
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

const METHODS_OR =
  "'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'CONNECT', 'OPTIONS', 'COPY', 'LOCK', 'MKCOL', 'MOVE', 'PROPFIND', 'PROPPATCH', or 'UNLOCK'";
const POLICIES_OR = "'bypass', 'one_factor', 'two_factor', or 'deny'";

const withCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

/** The one diagnostic with `code`; its message must begin with Authelia's exact text followed by a full stop. */
function expectAuthelia(input: unknown, code: string, authelia: string, path?: string, options = {}): Diagnostic {
  const found = withCode(generateAccessControl(input, options).diagnostics, code);
  expect(found, code).toHaveLength(1);
  const d = found[0]!;
  expect(d.message.slice(0, authelia.length + 1)).toBe(`${authelia}.`);
  if (path !== undefined) expect(d.path).toBe(path);
  return d;
}

const rules = (...r: unknown[]) => ({ default_policy: 'deny', rules: r });
const sectionOf = (input: unknown, options = {}) =>
  (parse(generateAccessControl(input, options).files[0]!.content) as { access_control: unknown }).access_control;

describe('generateAccessControl output', () => {
  it('returns exactly one access_control.yml file in YAML', () => {
    const out = generateAccessControl(rules({ domain: 'a.example.com', policy: 'one_factor' }));
    expect(out.files).toHaveLength(1);
    expect(out.files[0]).toMatchObject({ name: 'access_control.yml', language: 'yaml' });
    expect(out.files[0]!.content.startsWith('access_control:\n')).toBe(true);
  });

  it('writes the canonical form: lists everywhere, subjects as lists of lists, single-quoted strings', () => {
    const content = generateAccessControl(
      rules({ domain: '*.example.com', policy: 'two_factor', subject: ['user:john', ['group:a', 'group:b']], methods: 'GET' }),
    ).files[0]!.content;
    expect(content).toContain("- '*.example.com'");
    expect(content).toContain("policy: 'two_factor'");
    expect(content).toContain("- ['user:john']");
    expect(content).toContain("- ['group:a', 'group:b']");
    expect(sectionOf(rules({ domain: '*.example.com', policy: 'two_factor', subject: 'user:john', methods: 'GET' }))).toEqual({
      default_policy: 'deny',
      rules: [{ domain: ['*.example.com'], policy: 'two_factor', subject: [['user:john']], methods: ['GET'] }],
    });
  });

  it('fills in the query operator Authelia would default to', () => {
    const section = sectionOf(
      rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', value: '1' }, { key: 'b' }]] }),
    );
    expect(section).toMatchObject({
      rules: [
        {
          query: [
            [
              { key: 'a', operator: 'equal', value: '1' },
              { key: 'b', operator: 'present' },
            ],
          ],
        },
      ],
    });
  });

  it('defaults a missing default_policy to deny and accepts the { access_control } wrapper', () => {
    expect(normalizeAccessControl({ access_control: { rules: [] } }).model.default_policy).toBe('deny');
  });

  it('validates against the Authelia 4.39 JSON schema (wrapped in a configuration object)', () => {
    const section = sectionOf(
      rules(
        { domain: ['example.com', '*.example.com'], policy: 'two_factor', subject: ['user:john', ['group:a', 'group:b']] },
        { domain_regex: '^app\\.example\\.com$', policy: 'one_factor', networks: ['10.0.0.0/8'], methods: ['GET', 'HEAD'] },
        {
          domain: 'api.example.com',
          policy: 'bypass',
          resources: ['^/api([/?].*)?$'],
          query: [[{ key: 'token', operator: 'present' }]],
        },
      ),
    );
    expect(validateSchema({ access_control: section }), JSON.stringify(validateSchema.errors)).toBe(true);
  });
});

describe("Authelia's validator checks, with its wording", () => {
  it('default-policy-invalid', () => {
    const d = expectAuthelia(
      { default_policy: 'allow', rules: [{ domain: 'a.example.com', policy: 'deny' }] },
      'default-policy-invalid',
      `access_control: option 'default_policy' must be one of ${POLICIES_OR} but it's configured as 'allow'`,
      'default_policy',
    );
    expect(d).toMatchObject({ severity: 'error', fix: 'deny' });
  });

  it('rules-empty-bad-default for deny (also when default_policy is omitted) and bypass', () => {
    const msg = (p: string) =>
      `access_control: 'default_policy' option '${p}' is invalid: when no rules are specified it must be 'two_factor' or 'one_factor'`;
    expectAuthelia({ default_policy: 'deny', rules: [] }, 'rules-empty-bad-default', msg('deny'), 'default_policy');
    expectAuthelia({}, 'rules-empty-bad-default', msg('deny'));
    expectAuthelia({ default_policy: 'bypass' }, 'rules-empty-bad-default', msg('bypass'));
  });

  it('rules-empty-warn for one_factor or two_factor without rules (a warning, not an error)', () => {
    const d = expectAuthelia(
      { default_policy: 'two_factor' },
      'rules-empty-warn',
      "access_control: no rules have been specified so the 'default_policy' of 'two_factor' is going to be applied to all requests",
    );
    expect(d.severity).toBe('warning');
  });

  it('rule-no-domain uses the plain descriptor', () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny' }, { policy: 'one_factor' }),
      'rule-no-domain',
      "access_control: rule #2: option 'domain' or 'domain_regex' must be present but are both absent",
      'rules[1]',
    );
  });

  it('rule-domain-ineffective-wildcard is a warning with plain #N and the domain position', () => {
    const d = expectAuthelia(
      rules({ domain: ['a.example.com', '*example.com'], policy: 'deny' }),
      'rule-domain-ineffective-wildcard',
      "access_control: rule #1: domain #2: domain '*example.com' is ineffective and should probably be '*.example.com' instead",
      'rules[0].domain[1]',
    );
    expect(d).toMatchObject({ severity: 'warning', fix: '*.example.com' });
  });

  it('rule-policy-missing names the domains joined by a comma without a space', () => {
    expectAuthelia(
      rules({ domain: ['a.example.com', 'b.example.com'] }),
      'rule-policy-missing',
      "access_control: rule #1 (domain 'a.example.com,b.example.com'): option 'policy' must be present but it's absent",
      'rules[0].policy',
    );
  });

  it('rule-policy-invalid is case-sensitive and never shows domain_regex in the descriptor', () => {
    const d = expectAuthelia(
      rules({ domain_regex: '^a\\.example\\.com$', policy: 'Two_Factor' }),
      'rule-policy-invalid',
      `access_control: rule #1: option 'policy' must be one of ${POLICIES_OR} but it's configured as 'Two_Factor'`,
      'rules[0].policy',
    );
    expect(d.fix).toBe('two_factor');
  });

  it('rule-subject-prefix for each bad subject', () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'one_factor', subject: [['group:ok', 'admins']] }),
      'rule-subject-prefix',
      "access_control: rule #1 (domain 'a.example.com'): 'subject' option 'admins' is invalid: must start with 'user:', 'group:', or 'oauth2:client:'",
      'rules[0].subject[0][1]',
    );
  });

  it('rule-subject-oauth2-client-unknown when the registered clients are known', () => {
    const input = rules({ domain: 'a.example.com', policy: 'one_factor', subject: 'oauth2:client:ghost' });
    expectAuthelia(
      input,
      'rule-subject-oauth2-client-unknown',
      "access_control: rule #1 (domain 'a.example.com'): option 'subject' with value 'oauth2:client:ghost' is invalid: the client id 'ghost' does not belong to a registered client",
      'rules[0].subject[0][0]',
      { oidcClientIds: ['grafana'] },
    );
    expect(
      withCode(generateAccessControl(input, { oidcClientIds: ['ghost'] }).diagnostics, 'rule-subject-oauth2-client-unknown'),
    ).toEqual([]);
  });

  it('rule-methods-invalid lists every invalid value joined with "and"', () => {
    const d = expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny', methods: ['GET', 'get', 'FETCH'] }),
      'rule-methods-invalid',
      `access_control: rule #1 (domain 'a.example.com'): option 'methods' must only have the values ${METHODS_OR} but the values 'get' and 'FETCH' are present`,
      'rules[0].methods[1]',
    );
    expect(d.severity).toBe('error');
  });

  it('rule-methods-duplicate reports each duplicated valid method once', () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny', methods: ['GET', 'POST', 'GET', 'POST', 'GET'] }),
      'rule-methods-duplicate',
      "access_control: rule #1 (domain 'a.example.com'): option 'methods' must have unique values but the values 'GET' and 'POST' are duplicated",
      'rules[0].methods[0]',
    );
  });

  it('rule-query-operator-invalid (operators are matched case-insensitively)', () => {
    const input = rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', operator: 'contains', value: 'x' }]] });
    expectAuthelia(
      input,
      'rule-query-operator-invalid',
      "access_control: rule #1 (domain 'a.example.com'): query: option 'operator' must be one of 'present', 'absent', 'equal', 'not equal', 'pattern', or 'not pattern' but it's configured as 'contains'",
      'rules[0].query[0][0].operator',
    );
    const upper = rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', operator: 'NOT EQUAL', value: 'x' }]] });
    expect(withCode(generateAccessControl(upper).diagnostics, 'rule-query-operator-invalid')).toEqual([]);
  });

  it('rule-query-key-missing', () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny', query: [[{ operator: 'present' }]] }),
      'rule-query-key-missing',
      "access_control: rule #1 (domain 'a.example.com'): query: option 'key' is required but it's absent",
      'rules[0].query[0][0].key',
    );
  });

  it('rule-query-value-missing for equal, not equal, pattern and not pattern', () => {
    for (const op of ['equal', 'not equal', 'pattern', 'not pattern']) {
      expectAuthelia(
        rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', operator: op }]] }),
        'rule-query-value-missing',
        `access_control: rule #1 (domain 'a.example.com'): query: option 'value' must be present when the option 'operator' is '${op}' but it's absent`,
        'rules[0].query[0][0].value',
      );
    }
  });

  it('rule-query-value-forbidden for present and absent with a value (an empty value is fine)', () => {
    for (const op of ['present', 'absent']) {
      expectAuthelia(
        rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', operator: op, value: 'x' }]] }),
        'rule-query-value-forbidden',
        `access_control: rule #1 (domain 'a.example.com'): query: option 'value' must not be present when the option 'operator' is '${op}' but it's present`,
      );
    }
    const empty = rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', operator: 'present', value: '' }]] });
    expect(withCode(generateAccessControl(empty).diagnostics, 'rule-query-value-forbidden')).toEqual([]);
  });

  it("rule-query-pattern-invalid carries Go's regexp error", () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', operator: 'pattern', value: '(bad pattern' }]] }),
      'rule-query-pattern-invalid',
      "access_control: rule #1 (domain 'a.example.com'): query: option 'value' is invalid: error parsing regexp: missing closing ): `(bad pattern`",
      'rules[0].query[0][0].value',
    );
  });

  it('rule-query-value-type names the Go type', () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', value: 5 }]] }),
      'rule-query-value-type',
      "access_control: rule #1 (domain 'a.example.com'): query: option 'value' is invalid: expected type was string but got int",
      'rules[0].query[0][0].value',
    );
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', operator: 'equal', value: true }]] }),
      'rule-query-value-type',
      "access_control: rule #1 (domain 'a.example.com'): query: option 'value' is invalid: expected type was string but got bool",
    );
  });

  it('rule-bypass-with-subject', () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'bypass', subject: 'group:admins' }),
      'rule-bypass-with-subject',
      "access_control: rule #1 (domain 'a.example.com'): 'policy' option 'bypass' is not supported when 'subject' option is configured: see https://www.authelia.com/c/acl#bypass",
      'rules[0].subject',
    );
  });

  it('rule-bypass-with-named-group-regex for (?P<User>…) and (?P<Group>…)', () => {
    for (const regex of ['^(?P<User>\\w+)\\.example\\.com$', '^(?P<Group>\\w+)\\.example\\.com$']) {
      expectAuthelia(
        rules({ domain_regex: regex, policy: 'bypass' }),
        'rule-bypass-with-named-group-regex',
        "access_control: rule #1: 'policy' option 'bypass' is not supported when 'domain_regex' option contains the user or group named matches. For more information see: https://www.authelia.com/c/acl-match-concept-2",
        'rules[0].domain_regex[0]',
      );
    }
    const other = rules({ domain_regex: '^(?P<Name>\\w+)\\.example\\.com$', policy: 'bypass' });
    expect(withCode(generateAccessControl(other).diagnostics, 'rule-bypass-with-named-group-regex')).toEqual([]);
  });

  it('runs the per-rule checks in Authelia order: domains, policy, subjects, methods, query, bypass', () => {
    const out = generateAccessControl(
      rules({
        domain: '*x.example.com',
        policy: 'bypass',
        subject: 'nobody',
        methods: 'get',
        query: [[{ operator: 'present' }]],
      }),
    );
    expect(out.diagnostics.filter((d) => d.code.startsWith('rule-')).map((d) => d.code)).toEqual([
      'rule-domain-ineffective-wildcard',
      'rule-subject-prefix',
      'rule-methods-invalid',
      'rule-query-key-missing',
      'rule-bypass-with-subject',
    ]);
  });
});

describe("Authelia's decode-time errors", () => {
  it('networks-unparseable for a bad CIDR', () => {
    expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'bypass', networks: ['10.0.0.0/33'] }),
      'networks-unparseable',
      'failed to parse network "10.0.0.0/33": invalid CIDR address: 10.0.0.0/33',
      'rules[0].networks[0]',
    );
  });

  it('networks-unparseable for an undefined name when the definitions are known, a warning when they are not', () => {
    const input = rules({ domain: 'a.example.com', policy: 'bypass', networks: 'internal' });
    expectAuthelia(
      input,
      'networks-unparseable',
      'failed to parse network "internal": invalid CIDR address: internal',
      undefined,
      {
        networkDefinitions: { lan: '192.168.0.0/16' },
      },
    );
    expect(withCode(generateAccessControl(input).diagnostics, 'network-name-unresolved')[0]).toMatchObject({
      severity: 'warning',
    });
    const defined = generateAccessControl(input, { networkDefinitions: { internal: ['192.168.0.0/16'] } }).diagnostics;
    expect(defined.filter((d) => ['networks-unparseable', 'network-name-unresolved'].includes(d.code))).toEqual([]);
  });

  it('accepts IPs, CIDRs with host bits, IPv6 and names from the legacy networks list', () => {
    const out = generateAccessControl({
      default_policy: 'deny',
      networks: [{ name: 'lan', networks: ['192.168.1.0/24'] }],
      rules: [
        { domain: 'a.example.com', policy: 'one_factor', networks: ['10.1.2.3', '10.1.2.3/8', 'fd7a:115c:a1e0::/48', 'lan'] },
      ],
    });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('networks-duplicate-definition when a name is in both places', () => {
    expectAuthelia(
      {
        default_policy: 'deny',
        networks: [{ name: 'lan', networks: ['192.168.1.0/24'] }],
        rules: [{ domain: 'a.example.com', policy: 'one_factor' }],
      },
      'networks-duplicate-definition',
      "error occurred during unmarshaling definitions configuration: the definition for network with name 'lan' exists in both the definitions section and access control section which is not permitted",
      'networks[0].name',
      { networkDefinitions: { lan: '10.0.0.0/8' } },
    );
  });

  it('regex-unparseable for domain_regex and resources that Go RE2 rejects', () => {
    const cases: [string, string][] = [
      ['(bad', 'missing closing ): `(bad`'],
      ['a)', 'unexpected ): `a)`'],
      ['[a-', 'missing closing ]: `[a-`'],
      ['*a', 'missing argument to repetition operator: `*`'],
      ['a**', 'invalid nested repetition operator: `**`'],
      ['^(?=x)', 'invalid or unsupported Perl syntax: `(?=`'],
      ['^(?!x)', 'invalid or unsupported Perl syntax: `(?!`'],
      ['(a)\\1', 'invalid escape sequence: `\\1`'],
      ['[z-a]', 'invalid character class range: `z-a`'],
      ['a{1001}', 'invalid repeat count: `{1001}`'],
    ];
    for (const [pattern, goError] of cases) {
      expectAuthelia(
        rules({ domain: 'a.example.com', policy: 'deny', resources: pattern }),
        'regex-unparseable',
        `could not decode '${pattern}' to a regexp.Regexp: error parsing regexp: ${goError}`,
        'rules[0].resources[0]',
      );
    }
    expectAuthelia(
      rules({ domain_regex: '^(?<=a)b$', policy: 'deny' }),
      'regex-unparseable',
      "could not decode '^(?<=a)b$' to a regexp.Regexp: error parsing regexp: invalid named capture: `(?<=a)b$`",
      'rules[0].domain_regex[0]',
    );
  });

  it('accepts RE2 syntax JavaScript lacks: (?P<User>…), (?i), \\-, [[:alpha:]], \\A and \\z', () => {
    const out = generateAccessControl(
      rules(
        {
          domain_regex: ['^(?P<User>\\w+)\\.example\\.com$', '(?i)^APP\\.example\\.com$', '^(\\d+\\-)?priv-img\\.example\\.com$'],
          policy: 'one_factor',
        },
        { domain: 'a.example.com', policy: 'deny', resources: ['^/[[:alpha:]]+$', '\\A/x\\z'] },
      ),
    );
    expect(withCode(out.diagnostics, 'regex-unparseable')).toEqual([]);
  });

  it('accepts common valid resource patterns from the docs and cookbooks', () => {
    const patterns = [
      '^/api([/?].*)?$',
      '^*/admin.*$',
      '^/(?:api|rest)/.*$',
      '^/[\\w-]+/?$',
      '^(?i)/admin',
      '(?i:abc)',
      '\\.php$',
      'x{2,}',
      'a{,3}',
      '^/\\Qa.b\\E$',
    ];
    const out = generateAccessControl(rules({ domain: 'a.example.com', policy: 'deny', resources: patterns }));
    expect(withCode(out.diagnostics, 'regex-unparseable')).toEqual([]);
  });

  it('key-unknown for a misspelled rule option, suggesting the right one', () => {
    const d = expectAuthelia(
      rules({ domain: 'a.example.com', policy: 'deny', ressources: '^/api' }),
      'key-unknown',
      'configuration key not expected: access_control.rules[].ressources',
      'rules[0].ressources',
    );
    expect(d).toMatchObject({ severity: 'error', fix: 'resources' });
    expect(
      generateAccessControl(rules({ domain: 'a.example.com', policy: 'deny', ressources: '^/api' })).files[0]!.content,
    ).not.toContain('ressources');
  });

  it('key-unknown at the section level; a key inside a query condition is ignored by Authelia (a warning, not an error)', () => {
    const query = generateAccessControl(
      rules({ domain: 'a.example.com', policy: 'deny', query: [[{ key: 'a', op: 'present' }]] }),
    );
    expect(withCode(query.diagnostics, 'key-unknown')).toEqual([]);
    expect(withCode(query.diagnostics, 'query-key-ignored')[0]).toMatchObject({
      severity: 'warning',
      path: 'rules[0].query[0][0].op',
    });
    expectAuthelia(
      { default_policy: 'deny', rule: [], rules: [{ domain: 'a.example.com', policy: 'deny' }] },
      'key-unknown',
      'configuration key not expected: access_control.rule',
    );
  });
});

describe('bad input', () => {
  it('never throws on wrong types and reports the field', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      42,
      'text',
      [],
      { rules: 'x' },
      { rules: [1, 'a', [], null] },
      { default_policy: {} },
    ];
    for (const input of inputs) expect(() => generateAccessControl(input)).not.toThrow();
    const out = generateAccessControl({ default_policy: 'deny', rules: ['a', { domain: { x: 1 }, policy: 'deny' }] });
    expect(withCode(out.diagnostics, 'rule-not-object')[0]?.path).toBe('rules[0]');
    expect(withCode(out.diagnostics, 'type-invalid')[0]?.path).toBe('rules[1].domain');
  });

  it('a flat query list is accepted, each condition its own group (OR), with an info', () => {
    const input = rules({ domain: 'a.example.com', policy: 'deny', query: [{ key: 'a' }, { key: 'b' }] });
    const out = generateAccessControl(input);
    expect(withCode(out.diagnostics, 'query-flat-list')[0]).toMatchObject({ severity: 'info', path: 'rules[0].query' });
    expect(out.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(normalizeAccessControl(input).model.rules[0]!.query).toEqual([
      [{ key: 'a', operator: 'present' }],
      [{ key: 'b', operator: 'present' }],
    ]);
  });

  it('a domain written as a URL gets a warning with the host as fix', () => {
    const d = withCode(
      generateAccessControl(rules({ domain: 'https://app.example.com/', policy: 'deny' })).diagnostics,
      'domain-not-hostname',
    );
    expect(d[0]).toMatchObject({ path: 'rules[0].domain[0]', fix: 'app.example.com' });
  });

  it('a domain with a port or a trailing dot gets a warning with the bare host as fix', () => {
    for (const domain of ['app.example.com:8443', 'app.example.com.']) {
      const d = withCode(generateAccessControl(rules({ domain, policy: 'deny' })).diagnostics, 'domain-not-hostname');
      expect(d, domain).toEqual([
        expect.objectContaining({ severity: 'warning', path: 'rules[0].domain[0]', fix: 'app.example.com' }),
      ]);
    }
  });
});

describe('rule-shadowed', () => {
  const shadowed = (...r: unknown[]) => withCode(generateAccessControl(rules(...r)).diagnostics, 'rule-shadowed');

  it('a wildcard before a specific host shadows it, naming the earlier rule', () => {
    const d = shadowed(
      { domain: '*.example.com', policy: 'one_factor' },
      { domain: 'proxmox.example.com', policy: 'two_factor' },
    );
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', path: 'rules[1]' });
    expect(d[0]!.message).toContain("rule #1 (domain '*.example.com')");
    expect(d[0]!.message).toContain("Rule #2 (domain 'proxmox.example.com') can never match");
  });

  it('covers multi-level hosts and nested wildcards, case-insensitively', () => {
    expect(shadowed({ domain: '*.example.com', policy: 'deny' }, { domain: 'A.B.Example.com', policy: 'bypass' })).toHaveLength(
      1,
    );
    expect(shadowed({ domain: '*.example.com', policy: 'deny' }, { domain: '*.lab.example.com', policy: 'bypass' })).toHaveLength(
      1,
    );
  });

  it('the same domain with broader criteria first (no resources, methods, query, networks or subject)', () => {
    const later = [
      { domain: 'app.example.com', policy: 'bypass', resources: '^/api' },
      { domain: 'app.example.com', policy: 'bypass', methods: 'OPTIONS' },
      { domain: 'app.example.com', policy: 'bypass', networks: '10.0.0.0/8' },
      { domain: 'app.example.com', policy: 'two_factor', subject: 'group:admins' },
      { domain: 'app.example.com', policy: 'deny', query: [[{ key: 'a', operator: 'present' }]] },
    ];
    for (const l of later)
      expect(shadowed({ domain: 'app.example.com', policy: 'one_factor' }, l), JSON.stringify(l)).toHaveLength(1);
  });

  it('narrower networks, methods and subjects inside broader ones', () => {
    expect(
      shadowed(
        { domain: 'a.example.com', policy: 'bypass', networks: '10.0.0.0/8' },
        { domain: 'a.example.com', policy: 'deny', networks: '10.1.0.0/16' },
      ),
    ).toHaveLength(1);
    expect(
      shadowed(
        { domain: 'a.example.com', policy: 'deny', methods: ['GET', 'POST'] },
        { domain: 'a.example.com', policy: 'bypass', methods: 'GET' },
      ),
    ).toHaveLength(1);
    expect(
      shadowed(
        { domain: 'a.example.com', policy: 'one_factor', subject: 'group:family' },
        { domain: 'a.example.com', policy: 'two_factor', subject: [['group:family', 'user:ana']] },
      ),
    ).toHaveLength(1);
  });

  it('a domain_regex that matches the later literal host', () => {
    expect(
      shadowed({ domain_regex: '^.*\\.example\\.com$', policy: 'deny' }, { domain: 'app.example.com', policy: 'bypass' }),
    ).toHaveLength(1);
  });

  it('no false positives when rules differ by subject, method, network, resource or query', () => {
    const pairs: [unknown, unknown][] = [
      [
        { domain: '*.example.com', policy: 'one_factor', subject: 'group:admins' },
        { domain: 'app.example.com', policy: 'one_factor' },
      ],
      [
        { domain: '*.example.com', policy: 'one_factor', methods: 'GET' },
        { domain: 'app.example.com', policy: 'one_factor' },
      ],
      [
        { domain: '*.example.com', policy: 'deny', methods: 'GET' },
        { domain: 'app.example.com', policy: 'one_factor', methods: 'POST' },
      ],
      [
        { domain: '*.example.com', policy: 'bypass', networks: '10.0.0.0/8' },
        { domain: 'app.example.com', policy: 'one_factor' },
      ],
      [
        { domain: '*.example.com', policy: 'bypass', networks: '10.0.0.0/16' },
        { domain: 'app.example.com', policy: 'deny', networks: '10.0.0.0/8' },
      ],
      [
        { domain: '*.example.com', policy: 'deny', resources: '^/admin' },
        { domain: 'app.example.com', policy: 'one_factor' },
      ],
      [
        { domain: '*.example.com', policy: 'deny', resources: '^/admin' },
        { domain: 'app.example.com', policy: 'bypass', resources: '^/api' },
      ],
      [
        { domain: '*.example.com', policy: 'deny', query: [[{ key: 'debug', operator: 'present' }]] },
        { domain: 'app.example.com', policy: 'one_factor' },
      ],
      [
        { domain: '*.example.com', policy: 'one_factor', subject: [['group:a', 'group:b']] },
        { domain: 'app.example.com', policy: 'two_factor', subject: 'group:a' },
      ],
      [
        { domain: 'app.example.com', policy: 'one_factor' },
        { domain: ['app.example.com', 'other.example.com'], policy: 'two_factor' },
      ],
      [
        { domain: '*.example.com', policy: 'one_factor' },
        { domain: 'example.com', policy: 'two_factor' },
      ],
      [
        { domain: '*.lab.example.com', policy: 'one_factor' },
        { domain: '*.example.com', policy: 'two_factor' },
      ],
      [
        { domain_regex: '^app\\.example\\.com$', policy: 'one_factor' },
        { domain: '*.example.com', policy: 'two_factor' },
      ],
      [
        { domain_regex: '^(?P<User>\\w+)\\.example\\.com$', policy: 'one_factor' },
        { domain: 'john.example.com', policy: 'two_factor' },
      ],
    ];
    for (const [a, b] of pairs) expect(shadowed(a, b), JSON.stringify([a, b])).toEqual([]);
  });

  it('the article order (portal, specific host, then wildcard) has no shadowing', () => {
    expect(
      shadowed(
        { domain: 'auth.example.com', policy: 'bypass' },
        { domain: 'proxmox.example.com', policy: 'two_factor' },
        { domain: '*.example.com', policy: 'one_factor' },
      ),
    ).toEqual([]);
  });
});

describe('lints beyond Authelia', () => {
  const codes = (input: unknown, options = {}) => generateAccessControl(input, options).diagnostics;

  it('subject-before-bypass: a subject rule ahead of a bypass rule for the same host', () => {
    const d = withCode(
      codes(
        rules(
          { domain: 'app.example.com', policy: 'one_factor', subject: 'group:users' },
          { domain: 'app.example.com', policy: 'bypass', resources: '^/public' },
        ),
      ),
      'subject-before-bypass',
    );
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', path: 'rules[1]' });
    expect(d[0]!.message).toContain("rule #1 (domain 'app.example.com')");
  });

  it('subject-before-bypass stays quiet when the rules cannot overlap or the bypass comes first', () => {
    const quiet = [
      rules(
        { domain: 'app.example.com', policy: 'one_factor', subject: 'group:users' },
        { domain: 'other.example.com', policy: 'bypass' },
      ),
      rules(
        { domain: 'app.example.com', policy: 'one_factor', subject: 'group:users', methods: 'GET' },
        { domain: 'app.example.com', policy: 'bypass', methods: 'OPTIONS' },
      ),
      rules(
        { domain: 'app.example.com', policy: 'bypass', resources: '^/public' },
        { domain: 'app.example.com', policy: 'one_factor', subject: 'group:users' },
      ),
    ];
    for (const input of quiet) expect(withCode(codes(input), 'subject-before-bypass')).toEqual([]);
  });

  it('wildcard-without-apex: info under deny, warning when the apex gets a weaker default', () => {
    const deny = withCode(codes(rules({ domain: '*.example.com', policy: 'two_factor' })), 'wildcard-without-apex');
    expect(deny).toEqual([expect.objectContaining({ severity: 'info', path: 'rules[0].domain[0]', fix: 'example.com' })]);
    const weaker = withCode(
      codes({ default_policy: 'one_factor', rules: [{ domain: '*.example.com', policy: 'two_factor' }] }),
      'wildcard-without-apex',
    );
    expect(weaker[0]?.severity).toBe('warning');
    expect(
      withCode(codes(rules({ domain: ['example.com', '*.example.com'], policy: 'two_factor' })), 'wildcard-without-apex'),
    ).toEqual([]);
  });

  it('portal-rule-unneeded: the 4.38+ portal needs no rule; a protecting rule is a warning, a bypass an info', () => {
    const portal = { portalDomain: 'https://auth.example.com/' };
    expect(withCode(codes(rules({ domain: '*.example.com', policy: 'one_factor' }), portal), 'portal-rule-unneeded')).toEqual([]);
    expect(
      withCode(codes(rules({ domain: 'auth.example.com', policy: 'bypass' }), portal), 'portal-rule-unneeded')[0]?.severity,
    ).toBe('info');
    expect(
      withCode(codes(rules({ domain: 'auth.example.com', policy: 'two_factor' }), portal), 'portal-rule-unneeded')[0],
    ).toMatchObject({
      severity: 'warning',
      path: 'rules[0].domain[0]',
    });
  });

  it('networks-xff: an info on every networks rule', () => {
    const d = withCode(codes(rules({ domain: 'a.example.com', policy: 'bypass', networks: '192.168.0.0/16' })), 'networks-xff');
    expect(d).toEqual([expect.objectContaining({ severity: 'info', path: 'rules[0].networks' })]);
    expect(d[0]!.message).toContain('X-Forwarded-For');
  });

  it('default-policy-not-deny: a warning for one_factor, two_factor and bypass when rules exist', () => {
    for (const p of ['one_factor', 'two_factor', 'bypass']) {
      const d = withCode(
        codes({ default_policy: p, rules: [{ domain: 'a.example.com', policy: 'deny' }] }),
        'default-policy-not-deny',
      );
      expect(d, p).toEqual([expect.objectContaining({ severity: 'warning', path: 'default_policy', fix: 'deny' })]);
    }
    expect(withCode(codes(rules({ domain: 'a.example.com', policy: 'deny' })), 'default-policy-not-deny')).toEqual([]);
  });

  it('domain-outside-cookie-domain when the session cookie domains are known', () => {
    const d = withCode(
      codes(rules({ domain: ['a.example.com', 'b.other.org'], policy: 'deny' }), { cookieDomains: ['example.com'] }),
      'domain-outside-cookie-domain',
    );
    expect(d.map((x) => x.path)).toEqual(['rules[0].domain[1]']);
  });

  it('regex-unanchored and schema-domain-and-regex are infos', () => {
    const out = codes(rules({ domain: 'a.example.com', domain_regex: 'b\\.example\\.com', policy: 'deny' }));
    expect(withCode(out, 'regex-unanchored')[0]?.severity).toBe('info');
    expect(withCode(out, 'schema-domain-and-regex')[0]?.severity).toBe('info');
  });

  it('the article example yields no errors or warnings', () => {
    const out = codes(
      rules(
        { domain: 'auth.example.com', policy: 'bypass' },
        { domain: 'proxmox.example.com', policy: 'two_factor' },
        { domain: '*.example.com', policy: 'one_factor' },
      ),
    );
    expect(out.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
