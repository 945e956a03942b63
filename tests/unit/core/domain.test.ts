import { describe, expect, it } from 'vitest';
import {
  checkCookieDomain,
  cookieDomainLabel,
  isAcceptedCookieDomain,
  isDomainName,
  isGoNetIp,
  isHostName,
  isInCookieScope,
  isUnderDomain,
  normalizeHostName,
  splitHostPort,
} from '../../../src/lib/core/domain';
import { isListedPublicSuffix, publicSuffixes } from '../../../src/lib/core/public-suffixes';

const SESSION_GO = 'authelia v4.39.20 internal/configuration/validator/session.go';
const at = (domain: string) => cookieDomainLabel(domain);

/** [domain, the (severity code) pairs Authelia's rule yields, in order]. */
const VERDICTS: [string, string, string[]][] = [
  [`${SESSION_GO}#L125-L127 empty`, '', ['error cookie-domain-required']],
  [`${SESSION_GO}#L128-L130 wildcard`, '*.example.com', ['error cookie-domain-wildcard']],
  [`${SESSION_GO}#L131-L132 IPv4 address`, '192.168.1.10', []],
  [`${SESSION_GO}#L131-L132 IPv6 address`, 'fd00::10', []],
  [`${SESSION_GO}#L131 net.ParseIP refuses a zone`, 'fe80::1%eth0', ['error cookie-domain-no-dot']],
  [`${SESSION_GO}#L131 net.ParseIP refuses leading zeros, yet the name passes as a domain`, '192.168.01.10', []],
  [`${SESSION_GO}#L133-L135 single label`, 'localhost', ['error cookie-domain-no-dot']],
  [`${SESSION_GO}#L136-L138 upper case`, 'Example.COM', ['error cookie-domain-invalid']],
  [`${SESSION_GO}#L136-L138 underscore`, 'my_lab.example.com', ['error cookie-domain-invalid']],
  [`${SESSION_GO}#L136-L138 hyphen at a label edge`, '-lab.example.com', ['error cookie-domain-invalid']],
  [`${SESSION_GO}#L136-L138 trailing dot`, 'example.com.', ['error cookie-domain-invalid']],
  [
    `${SESSION_GO}#L114-L116 + #L136-L138 leading dot: warning and fatal error`,
    '.example.com',
    ['warning cookie-domain-leading-dot', 'error cookie-domain-invalid'],
  ],
  [
    `${SESSION_GO}#L118-L122 + #L136-L138 port: warning and fatal error`,
    'example.com:8443',
    ['warning cookie-domain-port', 'error cookie-domain-invalid'],
  ],
  [
    `${SESSION_GO}#L118-L122 bracketed IPv6 with a port`,
    '[fd00::1]:443',
    ['warning cookie-domain-port', 'error cookie-domain-no-dot'],
  ],
  [`${SESSION_GO}#L141-L143 public suffix co.uk`, 'co.uk', ['error cookie-domain-public-suffix']],
  [`${SESSION_GO}#L141-L143 public suffix duckdns.org (private section)`, 'duckdns.org', ['error cookie-domain-public-suffix']],
  [`${SESSION_GO}#L141-L143 public suffix home.arpa`, 'home.arpa', ['error cookie-domain-public-suffix']],
  [`${SESSION_GO}#L141-L143 a name under a public suffix`, 'myhome.co.uk', []],
  [`${SESSION_GO}#L141-L143 a name under duckdns.org`, 'lab.duckdns.org', []],
  ['accepted', 'example.com', []],
  ['accepted, with the .local note', 'home.local', ['warning cookie-domain-private-tld']],
  ['accepted, with the home.arpa note', 'lab.home.arpa', ['info cookie-domain-private-tld']],
  ['accepted by Authelia, a label DNS cannot resolve', `${'a'.repeat(64)}.example.com`, ['warning cookie-domain-label-length']],
];

describe('checkCookieDomain: Authelia 4.39 rule, in its order', () => {
  it.each(VERDICTS)('%s: %j', (_, domain, expected) => {
    const diagnostics = checkCookieDomain(domain);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(expected);
    expect(diagnostics.every((d) => d.path === 'domain')).toBe(true);
  });

  it('puts the diagnostics on the given path', () => {
    expect(checkCookieDomain('co.uk', 'cookieDomain')[0]?.path).toBe('cookieDomain');
  });

  it(`uses Authelia's words (const.go#L396 "behavior") for the leading dot, and offers the domain without it`, () => {
    const [dot, invalid] = checkCookieDomain('.example.com');
    expect(dot).toMatchObject({ fix: 'example.com' });
    expect(dot?.message).toBe(
      `${at('.example.com')}: option 'domain' has a prefix of '.' which is not supported or intended behavior: you can use this at your own risk but we recommend removing it`,
    );
    expect(
      invalid?.message.startsWith(
        `${at('.example.com')}: option 'domain' does not appear to be a valid cookie domain or an ip address`,
      ),
    ).toBe(true);
    expect(invalid?.fix).toBe('example.com');
  });

  it("uses Authelia's port warning (const.go#L397) and offers the host", () => {
    const [port] = checkCookieDomain('example.com:8443');
    expect(port?.message).toBe(
      `${at('example.com:8443')}: option 'domain' with value 'example.com:8443' should probably have value 'example.com' as it appears to include a port which is not supported and will likely fail to start and is otherwise unsupported`,
    );
    expect(port?.fix).toBe('example.com');
  });

  it("uses Authelia's public-suffix error (const.go#L406)", () => {
    expect(
      checkCookieDomain('co.uk')[0]?.message.startsWith(
        `${at('co.uk')}: option 'domain' is not a valid cookie domain: the domain is part of the special public suffix list`,
      ),
    ).toBe(true);
  });

  it('offers the lower-case domain for an upper-case one', () => {
    expect(checkCookieDomain('Example.COM')[0]?.fix).toBe('example.com');
  });

  it('isAcceptedCookieDomain is "no error"', () => {
    expect(['example.com', '192.168.1.10', 'home.local'].map(isAcceptedCookieDomain)).toEqual([true, true, true]);
    expect(['co.uk', '.example.com', 'example.com:8443', 'Example.com', ''].map(isAcceptedCookieDomain)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('host names and scope', () => {
  it('splitHostPort follows Go net.SplitHostPort', () => {
    expect(splitHostPort('example.com:8443')).toBe('example.com');
    expect(splitHostPort('example.com:')).toBe('example.com');
    expect(splitHostPort('[::1]:80')).toBe('::1');
    expect(splitHostPort('::1')).toBeUndefined();
    expect(splitHostPort('example.com')).toBeUndefined();
    expect(splitHostPort('[::1]x:80')).toBeUndefined();
  });
  it('isGoNetIp: net.ParseIP (no zone, no leading zeros)', () => {
    expect(['10.0.0.1', '::1', '::ffff:10.0.0.1'].map(isGoNetIp)).toEqual([true, true, true]);
    expect(['fe80::1%eth0', '010.0.0.1', 'example.com', ''].map(isGoNetIp)).toEqual([false, false, false, false]);
  });
  it('isHostName / isDomainName', () => {
    expect(['nas', 'NAS.example.com', 'a-b.example.com'].map(isHostName)).toEqual([true, true, true]);
    expect(['', '-a.example.com', 'a..b', 'a_b.c', `${'a'.repeat(64)}.com`].map(isHostName)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['nas', 'example.com'].map(isDomainName)).toEqual([false, true]);
  });
  it('normalizeHostName and isUnderDomain', () => {
    expect(normalizeHostName(' App.Example.COM. ')).toBe('app.example.com');
    expect(isUnderDomain('App.example.com', 'EXAMPLE.com')).toBe(true);
    expect(isUnderDomain('badexample.com', 'example.com')).toBe(false);
  });
  it('isInCookieScope: the domain itself and names under it, a leading dot on the domain ignored', () => {
    expect(isInCookieScope('auth.example.com', 'example.com')).toBe(true);
    expect(isInCookieScope('example.com', '.example.com')).toBe(true);
    expect(isInCookieScope('auth.example.com.', 'example.com')).toBe(true);
    expect(isInCookieScope('evil-example.com', 'example.com')).toBe(false);
    expect(isInCookieScope('example.com', '')).toBe(false);
  });
});

describe('public-suffixes data module', () => {
  it('holds multi-label entries only, all lower-case ASCII', () => {
    for (const suffix of publicSuffixes()) expect(suffix).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(publicSuffixes().size).toBeGreaterThan(900);
  });
  it('lists the suffixes a homelab meets', () => {
    expect(
      ['co.uk', 'com.au', 'ne.jp', 'duckdns.org', 'ddns.net', 'synology.me', 'home.arpa', 'ts.net'].every(isListedPublicSuffix),
    ).toBe(true);
    expect(['example.com', 'uk', 'lab.home.arpa'].some(isListedPublicSuffix)).toBe(false);
  });
});
