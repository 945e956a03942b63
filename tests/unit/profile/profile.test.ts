import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accessControlFromForm } from '../../../src/lib/authelia/form';
import { generateAccessControl, generateAutheliaConfig } from '../../../src/lib/authelia';
import { DNS_SERVERS, defaultInternalDnsOptions, generateInternalDns } from '../../../src/lib/dns';
import { generateNpmSnippets } from '../../../src/lib/npm';
import { generateTailscale } from '../../../src/lib/tailscale';
import {
  defaultProfile,
  toAccessControlForm,
  toAutheliaOptions,
  toInternalDnsOptions,
  toNpmOptions,
  toTailscaleOptions,
  toUsers,
  validateProfile,
  type Profile,
} from '../../../src/lib/profile';

const codes = (p: unknown) => validateProfile(p).diagnostics.map((d) => `${d.code}@${d.path}`);

describe('validateProfile', () => {
  it('accepts the default profile', () => {
    expect(validateProfile(defaultProfile)).toEqual({ valid: true, diagnostics: [] });
  });

  it('points each problem at its field', () => {
    expect(codes({ ...defaultProfile, domain: 'https://Example.com/' })).toEqual(['profile-domain@domain']);
    expect(codes({ ...defaultProfile, lanCidrs: ['192.168.1.10/24'] })).toEqual(['profile-lan-cidr@lanCidrs[0]']);
    expect(codes({ ...defaultProfile, lanCidrs: [] })).toEqual(['profile-lan-empty@lanCidrs']);
    expect(codes({ ...defaultProfile, serverIp: '192.168.1' })).toEqual(['profile-server-ip@serverIp']);
    expect(codes({ ...defaultProfile, coordination: 'headscale', headscaleUrl: 'http://hs' })).toEqual([
      'profile-headscale-url@headscaleUrl',
    ]);
    const bad = { name: 'x', subdomain: 'auth', upstream: 'host', sensitive: false, websockets: false };
    expect(codes({ ...defaultProfile, services: [bad] })).toEqual([
      'profile-service-reserved@services[0].subdomain',
      'profile-service-upstream@services[0].upstream',
    ]);
    expect(codes({ ...defaultProfile, users: [{ username: 'Ana Bad', email: 'x', groups: [] }] })).toEqual([
      'profile-user-name@users[0].username',
    ]);
  });

  it('keeps the CLI’s own message and fix for a LAN range with host bits', () => {
    const d = validateProfile({ ...defaultProfile, lanCidrs: ['192.168.1.10/24'] }).diagnostics[0]!;
    expect(d.message).toContain('192.168.1.0/24');
    expect(d.fix).toBe('192.168.1.0/24');
  });

  it('warns when the server is outside every LAN range', () => {
    const result = validateProfile({ ...defaultProfile, serverIp: '10.0.0.5' });
    expect(result.valid).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['profile-server-outside-lan']);
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => typeof validateProfile(value).valid === 'boolean'),
      { numRuns: 300 },
    );
  });
});

describe('derivations', () => {
  it('gives 2FA to sensitive services and one login to the rest, specific hosts only', () => {
    const form = toAccessControlForm(defaultProfile);
    expect(accessControlFromForm(form)).toEqual({
      default_policy: 'deny',
      rules: [
        { domain: ['proxmox.example.com'], policy: 'two_factor' },
        { domain: ['jellyfin.example.com'], policy: 'one_factor' },
      ],
    });
  });

  it('fills Tailscale, NPM and Authelia from the same facts', () => {
    expect(toTailscaleOptions({ ...defaultProfile, lanCidrs: ['192.168.1.0/24', '10.20.0.0/16'] }).routes).toBe(
      '192.168.1.0/24,10.20.0.0/16',
    );
    const npm = toNpmOptions(defaultProfile);
    expect(npm.portalUrl).toBe('https://auth.example.com');
    expect(npm.hosts.map((h) => [h.hostname, h.protected, h.websockets])).toEqual([
      ['auth.example.com', false, false],
      ['proxmox.example.com', true, true],
      ['jellyfin.example.com', true, true],
    ]);
    expect(toAutheliaOptions(defaultProfile)).toMatchObject({
      domain: 'example.com',
      autheliaUrl: 'https://auth.example.com',
      defaultRedirectionUrl: 'https://jellyfin.example.com',
    });
  });

  it('fills the internal DNS builder: the portal and each service by name, the proxy address, Headscale kept public', () => {
    expect(toInternalDnsOptions(defaultProfile)).toEqual({
      domain: 'example.com',
      serverIp: '192.168.1.10',
      zone: '',
      internalNames: 'auth\nproxmox\njellyfin',
      publicNames: '',
    });
    const headscale = { ...defaultProfile, coordination: 'headscale' as const };
    expect(toInternalDnsOptions(headscale).publicNames).toBe('headscale.example.com');
    // Outside the domain, or not a URL: nothing under the domain to keep public.
    expect(toInternalDnsOptions({ ...headscale, headscaleUrl: 'https://hs.example.net' }).publicNames).toBe('');
    expect(toInternalDnsOptions({ ...headscale, headscaleUrl: 'not a url' }).publicNames).toBe('');
    // Without services the builder keeps its own zone and names (by default the wildcard under home).
    const bare = toInternalDnsOptions({ ...headscale, services: [] });
    expect(bare).toEqual({ domain: 'example.com', serverIp: '192.168.1.10', publicNames: 'headscale.example.com' });
    expect('zone' in bare || 'internalNames' in bare).toBe(false);
  });

  it('gives the DNS records the exact hosts NPM proxies, and keeps Headscale out of them', () => {
    const profile = { ...defaultProfile, coordination: 'headscale' as const };
    const result = generateInternalDns({ ...defaultInternalDnsOptions, ...toInternalDnsOptions(profile) });
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const text = result.files.map((f) => f.content).join('\n');
    for (const host of toNpmOptions(profile).hosts.map((h) => h.hostname)) expect(text).toContain(host);
    expect(text).not.toMatch(/address=\/headscale\.example\.com\//);
  });
});

// Random valid profiles: every builder accepts what the profile derives, with no error diagnostic.
// `auth` is the portal's; `headscale` is the Headscale server's own public name in these profiles, never a service.
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/).filter((s) => s !== 'auth' && s !== 'headscale');
const octet = fc.integer({ min: 0, max: 255 });
const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    domain: fc.tuple(label, fc.constantFrom('com', 'net', 'org', 'io', 'dev')).map(([a, b]) => `${a}.${b}`),
    net: fc.tuple(fc.constantFrom(10, 172, 192), octet, octet),
    coordination: fc.constantFrom('tailscale' as const, 'headscale' as const),
    services: fc.uniqueArray(
      fc.record({
        subdomain: label,
        sensitive: fc.boolean(),
        websockets: fc.boolean(),
        port: fc.integer({ min: 1, max: 65535 }),
      }),
      {
        selector: (s) => s.subdomain,
        maxLength: 8,
      },
    ),
    users: fc.uniqueArray(
      fc.record({ username: label, groups: fc.array(fc.constantFrom('admins', 'family', 'guests'), { maxLength: 2 }) }),
      {
        selector: (u) => u.username,
        maxLength: 4,
      },
    ),
  })
  .map(({ domain, net, coordination, services, users }) => {
    const [a, b, c] = net;
    const cidr = a === 10 ? `10.${b}.${c}.0/24` : a === 172 ? `172.${16 + (b % 16)}.${c}.0/24` : `192.168.${c}.0/24`;
    const base = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
    return {
      version: 1 as const,
      domain,
      lanCidrs: [cidr],
      serverIp: `${base}.10`,
      coordination,
      headscaleUrl: `https://headscale.${domain}`,
      services: services.map((s) => ({
        name: s.subdomain,
        subdomain: s.subdomain,
        upstream: `${base}.10:${s.port}`,
        sensitive: s.sensitive,
        websockets: s.websockets,
      })),
      users: users.map((u) => ({
        username: u.username,
        displayname: u.username,
        email: `${u.username}@${domain}`,
        groups: [...new Set(u.groups)],
      })),
    };
  });

const errorsOf = (result: { diagnostics: { severity: string; code: string; message: string }[] }) =>
  result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

describe('every builder accepts what a valid profile derives (property)', () => {
  it('random valid profiles → no error from Authelia, Tailscale, NPM or internal DNS', () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        expect(validateProfile(profile).valid).toBe(true);
        const access = accessControlFromForm(toAccessControlForm(profile));
        expect(errorsOf(generateAccessControl(access, { portalDomain: `auth.${profile.domain}` }))).toEqual([]);
        const users = toUsers(profile).map((u) => ({
          ...u,
          hash: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE',
        }));
        expect(errorsOf(generateAutheliaConfig({ ...toAutheliaOptions(profile), accessControl: access, users }))).toEqual([]);
        expect(errorsOf(generateTailscale(toTailscaleOptions(profile)))).toEqual([]);
        expect(errorsOf(generateNpmSnippets(toNpmOptions(profile)))).toEqual([]);
        for (const server of DNS_SERVERS) {
          const dns = { ...defaultInternalDnsOptions, ...toInternalDnsOptions(profile), server };
          expect(errorsOf(generateInternalDns(dns))).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
