// Micro-benchmarks of the pure generators (run by `npm run bench`; figures, not pass/fail).
import { test } from 'vitest';
import { generateAccessControl, matchRequest } from '../../src/lib/authelia';
import { measure } from './timing';

const rules = Array.from({ length: 50 }, (_, i) => ({
  domain: [i % 5 === 0 ? `*.zone${i}.example.com` : `app${i}.example.com`],
  policy: i % 3 === 0 ? 'two_factor' : 'one_factor',
  ...(i % 4 === 0 ? { subject: [['group:admins'], [`user:u${i}`]] } : {}),
  ...(i % 7 === 0 ? { networks: ['192.168.1.0/24'] } : {}),
  ...(i % 9 === 0 ? { resources: ['^/api([/?].*)?$'] } : {}),
}));
const input = { default_policy: 'deny', rules };

test('authelia generators', () => {
  measure('generateAccessControl, 50 rules', () => generateAccessControl(input, { portalDomain: 'auth.example.com' }), {
    target: '≤ 2 ms',
  });
  measure('matchRequest, 50 rules', () =>
    matchRequest(input, { url: 'https://app49.example.com/api/x', username: 'u48', groups: ['admins'], ip: '192.168.1.7' }),
  );
});

test('authelia configuration', async () => {
  const { generateAutheliaConfig } = await import('../../src/lib/authelia');
  const users = Array.from({ length: 5 }, (_, i) => ({
    username: `user${i}`,
    displayname: `User ${i}`,
    email: `user${i}@example.com`,
    groups: ['family'],
    hash: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0123456789012345678901234567890123456789abc',
  }));
  measure('generateAutheliaConfig with rules and 5 users', () =>
    generateAutheliaConfig({ accessControl: input, users, secretsMode: 'inline' }),
  );
});

test('compose splitter', async () => {
  const { splitCompose } = await import('../../src/lib/compose');
  const { largeCompose } = await import('../fixtures/large-inputs');
  const source = largeCompose();
  measure(`splitCompose, ${source.split('\n').length - 1} lines`, () => splitCompose(source), {
    warmup: 3,
    runs: 20,
    target: '≤ 50 ms',
  });
});

test('tailscale route parsing', async () => {
  const { parseAdvertiseRoutes } = await import('../../src/lib/tailscale');
  const { manyPrefixes } = await import('../fixtures/large-inputs');
  const routes = manyPrefixes(1000);
  measure('parseAdvertiseRoutes, 1,000 prefixes', () => parseAdvertiseRoutes(routes), { warmup: 5, runs: 50 });
});

test('front-door kit', async () => {
  const { generateFrontDoorKit, checkFrontDoorKit, defaultKitChoices } = await import('../../src/lib/kit');
  const { defaultProfile } = await import('../../src/lib/profile');
  const profile = {
    ...defaultProfile,
    services: Array.from({ length: 20 }, (_, i) => ({
      name: `app${i}`,
      subdomain: `app${i}`,
      upstream: `192.168.1.${20 + i}:${8000 + i}`,
      sensitive: i % 3 === 0,
      websockets: i % 2 === 0,
    })),
  };
  const choices = { ...defaultKitChoices, redis: true, dns: 'unbound' as const, tunnel: { enabled: true, service: 'app1' } };
  const kit = generateFrontDoorKit(profile, choices);
  if (kit.files.length === 0) throw new Error('the 20-service kit has errors');
  measure('generateFrontDoorKit + checkFrontDoorKit, 20 services', () => generateFrontDoorKit(profile, choices), {
    warmup: 3,
    runs: 30,
    target: '≤ 100 ms',
  });
  measure('checkFrontDoorKit alone, 20 services', () => checkFrontDoorKit(kit.files), { warmup: 3, runs: 30 });
});
