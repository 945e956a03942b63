import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  accessControlFromForm,
  accessControlPresets,
  AUTHELIA_CONTAINER,
  generateAccessControl,
  generateAutheliaConfig,
  hashPassword,
  randomSecret,
  type AutheliaConfigOptions,
} from '../../../src/lib/authelia';
import type { GeneratorResult } from '../../../src/lib/core';
import { CONFIG_KEYS, validateAutheliaConfiguration } from './authelia-validator';
import { composeSchemaErrors, configurationSchemaErrors, userDatabaseSchemaErrors } from './schema-validators';

type Options = Partial<AutheliaConfigOptions>;

const fileOf = (r: GeneratorResult, name: string) => {
  const f = r.files.find((x) => x.name === name);
  if (!f) throw new Error(`${name} missing; files: ${r.files.map((x) => x.name).join(', ')}`);
  return f;
};
const configOf = (r: GeneratorResult) => parse(fileOf(r, 'configuration.yml').content) as Record<string, unknown>;
const errorsOf = (r: GeneratorResult) => r.diagnostics.filter((d) => d.severity === 'error');

interface Compose {
  services: { authelia: { image: string; volumes: string[]; environment: Record<string, string> } };
}

/** The `AUTHELIA_*_FILE` variables of a compose environment (the others, PUID and PGID, are not secrets). */
const fileVariables = (env: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).filter(([k]) => k.endsWith('_FILE')));

/** What the container would see in the secret-files mode: the env from compose.yaml and a 64-character file per variable. */
function containerSecrets(r: GeneratorResult): { env: Record<string, string>; files: Record<string, string> } {
  const compose = parse(fileOf(r, 'compose.yaml').content) as Compose;
  const env = compose.services.authelia.environment;
  const files = Object.fromEntries(Object.values(fileVariables(env)).map((path) => [path, `${randomSecret()}\n`]));
  return { env, files };
}

/** Schema errors plus errors from the port of Authelia's validator, for one generated result. */
function startupProblems(r: GeneratorResult): string[] {
  const config = configOf(r);
  const files = r.files.some((f) => f.name === 'compose.yaml') ? containerSecrets(r) : { env: {}, files: {} };
  return [...configurationSchemaErrors(config), ...validateAutheliaConfiguration(config, files.env, files.files).errors];
}

const presetInput = (id: string) => accessControlFromForm(accessControlPresets.find((p) => p.id === id)!.form);

const SECRETS = { jwt: randomSecret(), session: randomSecret(), storageEncryptionKey: randomSecret() };

const COMBINATIONS: [string, Options][] = [
  ['the defaults (secret files)', {}],
  ['the defaults with inline secrets', { secretsMode: 'inline' }],
  [
    'inline secrets typed by the user, another domain, no redirection URL, dark theme, debug log',
    {
      secretsMode: 'inline',
      secrets: SECRETS,
      domain: 'home.example.org',
      autheliaUrl: 'https://login.home.example.org',
      defaultRedirectionUrl: '',
      totpIssuer: 'Home Lab',
      theme: 'dark',
      logLevel: 'debug',
    },
  ],
  ['secret files with the article preset', { accessControl: presetInput('article') }],
  ['secret files with the family preset', { accessControl: presetInput('family') }],
  ['inline secrets with the single-user preset', { secretsMode: 'inline', accessControl: presetInput('single') }],
  [
    'a portal on a path of the apex',
    { autheliaUrl: 'https://example.com/authelia', defaultRedirectionUrl: 'https://example.com/' },
  ],
  [
    'an internal lab.home.arpa domain with grey theme and warn log',
    {
      domain: 'lab.home.arpa',
      autheliaUrl: 'https://auth.lab.home.arpa',
      defaultRedirectionUrl: 'https://dash.lab.home.arpa',
      theme: 'grey',
      logLevel: 'warn',
    },
  ],
];

describe('generateAutheliaConfig: every combination is a configuration Authelia 4.39 starts with', () => {
  it.each(COMBINATIONS)('%s', (_, options) => {
    const r = generateAutheliaConfig(options);
    expect(errorsOf(r)).toEqual([]);
    const content = fileOf(r, 'configuration.yml').content;
    expect(content.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://www.authelia.com/schemas/v4.39/json-schema/configuration.json',
    );
    expect(startupProblems(r)).toEqual([]);
  });

  it('passes the schema and the validator port for random valid domains, portals and modes', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
    fc.assert(
      fc.property(
        label,
        label,
        fc.constantFrom('com', 'net', 'org', 'dev', 'lan'),
        fc.constantFrom('inline', 'files'),
        (sub, name, tld, mode) => {
          const domain = `${name}.${tld}`;
          const r = generateAutheliaConfig({
            domain,
            autheliaUrl: `https://${sub}.${domain}`,
            defaultRedirectionUrl: `https://${sub}x.${domain}/`,
            secretsMode: mode as 'inline' | 'files',
          });
          return errorsOf(r).length === 0 && startupProblems(r).length === 0;
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the validator port catches what Authelia refuses (so the checks above are not vacuous)', () => {
  const base = () => configOf(generateAutheliaConfig({ secretsMode: 'inline' }));

  it('reports a missing jwt secret, a short encryption key, an http portal and an unknown key', () => {
    const config = base() as Record<string, Record<string, unknown>>;
    delete config.identity_validation;
    (config.storage as Record<string, unknown>).encryption_key = 'too-short';
    ((config.session as Record<string, unknown[]>).cookies![0] as Record<string, unknown>).authelia_url =
      'http://auth.example.com';
    (config as Record<string, unknown>).jwt_secret = 'legacy';
    expect(validateAutheliaConfiguration(config).errors).toEqual([
      'configuration key not expected: jwt_secret',
      "identity_validation: reset_password: option 'jwt_secret' is required when the reset password functionality isn't disabled",
      "session: domain config #1 (domain 'example.com'): option 'authelia_url' does not have a secure scheme with a value of 'http://auth.example.com'",
      "storage: option 'encryption_key' must be 20 characters or longer",
    ]);
  });

  it('reports a secret defined both inline and through its _FILE variable', () => {
    const env = { AUTHELIA_SESSION_SECRET_FILE: '/secrets/SESSION_SECRET' };
    const errors = validateAutheliaConfiguration(base(), env, { '/secrets/SESSION_SECRET': randomSecret() }).errors;
    expect(errors).toEqual([expect.stringContaining("into key 'session.secret': it's already defined")]);
  });

  it('reports missing secrets in the files mode when the _FILE variables are not set', () => {
    const errors = validateAutheliaConfiguration(configOf(generateAutheliaConfig({ secretsMode: 'files' }))).errors;
    expect(errors).toEqual([
      "identity_validation: reset_password: option 'jwt_secret' is required when the reset password functionality isn't disabled",
      "storage: option 'encryption_key' is required",
    ]);
  });
});

describe('inline secrets', () => {
  it('writes typed secrets verbatim at their 4.38+ keys', () => {
    const c = configOf(generateAutheliaConfig({ secretsMode: 'inline', secrets: SECRETS })) as Record<
      string,
      Record<string, unknown>
    >;
    expect(c.identity_validation).toEqual({ reset_password: { jwt_secret: SECRETS.jwt } });
    expect(c.session?.secret).toBe(SECRETS.session);
    expect(c.storage?.encryption_key).toBe(SECRETS.storageEncryptionKey);
  });

  it('generates a 64-character alphanumeric secret for each empty slot, from the injected source', () => {
    const zeros = (bytes: Uint8Array) => bytes.fill(0);
    const c = configOf(
      generateAutheliaConfig({ secretsMode: 'inline', secrets: { jwt: '', session: SECRETS.session }, random: zeros }),
    ) as Record<string, Record<string, unknown>>;
    expect(c.identity_validation).toEqual({ reset_password: { jwt_secret: 'A'.repeat(64) } });
    expect(c.session?.secret).toBe(SECRETS.session);
    expect(c.storage?.encryption_key).toBe('A'.repeat(64));
  });
});

describe('secret files', () => {
  const r = generateAutheliaConfig({ secretsMode: 'files' });
  const compose = parse(fileOf(r, 'compose.yaml').content) as Compose;
  const env = fileVariables(compose.services.authelia.environment);
  const dir = mkdtempSync(join(tmpdir(), 'authelia-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every secret key out of configuration.yml', () => {
    const c = configOf(r) as Record<string, Record<string, unknown>>;
    expect(c.identity_validation).toBeUndefined();
    expect(c.session).not.toHaveProperty('secret');
    expect(c.storage).not.toHaveProperty('encryption_key');
  });

  it("sets exactly the three _FILE variables Authelia's configkeys.json lists for those secret keys", () => {
    const expected = ['identity_validation.reset_password.jwt_secret', 'session.secret', 'storage.encryption_key'].map((path) => {
      const key = CONFIG_KEYS.find((k) => k.path === path);
      expect(key?.secret).toBe(true);
      return key?.env;
    });
    expect(Object.keys(env).sort()).toEqual(expected.sort());
  });

  it('runs Authelia as the host user (PUID/PGID), so the entrypoint hands ./config to that user instead of root', () => {
    // The image defaults to PUID=0/PGID=0 and chowns /config to them on every start (entrypoint.sh @ v4.39.20).
    const all = compose.services.authelia.environment;
    expect(
      Object.keys(all)
        .filter((k) => !k.endsWith('_FILE'))
        .sort(),
    ).toEqual(['PGID', 'PUID']);
    expect(all.PUID).toBe(AUTHELIA_CONTAINER.puid);
    expect(all.PGID).toBe(AUTHELIA_CONTAINER.pgid);
    expect([all.PUID, all.PGID]).toEqual(['1000', '1000']);
    expect(fileOf(r, 'compose.yaml').content).toContain("'id -u' and 'id -g'");
    expect(fileOf(r, 'create-secrets.sh').content).toContain('sudo chown -R "$(id -u):$(id -g)" ./secrets');
  });

  it('uses the 4.39 minor-line image tag, not a fixed older patch', () => {
    expect(compose.services.authelia.image).toBe('authelia/authelia:4.39');
    expect(AUTHELIA_CONTAINER.image).toBe('authelia/authelia:4.39');
  });

  it('mounts ./secrets read-only where the variables point, and validates against the Compose specification', () => {
    expect(compose.services.authelia.volumes).toContain('./secrets:/secrets:ro');
    for (const path of Object.values(env)) expect(path).toMatch(/^\/secrets\/[A-Z_]+$/);
    expect(composeSchemaErrors(compose)).toEqual([]);
  });

  it('ships a shell script that writes each file with printf and chmod 600, and no secret value', () => {
    const script = fileOf(r, 'create-secrets.sh');
    expect(script.language).toBe('shell');
    expect(script.content.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script.content).toContain(`printf '%s' "$value" >"$file"`);
    expect(script.content).toContain('chmod 600 "$file"');
    for (const path of Object.values(env)) expect(script.content).toContain(`write_secret '${path.replace('/secrets/', '')}'`);
  });

  it('the script creates 64-character files readable only by the owner, keeps them on a second run, and Authelia starts with them', () => {
    writeFileSync(join(dir, 'create-secrets.sh'), fileOf(r, 'create-secrets.sh').content);
    execFileSync('sh', ['create-secrets.sh'], { cwd: dir });
    const names = Object.values(env).map((p) => p.replace('/secrets/', ''));
    const first = Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, 'secrets', n), 'utf8')]));
    for (const n of names) {
      expect(first[n]).toMatch(/^[A-Za-z0-9]{64}$/);
      expect(statSync(join(dir, 'secrets', n)).mode & 0o777).toBe(0o600);
    }
    execFileSync('sh', ['create-secrets.sh'], { cwd: dir });
    for (const n of names) expect(readFileSync(join(dir, 'secrets', n), 'utf8')).toBe(first[n]);
    const files = Object.fromEntries(Object.values(env).map((p) => [p, first[p.replace('/secrets/', '')] ?? '']));
    expect(validateAutheliaConfiguration(configOf(r), env, files).errors).toEqual([]);
  });

  it('reports typed secrets as unused rather than writing them anywhere', () => {
    const typed = generateAutheliaConfig({ secretsMode: 'files', secrets: SECRETS });
    expect(typed.diagnostics).toContainEqual(expect.objectContaining({ code: 'secrets-not-used', path: 'secrets' }));
    for (const s of Object.values(SECRETS)) expect(JSON.stringify(typed)).not.toContain(s);
  });
});

describe('bad options give a diagnostic on the field, never a throw', () => {
  const at = "session: domain config #1 (domain '";
  const cases: [string, Options, string, string, string, string?][] = [
    // [title, options, path, code, message start, fix]
    ['an empty cookie domain', { domain: '' }, 'domain', 'cookie-domain-required', `${at}'): option 'domain' is required`],
    [
      'a wildcard cookie domain',
      { domain: '*.example.com' },
      'domain',
      'cookie-domain-wildcard',
      `${at}*.example.com'): option 'domain' must be the domain you wish to protect not a wildcard domain but it's configured as '*.example.com'`,
      'example.com',
    ],
    [
      'a single-label cookie domain',
      { domain: 'localhost' },
      'domain',
      'cookie-domain-no-dot',
      `${at}localhost'): option 'domain' is not a valid cookie domain: must have at least a single period or be an ip address`,
    ],
    [
      'an uppercase cookie domain',
      { domain: 'Example.com' },
      'domain',
      'cookie-domain-invalid',
      `${at}Example.com'): option 'domain' does not appear to be a valid cookie domain or an ip address`,
      'example.com',
    ],
    [
      'a public-suffix cookie domain',
      { domain: 'duckdns.org' },
      'domain',
      'cookie-domain-public-suffix',
      `${at}duckdns.org'): option 'domain' is not a valid cookie domain: the domain is part of the special public suffix list`,
    ],
    [
      'a co.uk cookie domain',
      { domain: 'co.uk' },
      'domain',
      'cookie-domain-public-suffix',
      `${at}co.uk'): option 'domain' is not a valid cookie domain: the domain is part of the special public suffix list`,
    ],
    [
      'home.arpa itself as cookie domain (on the public suffix list since 2024)',
      { domain: 'home.arpa', autheliaUrl: 'https://auth.home.arpa', defaultRedirectionUrl: '' },
      'domain',
      'cookie-domain-public-suffix',
      `${at}home.arpa'): option 'domain' is not a valid cookie domain: the domain is part of the special public suffix list`,
    ],
    [
      'a cookie domain with a port (session.go#L118-L122 warns, #L136-L138 refuses, authelia v4.39.20)',
      { domain: 'example.com:8443' },
      'domain',
      'cookie-domain-invalid',
      `${at}example.com:8443'): option 'domain' does not appear to be a valid cookie domain or an ip address`,
      'example.com',
    ],
    [
      'a cookie domain with a leading dot (session.go#L114-L116 warns, #L136-L138 refuses, authelia v4.39.20)',
      { domain: '.example.com' },
      'domain',
      'cookie-domain-invalid',
      `${at}.example.com'): option 'domain' does not appear to be a valid cookie domain or an ip address`,
      'example.com',
    ],
    [
      'an http portal',
      { autheliaUrl: 'http://auth.example.com' },
      'autheliaUrl',
      'authelia-url-insecure',
      `${at}example.com'): option 'authelia_url' does not have a secure scheme with a value of 'http://auth.example.com'`,
      'https://auth.example.com',
    ],
    [
      'a portal without scheme',
      { autheliaUrl: 'auth.example.com' },
      'autheliaUrl',
      'authelia-url-not-absolute',
      `${at}example.com'): option 'authelia_url' is not absolute with a value of 'auth.example.com'`,
      'https://auth.example.com',
    ],
    [
      'a portal outside the cookie domain',
      { autheliaUrl: 'https://auth.example.net' },
      'autheliaUrl',
      'authelia-url-outside-cookie-domain',
      `${at}example.com'): option 'authelia_url' does not share a cookie scope with domain 'example.com' with a value of 'https://auth.example.net'`,
    ],
    [
      'an empty portal',
      { autheliaUrl: '' },
      'autheliaUrl',
      'authelia-url-required',
      `${at}example.com'): option 'authelia_url' is required`,
    ],
    [
      'an unparsable portal',
      { autheliaUrl: 'https://exa mple.com' },
      'autheliaUrl',
      'authelia-url-invalid',
      "The authelia_url 'https://exa mple.com' is not a valid URL.",
    ],
    [
      'a redirection URL equal to the portal',
      { defaultRedirectionUrl: 'https://auth.example.com/' },
      'defaultRedirectionUrl',
      'redirection-url-equals-portal',
      `${at}example.com'): option 'default_redirection_url' with value 'https://auth.example.com/' is effectively equal to option 'authelia_url' with value 'https://auth.example.com' which is not permitted`,
    ],
    [
      'a redirection URL outside the cookie domain',
      { defaultRedirectionUrl: 'https://google.com' },
      'defaultRedirectionUrl',
      'redirection-url-outside-cookie-domain',
      `${at}example.com'): option 'default_redirection_url' does not share a cookie scope with domain 'example.com' with a value of 'https://google.com'`,
    ],
    [
      'an http redirection URL',
      { defaultRedirectionUrl: 'http://home.example.com' },
      'defaultRedirectionUrl',
      'redirection-url-insecure',
      `${at}example.com'): option 'default_redirection_url' does not have a secure scheme with a value of 'http://home.example.com'`,
      'https://home.example.com',
    ],
    [
      'a short storage encryption key',
      { secretsMode: 'inline', secrets: { storageEncryptionKey: 'abcdefghij0123456' } },
      'secrets.storageEncryptionKey',
      'encryption-key-too-short',
      "storage: option 'encryption_key' must be 20 characters or longer",
    ],
    [
      'an unknown log level',
      { logLevel: 'verbose' as never },
      'logLevel',
      'log-level-invalid',
      "log: option 'level' must be one of 'trace', 'debug', 'info', 'warn', or 'error' but it's configured as 'verbose'",
    ],
    ['an unknown theme', { theme: 'blue' as never }, 'theme', 'theme-invalid', "The theme 'blue' is not one of"],
    [
      'an unknown secrets mode',
      { secretsMode: 'env' as never },
      'secretsMode',
      'secrets-mode-invalid',
      "The secrets mode 'env' is neither",
    ],
  ];

  it.each(cases)('%s', (_, options, path, code, message, fix) => {
    const r = generateAutheliaConfig(options);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d).toMatchObject({ severity: 'error', path });
    expect(d?.message.startsWith(message)).toBe(true);
    if (fix !== undefined) expect(d?.fix).toBe(fix);
    expect(fileOf(r, 'configuration.yml').content.length).toBeGreaterThan(0);
  });

  it("warns about a leading dot on the cookie domain in Authelia's words (const.go#L396, v4.39.20) and offers the domain without it", () => {
    const d = generateAutheliaConfig({ domain: '.example.com' }).diagnostics.find((x) => x.code === 'cookie-domain-leading-dot');
    expect(d).toMatchObject({ severity: 'warning', path: 'domain', fix: 'example.com' });
    expect(d?.message).toBe(
      `${at}.example.com'): option 'domain' has a prefix of '.' which is not supported or intended behavior: you can use this at your own risk but we recommend removing it`,
    );
  });

  it("warns about a port on the cookie domain in Authelia's words (const.go#L397, v4.39.20)", () => {
    const d = generateAutheliaConfig({ domain: 'example.com:8443' }).diagnostics.find((x) => x.code === 'cookie-domain-port');
    expect(d).toMatchObject({ severity: 'warning', path: 'domain', fix: 'example.com' });
    expect(d?.message).toBe(
      `${at}example.com:8443'): option 'domain' with value 'example.com:8443' should probably have value 'example.com' as it appears to include a port which is not supported and will likely fail to start and is otherwise unsupported`,
    );
  });

  it('warns about a .local cookie domain (multicast DNS)', () => {
    const r = generateAutheliaConfig({ domain: 'home.local', autheliaUrl: 'https://auth.home.local', defaultRedirectionUrl: '' });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'cookie-domain-private-tld', path: 'domain' }),
    );
  });

  it('warns about a rule domain outside the cookie domain, on that domain entry', () => {
    const r = generateAutheliaConfig({
      accessControl: { default_policy: 'deny', rules: [{ domain: ['app.example.com', 'nas.other.net'], policy: 'one_factor' }] },
    });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'rule-domain-outside-cookie-domain',
        path: 'accessControl.rules[0].domain[1]',
      }),
    );
    expect(r.diagnostics.filter((d) => d.code === 'rule-domain-outside-cookie-domain')).toHaveLength(1);
  });

  it('refuses an oauth2:client subject, as Authelia does without OpenID Connect clients (access_control.go#L103-L105, #L199-L211, v4.39.20)', () => {
    const accessControl = {
      default_policy: 'deny',
      rules: [{ domain: ['app.example.com'], policy: 'one_factor', subject: [['oauth2:client:grafana']] }],
    };
    const r = generateAutheliaConfig({ accessControl });
    const d = r.diagnostics.find((x) => x.code === 'rule-subject-oauth2-client-unknown');
    expect(d).toMatchObject({ severity: 'error', path: 'accessControl.rules[0].subject[0][0]' });
    const authelia =
      "access_control: rule #1 (domain 'app.example.com'): option 'subject' with value 'oauth2:client:grafana' is invalid: the client id 'grafana' does not belong to a registered client";
    expect(d?.message.startsWith(authelia)).toBe(true);
    // The validator port agrees: Authelia refuses to start with this file.
    expect(validateAutheliaConfiguration(configOf(r), ...Object.values(containerSecrets(r))).errors).toContain(authelia);
  });

  it("merges generateAccessControl's diagnostics with paths prefixed by accessControl.", () => {
    const input = {
      default_policy: 'deny',
      rules: [
        { domain: ['app.example.com'], policy: 'sometimes' },
        { policy: 'bypass', subject: ['group:admins'] },
      ],
    };
    const own = generateAccessControl(input, { portalDomain: 'auth.example.com' }).diagnostics;
    expect(own.length).toBeGreaterThan(0);
    const merged = generateAutheliaConfig({ accessControl: input }).diagnostics.filter((d) =>
      d.path?.startsWith('accessControl'),
    );
    for (const d of own) expect(merged).toContainEqual({ ...d, path: d.path ? `accessControl.${d.path}` : 'accessControl' });
  });

  it('puts the generated access_control section into configuration.yml', () => {
    const input = presetInput('article');
    const own = parse(generateAccessControl(input, { portalDomain: 'auth.example.com' }).files[0]!.content) as Record<
      string,
      unknown
    >;
    expect(configOf(generateAutheliaConfig({ accessControl: input })).access_control).toEqual(own.access_control);
  });

  it('never throws and always writes configuration.yml, whatever each option holds', () => {
    const keys = [
      'domain',
      'autheliaUrl',
      'defaultRedirectionUrl',
      'totpIssuer',
      'theme',
      'logLevel',
      'secretsMode',
      'secrets',
      'accessControl',
      'users',
    ] as const;
    fc.assert(
      fc.property(fc.record(Object.fromEntries(keys.map((k) => [k, fc.anything()])), { requiredKeys: [] }), (options) => {
        const r = generateAutheliaConfig(options as Options);
        return r.files.some((f) => f.name === 'configuration.yml') && Array.isArray(r.diagnostics);
      }),
      { numRuns: 200 },
    );
    expect(() => generateAutheliaConfig(null as never)).not.toThrow();
  });
});

describe('no secret in any diagnostic', () => {
  it('keeps typed secrets out of every message, path and fix, even with every other option wrong', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9!#%&*+\-_.:;=?@^~]{12,80}$/);
    fc.assert(
      fc.property(
        secret,
        secret,
        secret,
        fc.string(),
        fc.string(),
        fc.constantFrom('inline', 'files'),
        (jwt, session, storageEncryptionKey, domain, autheliaUrl, mode) => {
          const r = generateAutheliaConfig({
            domain,
            autheliaUrl,
            secretsMode: mode as 'inline' | 'files',
            secrets: { jwt, session, storageEncryptionKey },
          });
          const text = JSON.stringify(r.diagnostics);
          return [jwt, session, storageEncryptionKey].every((s) => !text.includes(s));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('users file alongside the configuration', () => {
  it('adds users_database.yml when users are given, matching the schema and the configured path', async () => {
    const hash = await hashPassword('a-long-enough-passphrase');
    const r = generateAutheliaConfig({
      users: [{ username: 'me', displayname: 'Me', email: 'me@example.com', groups: ['admins'], hash }],
    });
    expect(errorsOf(r)).toEqual([]);
    const users = parse(fileOf(r, 'users_database.yml').content) as unknown;
    expect(userDatabaseSchemaErrors(users)).toEqual([]);
    const c = configOf(r) as { authentication_backend: { file: { path: string } } };
    expect(c.authentication_backend.file.path.endsWith('/users_database.yml')).toBe(true);
  });
});
