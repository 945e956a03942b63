import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { accessControlFromForm, accessControlPresets } from '../../../src/lib/authelia/form';
import {
  autheliaSetupBuilder,
  autheliaSetupBuilderWith,
  defaultAutheliaSetupState,
  type AutheliaSetupState,
} from '../../../src/lib/authelia/builder-setup';
import { AUTHELIA_TARGET, LOG_LEVELS, THEMES } from '../../../src/lib/authelia/facts';
import { decodeShare, encodeShare } from '../../../src/lib/core/share';
import { defaultProfile } from '../../../src/lib/profile/model';

const spec = autheliaSetupBuilder;
// A digest in the format hashPassword makes (the page hashes passwords; a user without one is an error by design).
const DIGEST = `$argon2id$v=19$m=65536,t=3,p=4$${'A'.repeat(22)}$${'B'.repeat(43)}`;
const HASHED = { ...defaultAutheliaSetupState, users: [{ ...defaultAutheliaSetupState.users[0]!, hash: DIGEST }] };
const state = (patch: Partial<AutheliaSetupState>): AutheliaSetupState => ({ ...HASHED, ...patch });
const generate = (s: AutheliaSetupState) => spec.generate(spec.toInput(s));
const errorsOf = (s: AutheliaSetupState) => generate(s).diagnostics.filter((d) => d.severity === 'error');
const configOf = (s: AutheliaSetupState) =>
  parse(generate(s).files.find((f) => f.name === 'configuration.yml')!.content) as Record<string, Record<string, unknown>>;

describe('authelia-setup spec: identity, links and storage', () => {
  it('keeps the id, version 1 and the secret keys; targets AUTHELIA_TARGET', () => {
    expect(spec.id).toBe('authelia-setup');
    expect(spec.schema.version).toBe(1);
    expect(spec.schema.secretKeys).toEqual(['secrets', 'hash', 'password']);
    expect(spec.target).toBe(AUTHELIA_TARGET);
    expect(AUTHELIA_TARGET).toBe('Authelia 4.39');
  });

  it('a v1 link made before the hardening options decodes, with their defaults', () => {
    const old = `v1.${Buffer.from(JSON.stringify({ domain: 'home.example.net', secretsMode: 'inline' })).toString('base64url')}`;
    const decoded = decodeShare(old, spec.defaults, spec.schema);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state).toMatchObject({
      domain: 'home.example.net',
      secretsMode: 'inline',
      authzCookieOnly: true,
      passwordPolicy: true,
      notifier: 'filesystem',
      smtp: defaultAutheliaSetupState.smtp,
    });
  });

  it('the SMTP password, generated secrets and digests never enter a share link', () => {
    const typed = state({
      notifier: 'smtp',
      secretsMode: 'inline',
      smtp: { ...defaultAutheliaSetupState.smtp, password: 'mail-pass-123' },
      secrets: { jwt: 'j'.repeat(64) },
      users: [{ ...defaultAutheliaSetupState.users[0]!, hash: '$argon2id$v=19$m=65536,t=3,p=4$abc$def' }],
    });
    const link = encodeShare(typed, spec.defaults, spec.schema);
    const payload = Buffer.from(link.slice(3), 'base64url').toString('utf8');
    expect(payload).not.toContain('mail-pass-123');
    expect(payload).not.toContain('j'.repeat(64));
    expect(payload).not.toContain('argon2id');
    expect(payload).toContain('"notifier":"smtp"');
  });
});

describe('authelia-setup spec: form → options', () => {
  it('the defaults generate without errors; the unhashed password is the next step (a note), then nothing', () => {
    expect(errorsOf(HASHED)).toEqual([]);
    expect(errorsOf(defaultAutheliaSetupState)).toEqual([]);
    const pending = spec
      .generate(spec.toInput(defaultAutheliaSetupState))
      .diagnostics.filter((d) => d.path === 'users[0].password');
    expect(pending).toEqual([expect.objectContaining({ severity: 'info', code: 'user-password-pending' })]);
    expect(pending[0]!.message).toContain("'ana'");
    expect(spec.generate(spec.toInput(HASHED)).diagnostics.filter((d) => d.path === 'users[0].password')).toEqual([]);
  });

  it('splits groups with the one list rule, passes digests, reads the port digits as a number', () => {
    const input = spec.toInput(
      state({
        users: [{ username: ' bob ', displayname: 'Bob', email: 'bob@example.com', groups: 'family, media admins,', hash: 'h' }],
        notifier: 'smtp',
        smtp: { ...defaultAutheliaSetupState.smtp, port: ' 465 ' },
      }),
    );
    expect(input.users).toEqual([
      { username: 'bob', displayname: 'Bob', email: 'bob@example.com', groups: ['family', 'media admins'], hash: 'h' },
    ]);
    expect(input.smtp?.port).toBe(465);
    expect(input.notifier).toBe('smtp');
  });

  it('a hand-made link with wrong types still generates from the defaults for those fields', () => {
    const odd = state({ domain: 7 as never, authzCookieOnly: 'yes' as never, smtp: 'x' as never, users: 'ana' as never });
    const input = spec.toInput(odd);
    expect(input.domain).toBe(defaultAutheliaSetupState.domain);
    expect(input.authzCookieOnly).toBe(true);
    expect(input.users).toEqual([]);
    expect(generate(odd).files.length).toBeGreaterThan(0);
  });

  it('an unknown theme in a link reaches the generator, which names it', () => {
    expect(generate(state({ theme: 'neon' as never })).diagnostics).toContainEqual(
      expect.objectContaining({ code: 'theme-invalid', path: 'theme' }),
    );
  });

  it('uses the access-control builder’s rules only while the box is ticked', () => {
    const rules = accessControlFromForm(accessControlPresets.find((p) => p.id === 'family')!.form);
    const withRules = autheliaSetupBuilderWith(rules);
    const ticked = withRules.generate(withRules.toInput(defaultAutheliaSetupState));
    const unticked = withRules.generate(withRules.toInput(state({ useAccessBuilder: false })));
    expect(ticked.files[0]!.content).not.toBe(unticked.files[0]!.content);
    expect(unticked.files[0]!.content).toBe(generate(defaultAutheliaSetupState).files[0]!.content);
  });

  it('each hardening switch changes the output', () => {
    expect(configOf(state({ authzCookieOnly: false })).server).toEqual({ address: 'tcp://:9091/' });
    expect(configOf(state({ passwordPolicy: false }))).not.toHaveProperty('password_policy');
    expect(configOf(state({ notifier: 'smtp' })).notifier).toHaveProperty('smtp');
  });
});

describe('authelia-setup spec: choices, fields, fixes, profile', () => {
  it('offers every theme and log level Authelia accepts, each with a label, and each generates without errors', () => {
    expect(spec.choices!.theme!.map((c) => c.value).sort()).toEqual([...THEMES].sort());
    expect(spec.choices!.logLevel!.map((c) => c.value).sort()).toEqual([...LOG_LEVELS].sort());
    for (const [key, list] of Object.entries(spec.choices!))
      for (const choice of list) {
        expect(choice.label).not.toBe('');
        expect(errorsOf(state({ [key]: choice.value } as Partial<AutheliaSetupState>))).toEqual([]);
      }
  });

  it('SMTP fields apply only with the SMTP notifier; its password only inline with a user; secrets only inline', () => {
    const fields = spec.fields!;
    expect(fields(defaultAutheliaSetupState).has('smtp.host')).toBe(false);
    expect(fields(defaultAutheliaSetupState).has('secrets')).toBe(false);
    const smtpFiles = fields(state({ notifier: 'smtp' }));
    expect(['smtp.host', 'smtp.port', 'smtp.sender', 'smtp.username'].every((p) => smtpFiles.has(p))).toBe(true);
    expect(smtpFiles.has('smtp.password')).toBe(false);
    expect(fields(state({ notifier: 'smtp', secretsMode: 'inline' })).has('smtp.password')).toBe(true);
    const noUser = state({ notifier: 'smtp', secretsMode: 'inline', smtp: { ...defaultAutheliaSetupState.smtp, username: '' } });
    expect(fields(noUser).has('smtp.password')).toBe(false);
    expect(fields(state({ secretsMode: 'inline' })).has('secrets')).toBe(true);
  });

  it('a hidden field does not change the output (the SMTP password in the secret-files mode)', () => {
    const a = state({ notifier: 'smtp', smtp: { ...defaultAutheliaSetupState.smtp, password: 'one' } });
    const b = state({ notifier: 'smtp', smtp: { ...defaultAutheliaSetupState.smtp, password: 'two' } });
    expect(generate(a).files.map((f) => f.content)).toEqual(generate(b).files.map((f) => f.content));
  });

  it('applies the cookie-domain fix and clears the error', () => {
    const bad = state({ domain: 'Example.COM' });
    const diagnostic = generate(bad).diagnostics.find((d) => d.code === 'cookie-domain-invalid')!;
    const fixed = spec.applyFix!(bad, diagnostic)!;
    expect(fixed.domain).toBe('example.com');
    expect(errorsOf(fixed)).toEqual([]);
  });

  it('applies a fix on an SMTP field and on a user field; none for a diagnostic without a fix', () => {
    const s = state({ notifier: 'smtp' });
    expect(
      spec.applyFix!(s, { severity: 'error', code: 'x', message: 'm', path: 'smtp.host', fix: 'mail.example.com' })?.smtp.host,
    ).toBe('mail.example.com');
    expect(
      spec.applyFix!(s, { severity: 'error', code: 'x', message: 'm', path: 'users[0].email', fix: 'a@b.c' })?.users[0]!.email,
    ).toBe('a@b.c');
    expect(spec.applyFix!(s, { severity: 'error', code: 'x', message: 'm', path: 'smtp.host' })).toBeUndefined();
  });

  it('fromProfile takes domain, portal and users, keeps digests of the same users and the hardening choices', () => {
    const current = state({
      notifier: 'smtp',
      authzCookieOnly: false,
      users: [{ ...defaultAutheliaSetupState.users[0]!, hash: 'kept-digest' }],
    });
    const next = spec.fromProfile!({ ...defaultProfile, domain: 'home.example.net' }, current);
    expect(next.domain).toBe('home.example.net');
    expect(next.autheliaUrl).toBe('https://auth.home.example.net');
    expect(next.users[0]).toMatchObject({ username: 'ana', groups: 'admins', hash: 'kept-digest' });
    expect(next.notifier).toBe('smtp');
    expect(next.authzCookieOnly).toBe(false);
  });
});
