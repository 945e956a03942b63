import { describe, expect, it } from 'vitest';
import { matchRequest, type MatchRequestInput } from '../../../src/lib/authelia';

const acl = (...rules: unknown[]) => ({ default_policy: 'deny', rules });
const outcomes = (input: unknown, request: MatchRequestInput) => matchRequest(input, request).rules.map((r) => r.outcome);
const decide = (input: unknown, request: MatchRequestInput) => {
  const m = matchRequest(input, request);
  return { rule: m.matchedRule, policy: m.policy, potential: m.potential };
};

describe('domains (authelia/authelia@v4.39.20 internal/authorization/access_control_domain.go#L63-L84)', () => {
  const wildcard = acl({ domain: '*.example.com', policy: 'one_factor' });

  it('*.example.com matches one and several levels deep', () => {
    expect(outcomes(wildcard, { url: 'https://app.example.com/' })).toEqual(['hit']);
    expect(outcomes(wildcard, { url: 'https://a.b.example.com/' })).toEqual(['hit']);
  });

  it('*.example.com does not match the apex, which falls to the default policy', () => {
    const m = matchRequest(wildcard, { url: 'https://example.com/' });
    expect(m.rules[0]!.outcome).toBe('miss');
    expect(m.matchedRule).toBeUndefined();
    expect(m).toMatchObject({ policy: 'deny', usedDefault: true });
  });

  it('a literal domain matches only that host, not its subdomains', () => {
    const apex = acl({ domain: 'example.com', policy: 'one_factor' });
    expect(outcomes(apex, { url: 'https://example.com/x' })).toEqual(['hit']);
    expect(outcomes(apex, { url: 'https://www.example.com/x' })).toEqual(['miss']);
  });

  it('compares domains case-insensitively, in the rule and in the URL', () => {
    expect(outcomes(acl({ domain: 'App.Example.COM', policy: 'one_factor' }), { url: 'https://app.example.com/' })).toEqual([
      'hit',
    ]);
    expect(outcomes(acl({ domain: '*.example.com', policy: 'one_factor' }), { url: 'https://APP.EXAMPLE.COM/' })).toEqual([
      'hit',
    ]);
  });

  it('*example.com (no dot) matches nothing useful', () => {
    expect(outcomes(acl({ domain: '*example.com', policy: 'one_factor' }), { url: 'https://myexample.com/' })).toEqual(['miss']);
  });

  it('ignores the port', () => {
    expect(outcomes(acl({ domain: 'app.example.com', policy: 'one_factor' }), { url: 'https://app.example.com:8443/' })).toEqual([
      'hit',
    ]);
  });

  it('the {user} and {group} placeholders match the logged-in user’s own host', () => {
    const rules = acl(
      { domain: '{user}.example.com', policy: 'one_factor' },
      { domain: '{group}.example.com', policy: 'two_factor' },
    );
    expect(outcomes(rules, { url: 'https://john.example.com/', username: 'john' })).toEqual(['hit', 'miss']);
    expect(outcomes(rules, { url: 'https://jane.example.com/', username: 'john' })).toEqual(['miss', 'miss']);
    expect(outcomes(rules, { url: 'https://admins.example.com/', username: 'john', groups: ['Admins'] })).toEqual([
      'miss',
      'hit',
    ]);
  });
});

describe('domain_regex and resources (authelia/authelia@v4.39.20 internal/authorization/regexp.go#L18-L52)', () => {
  it('a domain_regex is unanchored unless written ^…$', () => {
    const loose = acl({ domain_regex: 'app\\.example\\.com', policy: 'one_factor' });
    expect(outcomes(loose, { url: 'https://myapp.example.com/' })).toEqual(['hit']);
    const strict = acl({ domain_regex: '^app\\.example\\.com$', policy: 'one_factor' });
    expect(outcomes(strict, { url: 'https://myapp.example.com/' })).toEqual(['miss']);
  });

  it('understands RE2 syntax: (?P<name>…), \\- and inline (?i)', () => {
    const rules = acl(
      { domain_regex: '^(\\d+\\-)?priv-img\\.example\\.com$', policy: 'one_factor' },
      { domain: 'x.example.com', resources: '(?i)^/ADMIN', policy: 'deny' },
    );
    expect(outcomes(rules, { url: 'https://12-priv-img.example.com/' })).toEqual(['hit', 'miss']);
    expect(outcomes(rules, { url: 'https://x.example.com/admin/users' })).toEqual(['miss', 'hit']);
  });

  it('(?P<User>…) matches the logged-in user case-insensitively, and may match for anonymous visitors', () => {
    const rules = acl({ domain_regex: '^(?P<User>\\w+)\\.home\\.example\\.com$', policy: 'one_factor' });
    expect(outcomes(rules, { url: 'https://john.home.example.com/', username: 'John' })).toEqual(['hit']);
    expect(outcomes(rules, { url: 'https://jane.home.example.com/', username: 'john' })).toEqual(['miss']);
    expect(outcomes(rules, { url: 'https://jane.home.example.com/' })).toEqual(['may-match']);
  });

  it('(?P<Group>…) matches one of the user’s groups case-insensitively', () => {
    const rules = acl({ domain_regex: '^(?P<Group>\\w+)\\.example\\.com$', policy: 'one_factor' });
    expect(outcomes(rules, { url: 'https://family.example.com/', username: 'ana', groups: ['Family'] })).toEqual(['hit']);
    expect(outcomes(rules, { url: 'https://admins.example.com/', username: 'ana', groups: ['family'] })).toEqual(['miss']);
  });

  it('resources are unanchored and matched against the path', () => {
    const rules = acl({ domain: 'app.example.com', resources: '/api', policy: 'bypass' });
    expect(outcomes(rules, { url: 'https://app.example.com/v1/api/x' })).toEqual(['hit']);
    expect(outcomes(rules, { url: 'https://app.example.com/web' })).toEqual(['miss']);
  });

  it('resources see the cleaned path plus ?query, keeping a trailing slash', () => {
    const api = acl({ domain: 'app.example.com', resources: '^/api([/?].*)?$', policy: 'bypass' });
    expect(outcomes(api, { url: 'https://app.example.com/api' })).toEqual(['hit']);
    expect(outcomes(api, { url: 'https://app.example.com/api/v1' })).toEqual(['hit']);
    expect(outcomes(api, { url: 'https://app.example.com/api?x=1' })).toEqual(['hit']);
    expect(outcomes(api, { url: 'https://app.example.com/apix' })).toEqual(['miss']);
    const slash = acl({ domain: 'app.example.com', resources: '^/admin/$', policy: 'deny' });
    expect(outcomes(slash, { url: 'https://app.example.com/admin/' })).toEqual(['hit']);
    expect(outcomes(slash, { url: 'https://app.example.com//x/../admin/' })).toEqual(['hit']);
    expect(outcomes(slash, { url: 'https://app.example.com/admin' })).toEqual(['miss']);
  });
});

describe('subjects and anonymous visitors (authelia/authelia@v4.39.20 internal/authorization/access_control_rule.go#L149-L174)', () => {
  const rules = acl(
    { domain: 'app.example.com', policy: 'two_factor', subject: ['user:john', ['group:admin', 'group:app']] },
    { domain: 'app.example.com', policy: 'bypass' },
  );

  it('an anonymous visitor may match a subject rule, which decides (Concept 2: sent to log in, never bypassed)', () => {
    const m = matchRequest(rules, { url: 'https://app.example.com/' });
    expect(m.rules.map((r) => r.outcome)).toEqual(['may-match', 'hit']);
    expect(m).toMatchObject({ matchedRule: 0, policy: 'two_factor', potential: true });
    expect(m.summary).toContain('login page');
  });

  it('subjects are OR of ANDs over user: and group:', () => {
    expect(decide(rules, { url: 'https://app.example.com/', username: 'john' })).toEqual({
      rule: 0,
      policy: 'two_factor',
      potential: false,
    });
    expect(decide(rules, { url: 'https://app.example.com/', username: 'ana', groups: ['admin', 'app'] })).toMatchObject({
      rule: 0,
    });
    expect(decide(rules, { url: 'https://app.example.com/', username: 'ana', groups: ['admin'] })).toEqual({
      rule: 1,
      policy: 'bypass',
      potential: false,
    });
  });

  it('user names and groups are case-sensitive; spaces after the prefix are trimmed', () => {
    const r = acl({ domain: 'a.example.com', policy: 'one_factor', subject: ['user: John', 'group:Admins'] });
    expect(outcomes(r, { url: 'https://a.example.com/', username: 'John' })).toEqual(['hit']);
    expect(outcomes(r, { url: 'https://a.example.com/', username: 'john' })).toEqual(['miss']);
    expect(outcomes(r, { url: 'https://a.example.com/', username: 'x', groups: ['admins'] })).toEqual(['miss']);
  });

  it('groups without a user name count as anonymous', () => {
    const m = matchRequest(rules, { url: 'https://app.example.com/', groups: ['admin', 'app'] });
    expect(m.rules[0]!.outcome).toBe('may-match');
    expect(m.diagnostics.map((d) => d.code)).toContain('groups-without-user');
  });
});

describe('networks, methods and query (authelia/authelia@v4.39.20 internal/authorization/access_control_rule.go#L117-L146)', () => {
  it('networks: CIDR membership, single IPs, IPv6 and named networks', () => {
    const rules = {
      default_policy: 'deny',
      networks: [{ name: 'lan', networks: ['192.168.1.0/24'] }],
      rules: [
        { domain: 'a.example.com', policy: 'bypass', networks: ['lan', '10.0.0.5', 'fd7a:115c:a1e0::/48'] },
        { domain: 'a.example.com', policy: 'two_factor' },
      ],
    };
    for (const ip of ['192.168.1.77', '10.0.0.5', 'fd7a:115c:a1e0::1'])
      expect(outcomes(rules, { url: 'https://a.example.com/', ip }), ip).toEqual(['hit', 'hit']);
    for (const ip of ['192.168.2.1', '10.0.0.6', 'fd7a:115c:a1e1::1'])
      expect(outcomes(rules, { url: 'https://a.example.com/', ip }), ip).toEqual(['miss', 'hit']);
  });

  it('networks from definitions.network passed as options', () => {
    const rules = acl({ domain: 'a.example.com', policy: 'bypass', networks: 'tailnet' });
    const m = matchRequest(
      rules,
      { url: 'https://a.example.com/', ip: '100.101.102.103' },
      { networkDefinitions: { tailnet: ['100.64.0.0/10'] } },
    );
    expect(m.rules[0]!.outcome).toBe('hit');
  });

  it('networks may match when no client IP is given; a bad IP is a diagnostic', () => {
    const rules = acl({ domain: 'a.example.com', policy: 'bypass', networks: '10.0.0.0/8' });
    expect(outcomes(rules, { url: 'https://a.example.com/' })).toEqual(['may-match']);
    const m = matchRequest(rules, { url: 'https://a.example.com/', ip: '10.0.0.300' });
    expect(m.diagnostics.find((d) => d.code === 'ip-invalid')).toMatchObject({ severity: 'error', path: 'ip' });
  });

  it('methods: exact list, GET by default, the method typed in lower case is upper-cased', () => {
    const rules = acl(
      { domain: 'a.example.com', policy: 'bypass', methods: 'OPTIONS' },
      { domain: 'a.example.com', policy: 'one_factor' },
    );
    expect(decide(rules, { url: 'https://a.example.com/' }).rule).toBe(1);
    expect(decide(rules, { url: 'https://a.example.com/', method: 'options' }).rule).toBe(0);
  });

  it('query operators: equal, not equal, present, absent, pattern, not pattern (first value of the key)', () => {
    const cases: [unknown, string, boolean][] = [
      [{ key: 'a', value: '1' }, '?a=1', true],
      [{ key: 'a', value: '1' }, '?a=2&a=1', false],
      [{ key: 'a', operator: 'not equal', value: '1' }, '?b=1', true],
      [{ key: 'a', operator: 'not equal', value: '1' }, '?a=1', false],
      [{ key: 'a', operator: 'present' }, '?a', true],
      [{ key: 'a' }, '?b=1', false],
      [{ key: 'a', operator: 'absent' }, '?b=1', true],
      [{ key: 'a', operator: 'pattern', value: '^(abc|xyz)$' }, '?a=xyz', true],
      [{ key: 'a', operator: 'not pattern', value: '^(1|2)$' }, '?a=2', false],
    ];
    for (const [cond, query, hit] of cases) {
      const rules = acl({ domain: 'a.example.com', policy: 'bypass', query: [[cond]] });
      expect(outcomes(rules, { url: `https://a.example.com/${query}` }), JSON.stringify([cond, query])).toEqual([
        hit ? 'hit' : 'miss',
      ]);
    }
  });

  it('query groups are OR of ANDs', () => {
    const rules = acl({
      domain: 'a.example.com',
      policy: 'bypass',
      query: [
        [
          { key: 'a', operator: 'present' },
          { key: 'b', operator: 'present' },
        ],
        [{ key: 'c', operator: 'present' }],
      ],
    });
    expect(outcomes(rules, { url: 'https://a.example.com/?a&b' })).toEqual(['hit']);
    expect(outcomes(rules, { url: 'https://a.example.com/?c' })).toEqual(['hit']);
    expect(outcomes(rules, { url: 'https://a.example.com/?a' })).toEqual(['miss']);
  });
});

describe('order and the result', () => {
  it('the first matching rule wins, and every rule gets a reason', () => {
    const rules = acl(
      { domain: 'auth.example.com', policy: 'bypass' },
      { domain: 'proxmox.example.com', policy: 'two_factor' },
      { domain: '*.example.com', policy: 'one_factor' },
    );
    const m = matchRequest(rules, { url: 'https://proxmox.example.com/' });
    expect(m.rules.map((r) => r.outcome)).toEqual(['miss', 'hit', 'hit']);
    expect(m).toMatchObject({ matchedRule: 1, policy: 'two_factor', potential: false, usedDefault: false, evaluated: true });
    expect(m.rules[0]!.reason).toMatch(/^Miss: /);
    expect(m.rules[1]!.reason).toMatch(/^Hit: /);
    expect(m.rules[1]!.descriptor).toBe("#2 (domain 'proxmox.example.com')");
    expect(m.summary).toContain('two_factor');
  });

  it('no match applies the default policy', () => {
    const m = matchRequest(
      { default_policy: 'one_factor', rules: [{ domain: 'a.example.com', policy: 'deny' }] },
      { url: 'https://b.example.com/' },
    );
    expect(m.matchedRule).toBeUndefined();
    expect(m).toMatchObject({ policy: 'one_factor', usedDefault: true });
    expect(m.summary).toContain("default policy 'one_factor'");
  });
});

describe('bad input', () => {
  it('an invalid URL is a diagnostic, not a throw', () => {
    const m = matchRequest(acl({ domain: 'a.example.com', policy: 'deny' }), { url: 'http://' });
    expect(m.evaluated).toBe(false);
    expect(m.rules).toEqual([]);
    expect(m.diagnostics.find((d) => d.code === 'url-invalid')).toMatchObject({ severity: 'error', path: 'url' });
  });

  it('a URL without a scheme is checked as https, with a note', () => {
    const m = matchRequest(acl({ domain: 'a.example.com', policy: 'deny' }), { url: 'a.example.com/x' });
    expect(m.rules[0]!.outcome).toBe('hit');
    expect(m.diagnostics.map((d) => d.code)).toContain('url-scheme-assumed');
  });

  it('an http:// URL gets a warning that Authelia answers 400', () => {
    const m = matchRequest(acl({ domain: 'a.example.com', policy: 'deny' }), { url: 'http://a.example.com/' });
    expect(m.diagnostics.find((d) => d.code === 'url-insecure-scheme')?.severity).toBe('warning');
  });

  it('rules Authelia would reject still simulate, with a warning', () => {
    const m = matchRequest(acl({ domain: 'a.example.com', policy: 'sometimes' }), { url: 'https://a.example.com/' });
    expect(m.rules[0]!.outcome).toBe('hit');
    expect(m.diagnostics.map((d) => d.code)).toContain('rules-have-errors');
  });

  it('never throws on garbage input or request', () => {
    for (const input of [null, 1, 'x', [], { rules: [null, 'x', { domain: 5 }] }])
      expect(() => matchRequest(input, { url: 'https://a.example.com/' })).not.toThrow();
    expect(() => matchRequest(acl(), null as unknown as MatchRequestInput)).not.toThrow();
  });
});
