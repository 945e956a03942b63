/** Test helper: named homelab profiles and kit choices, and a fast-check generator of valid profiles, for the kit tests. */
import fc from 'fast-check';
import { defaultKitChoices, type KitChoices } from '../../../src/lib/kit';
import { defaultProfile, type Profile } from '../../../src/lib/profile';

const svc = (name: string, upstream: string, sensitive = false, websockets = false) => ({
  name,
  subdomain: name,
  upstream,
  sensitive,
  websockets,
});
const user = (username: string, domain: string, groups: string[]) => ({
  username,
  displayname: username[0]!.toUpperCase() + username.slice(1),
  email: `${username}@${domain}`,
  groups,
});

export const NAMED_PROFILES: Record<string, { profile: Profile; choices: KitChoices }> = {
  'single user': {
    profile: { ...defaultProfile, users: [user('ana', 'example.com', ['admins'])] },
    choices: defaultKitChoices,
  },
  'family with two groups': {
    profile: {
      ...defaultProfile,
      domain: 'family.net',
      lanCidrs: ['10.0.0.0/24'],
      serverIp: '10.0.0.2',
      services: [
        svc('photos', '10.0.0.2:2342', false, true),
        svc('nas', '10.0.0.3:5001', true),
        svc('media', 'jellyfin:8096', false, true),
      ],
      users: [user('mum', 'family.net', ['admins', 'family']), user('kid', 'family.net', ['family'])],
    },
    choices: { ...defaultKitChoices, redis: true, dns: 'unbound', secretsDelivery: 'env' },
  },
  headscale: {
    profile: {
      ...defaultProfile,
      coordination: 'headscale',
      headscaleUrl: 'https://headscale.example.com',
    },
    choices: { ...defaultKitChoices, dns: 'adguard' },
  },
  'public blog via tunnel': {
    profile: {
      ...defaultProfile,
      services: [...defaultProfile.services, svc('blog', 'blog:80')],
    },
    choices: { ...defaultKitChoices, dns: 'pihole', tunnel: { enabled: true, service: 'blog' }, secretsDelivery: 'env' },
  },
  'custom internal subdomain': {
    profile: {
      ...defaultProfile,
      domain: 'lab.example.org',
      services: [svc('grafana', '192.168.1.20:3000', true), svc('wiki', '192.168.1.21:8080')],
      users: [user('ops', 'example.org', ['admins'])],
    },
    choices: { ...defaultKitChoices, dns: 'technitium', redis: true },
  },
};

// Random valid profiles (as the profile tests make them): `auth` is the portal's, `headscale` Headscale's own name.
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/).filter((s) => s !== 'auth' && s !== 'headscale');
const octet = fc.integer({ min: 0, max: 255 });
export const profileArb: fc.Arbitrary<Profile> = fc
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
      { selector: (s) => s.subdomain, minLength: 1, maxLength: 8 },
    ),
    users: fc.uniqueArray(
      fc.record({ username: label, groups: fc.array(fc.constantFrom('admins', 'family', 'guests'), { maxLength: 2 }) }),
      { selector: (u) => u.username, minLength: 1, maxLength: 4 },
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

/** Choices for a profile: any DNS server, delivery and Redis; the tunnel on for the first non-sensitive service. */
export const choicesArb = (profile: Profile): fc.Arbitrary<KitChoices> =>
  fc.record({
    redis: fc.boolean(),
    dns: fc.constantFrom('none', 'dnsmasq', 'unbound', 'pihole', 'adguard', 'technitium') as fc.Arbitrary<KitChoices['dns']>,
    tunnel: fc.boolean().map((on) => {
      const open = profile.services.find((s) => !s.sensitive);
      return on && open ? { enabled: true, service: open.name } : { enabled: false, service: '' };
    }),
    secrets: fc.constant('server' as const),
    secretsDelivery: fc.constantFrom('env' as const, 'docker-secrets' as const),
  });

export const kitCaseArb = profileArb.chain((profile) => choicesArb(profile).map((choices) => ({ profile, choices })));
