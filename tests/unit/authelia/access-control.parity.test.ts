/**
 * Issue 14, items 1–8 and the simulator's OAuth2 client id: a table of cases per difference, each test named after
 * the Authelia (or Go) source it reproduces, at a pinned tag.
 */
import { describe, expect, it } from 'vitest';
import { generateAccessControl, matchRequest, normalizeAccessControl, type MatchRequestInput } from '../../../src/lib/authelia';
import { compileRe2 } from '../../../src/lib/authelia/access-control/regex';
import { networkContains, networkCovers, parseIp, parseNetwork } from '../../../src/lib/core/ip/go-net';

const AUTHELIA = 'authelia/authelia@v4.39.20';
const acl = (...rules: unknown[]) => ({ default_policy: 'deny', rules });
const decide = (input: unknown, request: MatchRequestInput) => {
  const result = matchRequest(input, request);
  return { rule: result.matchedRule, policy: result.policy, outcome: result.rules.map((rule) => rule.outcome) };
};
const codes = (input: unknown) => generateAccessControl(input).diagnostics.map((diagnostic) => diagnostic.code);
const errors = (input: unknown) =>
  generateAccessControl(input)
    .diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => diagnostic.message);

describe(`1. query operator case — ${AUTHELIA} internal/configuration/validator/access_control.go#L135 and internal/authorization/access_control_query.go#L16-L31`, () => {
  const bypass = (operator: string) =>
    acl(
      { domain: 'app.example.com', policy: 'bypass', query: [[{ key: 'token', operator, value: 's3cret' }]] },
      { domain: 'app.example.com', policy: 'two_factor' },
    );

  it.each([
    ['Equal', 'https://app.example.com/', 0],
    ['EQUAL', 'https://app.example.com/?token=wrong', 0],
    ['equal', 'https://app.example.com/', 1],
    ['equal', 'https://app.example.com/?token=s3cret', 0],
  ])('operator %s, %s → rule %i decides', (operator, url, rule) => {
    expect(decide(bypass(operator), { url }).rule).toBe(rule);
  });

  it('keeps the operator verbatim in the model and the YAML, validates it, and warns loudly that the bypass lets everyone in', () => {
    const input = bypass('Equal');
    expect(normalizeAccessControl(input).model.rules[0]!.query[0]![0]!.operator).toBe('Equal');
    expect(generateAccessControl(input).files[0]!.content).toContain("operator: 'Equal'");
    expect(errors(input)).toEqual([]);
    const warning = generateAccessControl(input).diagnostics.find((diagnostic) => diagnostic.code === 'rule-query-operator-case');
    expect(warning).toMatchObject({ severity: 'warning', fix: 'equal', path: 'rules[0].query[0][0].operator' });
    expect(warning!.message).toContain('matches EVERY request, so this bypass rule lets everyone in');
  });

  it.each([
    [{ key: 'a', operator: 'Present', value: 'x' }, []],
    [{ key: 'a', operator: 'Pattern', value: '(bad' }, []],
    [{ key: 'a', operator: 'present', value: 'x' }, ['rule-query-value-forbidden']],
    [{ key: 'a', operator: 'pattern', value: '(bad' }, ['rule-query-pattern-invalid']],
    [{ key: 'a', operator: 'Present' }, ['rule-query-value-missing']],
  ])('value checks apply only to exact lower-case operators (#L149-L170): %o', (condition, expected) => {
    const found = codes(acl({ domain: 'a.example.com', policy: 'deny', query: [[condition]] })).filter(
      (code) => code.startsWith('rule-query-value') || code === 'rule-query-pattern-invalid',
    );
    expect(found).toEqual(expected);
  });
});

describe(`2. {user}/{group} placeholders — ${AUTHELIA} internal/authorization/access_control_domain.go#L20-L25 and #L67-L80`, () => {
  it.each([
    ['{user}.example.com', 'https://anything.example.com/', undefined, 0],
    ['{user}.example.com', 'https://a.b.example.com/', undefined, 0],
    ['{user}.example.com', 'https://example.com/', undefined, undefined],
    ['{user}-files.example.com', 'https://x-files.example.com/', undefined, 0],
    ['{user}-files.example.com', 'https://bob-files.example.com/', 'bob', 0],
    ['{user}-files.example.com', 'https://bob.files.example.com/', 'bob', 1],
    ['{user}.example.com', 'https://bob.example.com/', 'bob', 0],
    ['{user}.example.com', 'https://alice.example.com/', 'bob', 1],
    ['{group}.example.com', 'https://admins.example.com/', undefined, 0],
  ])('%s, %s as %s → rule %s', (domain, url, username, rule) => {
    const input = acl({ domain, policy: 'one_factor' }, { domain: '*.example.com', policy: 'bypass' });
    expect(decide(input, { url, ...(username ? { username } : {}) }).rule).toBe(rule);
  });

  it('an anonymous visitor is sent to log in by a placeholder rule, not told the bypass lets them through', () => {
    const input = acl({ domain: '{user}.example.com', policy: 'one_factor' }, { domain: '*.example.com', policy: 'bypass' });
    const result = matchRequest(input, { url: 'https://files.example.com/' });
    expect(result).toMatchObject({ matchedRule: 0, potential: true, policy: 'one_factor' });
    expect(result.summary).toContain('login page');
  });

  it.each([
    [{ domain: '{user}.example.com', policy: 'one_factor' }],
    [{ domain: '{group}.example.com', policy: 'one_factor' }],
    [{ domain: 'app.example.com', resources: '^/(?P<User>\\w+)/', policy: 'one_factor' }],
    [{ domain_regex: '^(?P<User>\\w+)\\.example\\.com$', policy: 'one_factor' }],
  ])('subject-before-bypass counts %o as a rule with subjects (util.go#L79-L113)', (rule) => {
    expect(codes(acl(rule, { domain: 'app.example.com', policy: 'bypass' }))).toContain('subject-before-bypass');
  });
});

describe(`3. resources with (?P<User>)/(?P<Group>) — ${AUTHELIA} internal/authorization/access_control_resource.go#L8-L25 and regexp.go#L18-L37`, () => {
  const input = acl(
    { domain: 'files.example.com', resources: ['^/(?P<User>\\w+)/', '^/team/(?P<Group>\\w+)/'], policy: 'one_factor' },
    { domain: 'files.example.com', policy: 'deny' },
  );
  it.each([
    [{ url: 'https://files.example.com/alice/x', username: 'alice' }, 0],
    [{ url: 'https://files.example.com/Alice/x', username: 'alice' }, 0],
    [{ url: 'https://files.example.com/alice/x', username: 'bob' }, 1],
    [{ url: 'https://files.example.com/team/ops/x', username: 'bob', groups: ['OPS'] }, 0],
    [{ url: 'https://files.example.com/team/ops/x', username: 'bob', groups: ['dev'] }, 1],
    [{ url: 'https://files.example.com/alice/x' }, 0],
  ])('%o → rule %i', (request, rule) => {
    expect(decide(input, request).rule).toBe(rule);
  });
});

describe('4. RE2 → JavaScript — golang/go@go1.26.0 src/regexp/syntax/parse.go (parsePerlFlags, parseEscape, parseClass)', () => {
  it.each([
    ['(?i:ab)c', 'ABc', true],
    ['(?i:ab)c', 'ABC', false],
    ['a(?i)b|c', 'C', true],
    ['^x(?i)y$', 'XY', false],
    ['^\\p{L}+$', 'héllo', true],
    ['^\\pL+$', 'h3', false],
    ['^[[:^digit:]]+$', 'abc', true],
    ['^[[:^digit:]]+$', 'a1', false],
    ['^(\\d+\\-)?priv-img\\.example\\.com$', '12-priv-img.example.com', true],
    ['^.$', '\r', true],
    ['^\\s$', '\v', false],
    ['^a{,3}$', 'a{,3}', true],
    ['^[\\x41-\\x5a]+$', 'HELLO', true],
    ['^\\Qa.b\\E$', 'axb', false],
    ['(?s)^.$', '\n', true],
    ['^.$', '\n', false],
    ['(?m)^b$', 'a\nb', true],
    ['^\\p{Greek}$', 'α', true],
  ])('%s on %j matches: %s', (pattern, input, expected) => {
    const compiled = compileRe2(pattern);
    expect(compiled.error).toBeUndefined();
    expect(compiled.regex!.test(input)).toBe(expected);
  });

  it.each([
    ['\\C', 'error parsing regexp: invalid escape sequence: `\\C`'],
    ['[a-\\d]', 'error parsing regexp: invalid escape sequence: `\\d`'],
    ['(?i', 'error parsing regexp: invalid or unsupported Perl syntax: `(?i`'],
    ['(?=x)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['a**', 'error parsing regexp: invalid nested repetition operator: `**`'],
    ['[z-a]', 'error parsing regexp: invalid character class range: `z-a`'],
    ['[[:word2:]]', 'error parsing regexp: invalid character class range: `[:word2:]`'],
  ])("rejects %s with Go's words", (pattern, message) => {
    expect(compileRe2(pattern).error).toBe(message);
    expect(errors(acl({ domain_regex: pattern, policy: 'deny' }))[0]).toBe(
      `could not decode '${pattern}' to a regexp.Regexp: ${message}. Authelia refuses to start: fix this regular expression (Go RE2 syntax: no lookarounds or backreferences).`,
    );
  });

  it('answers "can\'t tell" rather than guess for a Unicode class it cannot map (the simulator says may match)', () => {
    const compiled = compileRe2('^\\p{C}$');
    expect([compiled.regex, compiled.error, typeof compiled.unknown]).toEqual([undefined, undefined, 'string']);
    const result = matchRequest(acl({ domain_regex: '^\\p{C}', policy: 'bypass' }), { url: 'https://app.example.com/' });
    expect(result.rules[0]!.outcome).toBe('may-match');
    expect(result.differs).toContain('could not translate');
  });
});

describe(`5. decoding like Authelia — go-viper/mapstructure@v2.4.0 decode_hooks.go#L142-L162, ${AUTHELIA} internal/configuration/koanf_util.go#L15-L42, validator/access_control.go#L183-L193`, () => {
  const model = (rule: unknown) => normalizeAccessControl(acl(rule)).model.rules[0]!;
  it.each([
    [{ subject: 'group:a,group:b' }, [['group:a', 'group:b']]],
    [{ subject: ['group:a,group:b', 'user:c'] }, [['group:a', 'group:b'], ['user:c']]],
    [{ subject: [['group:a,group:b']] }, [['group:a,group:b']]],
    [{ subject: 'user:john,admins' }, [['user:john', 'admins']]],
  ])('subject %o decodes as %j', (rule, subject) => {
    expect(model({ domain: 'a.example.com', policy: 'one_factor', ...rule }).subject).toEqual(subject);
  });

  it("'user:john,admins' yields Authelia's invalid-subject error for 'admins'", () => {
    expect(errors(acl({ domain: 'a.example.com', policy: 'one_factor', subject: 'user:john,admins' }))[0]).toContain(
      "'subject' option 'admins' is invalid",
    );
  });

  it.each([
    [[{ key: 'a' }, { key: 'b', value: '1' }], 'https://x.example.com/?b=1', 0],
    [[{ key: 'a' }, { key: 'b', value: '1' }], 'https://x.example.com/?a', 0],
    [[{ key: 'a' }, { key: 'b', value: '1' }], 'https://x.example.com/?c', 1],
    [{ key: 'a' }, 'https://x.example.com/?a', 0],
    [[[]], 'https://x.example.com/', 0],
  ])('query %j, %s → rule %i (flat lists are OR-ed, an empty group matches everything)', (query, url, rule) => {
    const input = acl({ domain: 'x.example.com', policy: 'one_factor', query }, { domain: 'x.example.com', policy: 'deny' });
    expect(decide(input, { url }).rule).toBe(rule);
  });

  it.each([
    [{ resources: '' }, 'could not decode an empty value to a regexp.Regexp: must have a non-empty value'],
    [{ resources: ['^/a', ''] }, 'could not decode an empty value to a regexp.Regexp: must have a non-empty value'],
    [{ ressources: '^/a' }, 'configuration key not expected: access_control.rules[].ressources'],
  ])('%o is fatal: %s', (rule, message) => {
    expect(errors(acl({ domain: 'a.example.com', policy: 'deny', ...rule })).some((text) => text.startsWith(message))).toBe(true);
  });

  it("domain: '' is one empty domain, not 'both absent' (no rule-no-domain), and warned about", () => {
    const found = codes(acl({ domain: '', policy: 'deny' }));
    expect(found).not.toContain('rule-no-domain');
    expect(found).toContain('domain-empty');
    expect(model({ domain: '', policy: 'deny' }).domain).toEqual(['']);
  });

  it('keys inside query conditions are never reported as unknown, and Key/KEY read as key', () => {
    const input = acl({ domain: 'a.example.com', policy: 'deny', query: [[{ KEY: 'a', Operator: 'present', extra: 1 }]] });
    expect(codes(input)).not.toContain('key-unknown');
    expect(model(input.rules[0]).query).toEqual([[{ key: 'a', operator: 'present' }]]);
  });

  it.each([
    ['oauth2:client: app', ['app'], true],
    ['oauth2:client:app', ['app'], false],
    ['oauth2:client:', ['app'], false],
  ])('%s against clients %j: unknown-client error %s (ids are not trimmed)', (subject, clients, expected) => {
    const found = generateAccessControl(acl({ domain: 'a.example.com', policy: 'one_factor', subject }), {
      oidcClientIds: clients,
    }).diagnostics.map((diagnostic) => diagnostic.code);
    expect(found.includes('rule-subject-oauth2-client-unknown')).toBe(expected);
  });

  it('an empty client id matches every logged-in user (access_control_subjects.go#L59-L61), with a warning', () => {
    const input = acl({ domain: 'a.example.com', policy: 'one_factor', subject: 'oauth2:client:' });
    expect(decide(input, { url: 'https://a.example.com/', username: 'anyone' }).outcome).toEqual(['hit']);
    expect(codes(input)).toContain('subject-oauth2-client-empty');
  });
});

describe(`6. networks — ${AUTHELIA} internal/authorization/types.go#L14-L26 (net.IPNet.Contains) and internal/utils/ip.go#L12-L32`, () => {
  it.each([
    ['::/0', '192.168.1.5', false],
    ['::ffff:0:0/96', '192.168.1.5', true],
    ['::ffff:192.168.0.0/112', '192.168.1.5', true],
    ['::ffff:0:0/80', '192.168.1.5', false],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['10.0.0.0/8', '::1', false],
    ['::ffff:1.2.3.4', '1.2.3.4', false],
    ['2001:db8::/32', '2001:db8::1', true],
  ])('network %s contains %s: %s', (network, address, expected) => {
    expect(networkContains(parseNetwork(network)!, parseIp(address)!)).toBe(expected);
    const input = acl({ domain: 'a.example.com', networks: network, policy: 'bypass' });
    expect(decide(input, { url: 'https://a.example.com/', ip: address }).outcome).toEqual([expected ? 'hit' : 'miss']);
  });

  it('the overlap and cover lints use the same rule: ::/0 first does not shadow an IPv4 rule', () => {
    expect(networkCovers(parseNetwork('::/0')!, parseNetwork('10.0.0.0/8')!)).toBe(false);
    expect(networkCovers(parseNetwork('::ffff:0:0/96')!, parseNetwork('10.0.0.0/8')!)).toBe(true);
    const shadowed = (first: string) =>
      codes(
        acl(
          { domain: 'a.example.com', networks: first, policy: 'deny' },
          { domain: 'a.example.com', networks: '10.0.0.0/8', policy: 'bypass' },
        ),
      ).includes('rule-shadowed');
    expect(shadowed('::/0')).toBe(false);
    expect(shadowed('::ffff:0:0/96')).toBe(true);
  });
});

describe(`7. host as it arrives — ${AUTHELIA} internal/authorization/access_control_domain.go#L63-L84 and types.go#L93`, () => {
  it.each([
    [{ domain: 'app.example.com' }, 'https://APP.example.com/', {}, 0],
    [{ domain: '*.example.com' }, 'https://APP.EXAMPLE.COM/', {}, 0],
    [{ domain_regex: '^app\\.example\\.com$' }, 'https://APP.example.com/', {}, 1],
    [{ domain: '{user}.example.com' }, 'https://Bob.example.com/', { username: 'bob' }, 1],
    [{ domain: '{user}.example.com' }, 'https://bob.example.com/', { username: 'Bob' }, 1],
    [{ domain: '{group}.example.com' }, 'https://ops.EXAMPLE.com/', { username: 'bob', groups: ['ops'] }, 1],
    [{ domain: '{group}.example.com' }, 'https://OPS.example.com/', { username: 'bob', groups: ['ops'] }, 0],
    [{ domain: 'app.example.com' }, 'https://app.example.com./', {}, 1],
    [{ domain: '*.example.com' }, 'https://app.example.com./', {}, 1],
  ])('%o, %s, %o → rule %i', (rule, url, who, expected) => {
    const input = acl({ ...rule, policy: 'bypass' }, { domain_regex: '.*', policy: 'deny' });
    expect(decide(input, { url, ...who }).rule).toBe(expected);
  });

  it('a trailing-dot host is answered with 400, not a rule', () => {
    const result = matchRequest(acl({ domain: 'app.example.com', policy: 'bypass' }), { url: 'https://app.example.com./' });
    expect(result.summary).toContain('400');
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('url-host-trailing-dot');
  });

  it('a Unicode domain entry never matches live traffic: a warning with the punycode fix; the simulator uses punycode', () => {
    const input = acl({ domain: 'bücher.example.com', policy: 'bypass' });
    const lint = generateAccessControl(input).diagnostics.find((diagnostic) => diagnostic.code === 'domain-unicode');
    expect(lint).toMatchObject({ severity: 'warning', fix: 'xn--bcher-kva.example.com' });
    expect(decide(input, { url: 'https://bücher.example.com/' }).outcome).toEqual(['miss']);
    expect(
      decide(acl({ domain: 'xn--bcher-kva.example.com', policy: 'bypass' }), { url: 'https://bücher.example.com/' }).outcome,
    ).toEqual(['hit']);
  });
});

describe(`8. path and query like Go — ${AUTHELIA} internal/utils/url.go#L11-L30 and internal/authorization/access_control_query.go#L82`, () => {
  const admin = acl(
    { domain: 'a.example.com', resources: '^/admin', policy: 'deny' },
    { domain: 'a.example.com', policy: 'bypass' },
  );
  it.each([
    ['https://a.example.com/admin%2Fx/../y', 0],
    ['https://a.example.com/x/../admin', 0],
    ['https://a.example.com/admin/../y', 1],
    ['https://a.example.com/%61dmin', 0],
  ])('%s → rule %i', (url, rule) => {
    expect(decide(admin, { url }).rule).toBe(rule);
  });

  it.each([
    ['https://a.example.com/?token=s3cret', 0],
    ['https://a.example.com/?token=s3cret;x=1', 1],
    ['https://a.example.com/?x=1;y=2&token=s3cret', 0],
    ['https://a.example.com/?token=s3%63ret', 0],
    ['https://a.example.com/?token=s3cret%zz', 1],
  ])('query %s → rule %i (pairs with ; or a bad escape are dropped)', (url, rule) => {
    const input = acl(
      { domain: 'a.example.com', policy: 'bypass', query: [[{ key: 'token', value: 's3cret' }]] },
      { domain: 'a.example.com', policy: 'deny' },
    );
    expect(decide(input, { url }).rule).toBe(rule);
  });
});

describe(`The simulator's OAuth2 client id — ${AUTHELIA} internal/authorization/types.go#L61-L64 and access_control_subjects.go#L59-L61`, () => {
  const input = acl(
    { domain: 'api.example.com', policy: 'one_factor', subject: 'oauth2:client:backup' },
    { domain: 'api.example.com', policy: 'deny' },
  );
  it.each([
    [{}, 0, true],
    [{ clientId: 'backup' }, 0, false],
    [{ clientId: 'other' }, 1, false],
    [{ username: 'bob' }, 1, false],
  ])('%o → rule %i, potential %s (a client-credentials request is not anonymous)', (who, rule, potential) => {
    const result = matchRequest(input, { url: 'https://api.example.com/', ...who });
    expect({ rule: result.matchedRule, potential: result.potential }).toEqual({ rule, potential });
  });

  it('says so next to the answer where it deliberately differs: no client IP gives "may match"', () => {
    const result = matchRequest(acl({ domain: 'a.example.com', networks: '10.0.0.0/8', policy: 'bypass' }), {
      url: 'https://a.example.com/',
    });
    expect(result.potential).toBe(true);
    expect(result.differs).toContain('no client IP was given');
  });
});
