import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDotenv } from '../../../src/lib/compose';
import { hasErrors } from '../../../src/lib/core';
import { checkFrontDoorKit, defaultKitChoices, generateFrontDoorKit, KIT_FILES, type KitChoices } from '../../../src/lib/kit';
import { defaultProfile, type Profile } from '../../../src/lib/profile';
import { CONFIG_KEYS, validateAutheliaConfiguration } from '../authelia/authelia-validator';
import { composeSchemaErrors, configurationSchemaErrors, userDatabaseSchemaErrors } from '../authelia/schema-validators';
import { kitCaseArb, NAMED_PROFILES } from './profiles';

const HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43);
const hashesFor = (profile: Profile) => Object.fromEntries(profile.users.map((u) => [u.username, HASH]));

function kit(profile: Profile, choices: KitChoices) {
  const result = generateFrontDoorKit(profile, choices, { passwordHashes: hashesFor(profile) });
  const file = (name: string) => result.files.find((f) => f.name === name);
  return { ...result, file };
}

/** Every real-consumer check that runs in-process: compose-spec schema, Authelia's schemas and startup checks. */
function consumerErrors(profile: Profile, choices: KitChoices): string[] {
  const { files, diagnostics, file } = kit(profile, choices);
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
  if (files.length === 0) return [...errors, 'no files'];
  const compose = parse(file(KIT_FILES.compose)!.content) as Record<string, Record<string, Record<string, unknown>>>;
  errors.push(...composeSchemaErrors(compose).map((e) => `compose.yaml ${e}`));
  const config = parse(file(KIT_FILES.autheliaConfig)!.content) as unknown;
  errors.push(...configurationSchemaErrors(config).map((e) => `configuration.yml ${e}`));
  errors.push(...userDatabaseSchemaErrors(parse(file(KIT_FILES.autheliaUsers)!.content)).map((e) => `users ${e}`));
  // Authelia's startup checks with the container's environment and secret files as compose.yaml hands them over.
  const env: Record<string, string> = {};
  const secretFiles: Record<string, string> = {};
  const dotenv = parseDotenv(file(KIT_FILES.envExample)!.content);
  for (const [key, value] of Object.entries(compose.services!.authelia!.environment as Record<string, string>)) {
    if (!key.startsWith('AUTHELIA_')) continue;
    // Every AUTHELIA_* variable the kit sets must be one Authelia knows (docs/data/configkeys.json @ v4.39.20).
    if (!CONFIG_KEYS.some((k) => k.env === key || k.env === `${key}_FILE` || `${k.env}` === key))
      errors.push(`compose.yaml: Authelia does not know ${key}`);
    const name = /^\$\{(\w+)/.exec(value)?.[1];
    env[key] = name ? dotenv[name] || 'x'.repeat(64) : value;
    if (key.endsWith('_FILE')) secretFiles[value] = 'y'.repeat(64);
  }
  // Authelia reads AUTHELIA_X as the key x: feed the plain ones in as their _FILE twins' files for the port.
  for (const [key, value] of Object.entries({ ...env })) {
    if (!key.endsWith('_FILE') && CONFIG_KEYS.some((k) => k.env === `${key}_FILE`)) {
      env[`${key}_FILE`] = `/env/${key}`;
      secretFiles[`/env/${key}`] = value;
      delete env[key];
    }
  }
  errors.push(...validateAutheliaConfiguration(config, env, secretFiles).errors.map((e) => `authelia: ${e}`));
  return errors;
}

describe('generateFrontDoorKit on named profiles', () => {
  for (const [name, { profile, choices }] of Object.entries(NAMED_PROFILES)) {
    it(`${name}: every file, accepted by compose-spec and Authelia 4.39, and no cross-check finding`, () => {
      expect(consumerErrors(profile, choices)).toEqual([]);
      const { files, diagnostics } = kit(profile, choices);
      expect(diagnostics.filter((d) => d.code.startsWith('kit-'))).toEqual([]);
      expect(checkFrontDoorKit(files)).toEqual([]);
      const names = files.map((f) => f.name);
      for (const required of [
        'compose.yaml',
        '.env.example',
        '.gitignore',
        'create-secrets.sh',
        'authelia/configuration.yml',
        'authelia/users_database.yml',
        'npm/checklist.md',
        'ssh/00-homelab.conf',
        'README.md',
      ])
        expect(names).toContain(required);
      expect(names).toContain(`npm/auth.${profile.domain}.advanced.conf`);
      expect(names.some((n) => n.startsWith('tailscale/'))).toBe(true);
      expect(names.some((n) => n.startsWith('dns/'))).toBe(choices.dns !== 'none');
      expect(new Set(names).size).toBe(names.length);
    });
  }

  it('keeps every secret out of the kit by default, and puts the opted-in values only in .env or secrets/', () => {
    const { profile } = NAMED_PROFILES['family with two groups']!;
    const server = kit(profile, { ...defaultKitChoices, redis: true, secretsDelivery: 'env' });
    expect(server.files.map((f) => f.name)).not.toContain('.env');
    expect(server.files.some((f) => f.name.startsWith('secrets/'))).toBe(false);
    const secret = 'S'.repeat(64);
    const inline = generateFrontDoorKit(
      profile,
      { ...defaultKitChoices, redis: true, secrets: 'inline', secretsDelivery: 'env' },
      { passwordHashes: hashesFor(profile), inlineSecrets: { AUTHELIA_SESSION_SECRET: secret } },
    );
    const holders = inline.files.filter((f) => f.content.includes(secret)).map((f) => f.name);
    expect(holders).toEqual(['.env']);
    expect(parseDotenv(inline.files.find((f) => f.name === '.env')!.content).AUTHELIA_SESSION_SECRET).toBe(secret);
    const asFiles = generateFrontDoorKit(
      profile,
      { ...defaultKitChoices, secrets: 'inline', secretsDelivery: 'docker-secrets' },
      { passwordHashes: hashesFor(profile), inlineSecrets: { AUTHELIA_SESSION_SECRET: secret } },
    );
    expect(asFiles.files.filter((f) => f.content.includes(secret)).map((f) => f.name)).toEqual([
      'secrets/AUTHELIA_SESSION_SECRET',
    ]);
  });

  it('pins every image, gives NPM, Authelia, Redis and cloudflared a healthcheck and the ids, one network', () => {
    const { profile } = NAMED_PROFILES['public blog via tunnel']!;
    const choices: KitChoices = { ...defaultKitChoices, redis: true, tunnel: { enabled: true, service: 'blog' } };
    const compose = parse(kit(profile, choices).file('compose.yaml')!.content) as {
      services: Record<
        string,
        { image: string; healthcheck?: unknown; environment?: Record<string, string>; networks?: string[] }
      >;
      networks: Record<string, unknown>;
    };
    expect(Object.keys(compose.networks)).toEqual(['frontdoor']);
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.image, name).toMatch(/:[\w.-]*\d[\w.-]*$/);
      expect(service.image, name).not.toMatch(/:latest$/);
      expect(service.healthcheck, name).toBeDefined();
      expect(service.networks, name).toEqual(['frontdoor']);
    }
    for (const name of ['npm', 'authelia'])
      expect(compose.services[name]!.environment).toMatchObject({ PUID: '${PUID}', PGID: '${PGID}' });
  });

  it('binds NPM admin and every DNS console to the LAN address, never to all interfaces', () => {
    for (const dns of ['pihole', 'adguard', 'technitium'] as const) {
      const compose = parse(kit(defaultProfile, { ...defaultKitChoices, dns }).file('compose.yaml')!.content) as {
        services: Record<string, { ports?: string[] }>;
      };
      const ports = Object.entries(compose.services).flatMap(([name, s]) => (s.ports ?? []).map((p) => `${name} ${p}`));
      expect(ports.filter((p) => !/^npm (80|443):/.test(p)).every((p) => p.split(' ')[1]!.startsWith('192.168.1.10:'))).toBe(
        true,
      );
      expect(ports).toContain('npm 192.168.1.10:81:81');
    }
  });
});

describe('generateFrontDoorKit on generated profiles', () => {
  it('every valid profile and choice mix: accepted by the consumers, and checkFrontDoorKit finds nothing', () => {
    fc.assert(
      fc.property(kitCaseArb, ({ profile, choices }) => {
        expect(consumerErrors(profile, choices)).toEqual([]);
        expect(checkFrontDoorKit(kit(profile, choices).files)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('bad input', () => {
  const cases: [string, Profile, KitChoices, string][] = [
    ['a bad domain', { ...defaultProfile, domain: 'Example..com' }, defaultKitChoices, 'domain'],
    [
      'a localhost upstream',
      {
        ...defaultProfile,
        services: [defaultProfile.services[0]!, { ...defaultProfile.services[1]!, upstream: 'localhost:8096' }],
      },
      defaultKitChoices,
      'services[1].upstream',
    ],
    [
      'a 127.0.0.1 upstream',
      { ...defaultProfile, services: [{ ...defaultProfile.services[0]!, upstream: '127.0.0.1:8006' }] },
      defaultKitChoices,
      'services[0].upstream',
    ],
    [
      'a tunnel to an unknown service',
      defaultProfile,
      { ...defaultKitChoices, tunnel: { enabled: true, service: 'nope' } },
      'choices.tunnel.service',
    ],
    [
      'a tunnel to a sensitive service',
      defaultProfile,
      { ...defaultKitChoices, tunnel: { enabled: true, service: 'proxmox' } },
      'choices.tunnel.service',
    ],
    [
      "a service on Headscale's own name",
      {
        ...defaultProfile,
        coordination: 'headscale',
        headscaleUrl: 'https://vpn.example.com',
        services: [{ ...defaultProfile.services[1]!, name: 'vpn', subdomain: 'vpn' }],
      },
      defaultKitChoices,
      'services[0].subdomain',
    ],
    ['an unknown DNS server', defaultProfile, { ...defaultKitChoices, dns: 'bind' as KitChoices['dns'] }, 'choices.dns'],
  ];
  for (const [what, profile, choices, path] of cases) {
    it(`${what}: an error on ${path} and no files`, () => {
      const result = generateFrontDoorKit(profile, choices);
      expect(result.files).toEqual([]);
      expect(hasErrors(result.diagnostics)).toBe(true);
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toContain(path);
    });
  }
  it('never throws on nonsense input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (profile, choices) => {
        const result = generateFrontDoorKit(profile as Profile, choices as KitChoices);
        expect(result.files).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
