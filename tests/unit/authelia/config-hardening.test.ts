import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateAutheliaConfig, randomSecret, smtpScheme, type AutheliaConfigOptions } from '../../../src/lib/authelia';
import type { GeneratorResult } from '../../../src/lib/core';
import { validateAutheliaConfiguration } from './authelia-validator';
import { composeSchemaErrors, configurationSchemaErrors } from './schema-validators';

type Options = Partial<AutheliaConfigOptions>;
type Config = Record<string, Record<string, unknown>>;

const fileOf = (r: GeneratorResult, name: string) => {
  const f = r.files.find((x) => x.name === name);
  if (!f) throw new Error(`${name} missing; files: ${r.files.map((x) => x.name).join(', ')}`);
  return f;
};
const configOf = (r: GeneratorResult) => parse(fileOf(r, 'configuration.yml').content) as Config;
const errorsOf = (r: GeneratorResult) => r.diagnostics.filter((d) => d.severity === 'error');
const environmentOf = (r: GeneratorResult) =>
  (parse(fileOf(r, 'compose.yaml').content) as { services: { authelia: { environment: Record<string, string> } } }).services
    .authelia.environment;

/** Schema errors plus the validator port's errors, with the secret files the container would see. */
function startupProblems(r: GeneratorResult): string[] {
  const config = configOf(r);
  const hasCompose = r.files.some((f) => f.name === 'compose.yaml');
  const env = hasCompose ? environmentOf(r) : {};
  const files = Object.fromEntries(
    Object.entries(env)
      .filter(([key]) => key.endsWith('_FILE'))
      .map(([, path]) => [path, `${randomSecret()}\n`]),
  );
  return [...configurationSchemaErrors(config), ...validateAutheliaConfiguration(config, env, files).errors];
}

const SMTP_WITH_USER = {
  host: 'smtp.example.com',
  port: 587,
  sender: 'Authelia <auth@example.com>',
  username: 'auth@example.com',
};
const SMTP_WITHOUT_USER = { host: 'mail.lan', port: 25, sender: 'auth@example.com', username: '' };
const NOTIFIERS: [string, Options][] = [
  ['file notifier', { notifier: 'filesystem' }],
  ['SMTP with a login', { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, password: 'mail-password-1' } }],
  ['SMTP without a login', { notifier: 'smtp', smtp: SMTP_WITHOUT_USER }],
  ['SMTP on 465', { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, port: 465, password: 'mail-password-1' } }],
];

const COMBINATIONS: [string, Options][] = [];
for (const secretsMode of ['files', 'inline'] as const)
  for (const authzCookieOnly of [true, false])
    for (const passwordPolicy of [true, false])
      for (const [notifierName, notifier] of NOTIFIERS)
        COMBINATIONS.push([
          `${secretsMode} secrets, cookie-only authz ${authzCookieOnly ? 'on' : 'off'}, password policy ${passwordPolicy ? 'on' : 'off'}, ${notifierName}`,
          { secretsMode, authzCookieOnly, passwordPolicy, ...notifier },
        ]);

describe('hardening options: every combination validates against the 4.39 schema and the validator port', () => {
  it.each(COMBINATIONS)('%s', (_, options) => {
    const r = generateAutheliaConfig(options);
    expect(errorsOf(r)).toEqual([]);
    expect(startupProblems(r)).toEqual([]);
    if (options.secretsMode === 'files') expect(composeSchemaErrors(parse(fileOf(r, 'compose.yaml').content))).toEqual([]);
  });
});

describe('hardening options: what each one writes', () => {
  it('defaults: cookie-only auth-request endpoint on, zxcvbn on, file notifier (links made before the options decode to these)', () => {
    const config = configOf(generateAutheliaConfig({}));
    expect(config.server).toEqual({
      address: 'tcp://:9091/',
      endpoints: { authz: { 'auth-request': { implementation: 'AuthRequest', authn_strategies: [{ name: 'CookieSession' }] } } },
    });
    expect(config.password_policy).toEqual({ zxcvbn: { enabled: true, min_score: 3 } });
    expect(config.notifier).toEqual({ filesystem: { filename: '/config/notification.txt' } });
  });

  it('off: no endpoints section (Authelia keeps its default endpoints) and no password policy', () => {
    const config = configOf(generateAutheliaConfig({ authzCookieOnly: false, passwordPolicy: false }));
    expect(config.server).toEqual({ address: 'tcp://:9091/' });
    expect(config).not.toHaveProperty('password_policy');
  });

  it('SMTP address scheme follows the port: 465 implicit TLS, 25 plain, else STARTTLS submission', () => {
    expect([465, 25, 587, 2525].map(smtpScheme)).toEqual(['submissions', 'smtp', 'submission', 'submission']);
    const config = configOf(generateAutheliaConfig({ notifier: 'smtp', smtp: { ...SMTP_WITH_USER, port: 465 } }));
    expect(config.notifier).toEqual({
      smtp: {
        address: 'submissions://smtp.example.com:465',
        sender: 'Authelia <auth@example.com>',
        username: 'auth@example.com',
      },
    });
  });

  it('inline secrets: the SMTP password is written in configuration.yml and nowhere else', () => {
    const r = generateAutheliaConfig({
      secretsMode: 'inline',
      notifier: 'smtp',
      smtp: { ...SMTP_WITH_USER, password: 'p4ss w0rd' },
    });
    expect((configOf(r).notifier as Record<string, Record<string, unknown>>).smtp!.password).toBe('p4ss w0rd');
    expect(JSON.stringify(r.diagnostics)).not.toContain('p4ss w0rd');
  });

  it('secret files: the SMTP password comes from AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE, never from the page', () => {
    const r = generateAutheliaConfig({
      secretsMode: 'files',
      notifier: 'smtp',
      smtp: { ...SMTP_WITH_USER, password: 'typed-here' },
    });
    expect((configOf(r).notifier as Record<string, Record<string, unknown>>).smtp).not.toHaveProperty('password');
    expect(environmentOf(r).AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE).toBe('/secrets/SMTP_PASSWORD');
    expect(r.files.map((f) => f.content).join('\n')).not.toContain('typed-here');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'smtp-password-not-used', path: 'smtp.password' }));
  });

  it('secret files without an SMTP login: no password variable', () => {
    const r = generateAutheliaConfig({ secretsMode: 'files', notifier: 'smtp', smtp: SMTP_WITHOUT_USER });
    expect(environmentOf(r)).not.toHaveProperty('AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE');
    expect(fileOf(r, 'create-secrets.sh').content).not.toContain('ask_secret');
  });

  describe('create-secrets.sh asks for the SMTP password on the server (real sh)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'authelia-smtp-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const r = generateAutheliaConfig({ secretsMode: 'files', notifier: 'smtp', smtp: SMTP_WITH_USER });

    it('stores the typed password (mode 600), keeps it on a second run, and Authelia starts with the files', () => {
      writeFileSync(join(dir, 'create-secrets.sh'), fileOf(r, 'create-secrets.sh').content);
      execFileSync('sh', ['create-secrets.sh'], { cwd: dir, input: 'correct horse battery\n' });
      const file = join(dir, 'secrets', 'SMTP_PASSWORD');
      expect(readFileSync(file, 'utf8')).toBe('correct horse battery');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      execFileSync('sh', ['create-secrets.sh'], { cwd: dir, input: 'other\n' });
      expect(readFileSync(file, 'utf8')).toBe('correct horse battery');
      const env = environmentOf(r);
      const files = Object.fromEntries(
        Object.entries(env)
          .filter(([key]) => key.endsWith('_FILE'))
          .map(([, path]) => [path, readFileSync(join(dir, 'secrets', path.replace('/secrets/', '')), 'utf8')]),
      );
      expect(validateAutheliaConfiguration(configOf(r), env, files).errors).toEqual([]);
    });

    it('refuses an empty password and writes no file', () => {
      const other = mkdtempSync(join(tmpdir(), 'authelia-smtp-empty-'));
      try {
        writeFileSync(join(other, 'create-secrets.sh'), fileOf(r, 'create-secrets.sh').content);
        expect(() => execFileSync('sh', ['create-secrets.sh'], { cwd: other, input: '\n', stdio: 'pipe' })).toThrow();
        expect(() => statSync(join(other, 'secrets', 'SMTP_PASSWORD'))).toThrow();
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });
  });
});

describe('hardening options: bad input gives a diagnostic on the field', () => {
  const cases: [string, Options, string, string][] = [
    ['no SMTP host', { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, host: '' } }, 'smtp.host', 'smtp-host-required'],
    [
      'a URL as SMTP host',
      { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, host: 'smtp://mail.example.com' } },
      'smtp.host',
      'smtp-host-invalid',
    ],
    ['an IPv6 SMTP host', { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, host: 'fd00::25' } }, 'smtp.host', 'smtp-host-invalid'],
    ['port 0', { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, port: 0 } }, 'smtp.port', 'smtp-port-invalid'],
    ['port 70000', { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, port: 70000 } }, 'smtp.port', 'smtp-port-invalid'],
    ['no sender', { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, sender: '' } }, 'smtp.sender', 'smtp-sender-required'],
    [
      'a sender without @',
      { notifier: 'smtp', smtp: { ...SMTP_WITH_USER, sender: 'Authelia' } },
      'smtp.sender',
      'smtp-sender-invalid',
    ],
    ['an unknown notifier', { notifier: 'pigeon' as never }, 'notifier', 'notifier-invalid'],
    ['a non-boolean switch', { authzCookieOnly: 'yes' as never }, 'authzCookieOnly', 'authzCookieOnly-invalid'],
  ];
  it.each(cases)('%s', (_, options, path, code) => {
    const r = generateAutheliaConfig(options);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', path, code }));
    expect(fileOf(r, 'configuration.yml').content.length).toBeGreaterThan(0);
  });

  it("uses Authelia's words for a missing sender (validator/const.go#L69, v4.39.20)", () => {
    const r = generateAutheliaConfig({ notifier: 'smtp', smtp: { ...SMTP_WITH_USER, sender: '' } });
    expect(
      r.diagnostics
        .find((d) => d.code === 'smtp-sender-required')
        ?.message.startsWith("notifier: smtp: option 'sender' is required"),
    ).toBe(true);
  });

  it('warns about an SMTP login without a password in the inline mode', () => {
    const r = generateAutheliaConfig({ secretsMode: 'inline', notifier: 'smtp', smtp: SMTP_WITH_USER });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'smtp-password-missing', path: 'smtp.password' }),
    );
  });
});

describe('the validator port refuses broken hardening sections (so the checks above are not vacuous)', () => {
  const base = () =>
    configOf(generateAutheliaConfig({ secretsMode: 'inline', notifier: 'smtp', smtp: { ...SMTP_WITH_USER, password: 'x' } }));
  it('two password engines, an unknown strategy, a wrong SMTP scheme, a missing sender', () => {
    const config = base();
    config.password_policy = { zxcvbn: { enabled: true }, standard: { enabled: true, min_length: 8 } };
    ((config.server!.endpoints as Config).authz!['auth-request'] as Record<string, unknown>).authn_strategies = [
      { name: 'Cookie' },
    ];
    (config.notifier!.smtp as Record<string, unknown>).address = 'smtps://smtp.example.com:465';
    delete (config.notifier!.smtp as Record<string, unknown>).sender;
    expect(validateAutheliaConfiguration(config).errors).toEqual([
      "notifier: smtp: option 'address' with value 'smtps://smtp.example.com:465' is invalid: scheme must be one of 'smtp', 'submission', or 'submissions' but is configured as 'smtps'",
      "notifier: smtp: option 'sender' is required",
      'password_policy: only a single password policy mechanism can be specified',
      "server: endpoints: authz: auth-request: authn_strategies: option 'name' must be one of 'HeaderAuthorization', 'HeaderProxyAuthorization', 'HeaderAuthRequestProxyAuthorization', 'HeaderLegacy', or 'CookieSession' but it's configured as 'Cookie'",
    ]);
  });
});
