/**
 * configuration.yml, section by section, each with a comment saying what it does. Secrets appear only in the
 * inline mode; in the secret-files mode the comment names the `_FILE` variable that supplies them.
 */
import { toYaml } from '../../core/yaml';
import { AUTHELIA_TARGET, CONFIGURATION_SCHEMA_URL, type AutheliaLogLevel, type AutheliaTheme } from '../facts';
import { ARGON2_PARAMETERS } from '../users';
import type { ResolvedHardening, ResolvedSmtp } from './hardening';
import {
  PATHS,
  SMTP_PASSWORD_SECRET,
  SECRET_SLOTS,
  type AutheliaSecretsInput,
  type AutheliaSecretsMode,
  type SecretSlot,
} from './options';

interface Section {
  comment: string[];
  key: string;
  value?: unknown;
  /** Already-rendered YAML for the whole section (`key:` line included), used instead of `value`. */
  yaml?: string;
}

export function renderSections(sections: readonly Section[]): string {
  const head = `# yaml-language-server: $schema=${CONFIGURATION_SCHEMA_URL}\n# ${AUTHELIA_TARGET} (4.38+ key names): forward-auth behind Nginx Proxy Manager.\n`;
  const body = sections.map((s) => {
    const comment = s.comment.map((c) => `# ${c}`).join('\n');
    const yaml = s.yaml ?? (s.value === undefined ? '' : toYaml({ [s.key]: s.value }));
    return [comment, yaml].filter(Boolean).join('\n').replace(/\n*$/, '\n');
  });
  return `${head}\n${body.join('\n')}`;
}

export interface ResolvedOptions {
  domain: string;
  autheliaUrl: string;
  redirect: string;
  issuer: string;
  theme: AutheliaTheme;
  logLevel: AutheliaLogLevel;
  mode: AutheliaSecretsMode;
  secrets: Required<AutheliaSecretsInput>;
  /** The rendered `access_control:` section. */
  accessControl: string;
  hardening: ResolvedHardening;
}

function secretComment(slot: SecretSlot): string {
  const s = SECRET_SLOTS.find((x) => x.slot === slot);
  return s ? `${s.key} is read from ${s.env} (see compose.yaml).` : '';
}

export function buildSections(o: ResolvedOptions): Section[] {
  const inline = o.mode === 'inline';
  const cookie: Record<string, string> = { domain: o.domain, authelia_url: o.autheliaUrl };
  if (o.redirect) cookie.default_redirection_url = o.redirect;
  const session: Record<string, unknown> = {
    ...(inline ? { secret: o.secrets.session } : {}),
    expiration: '1 hour',
    inactivity: '5 minutes',
    remember_me: '1 month',
    cookies: [cookie],
  };
  const storage: Record<string, unknown> = {
    ...(inline ? { encryption_key: o.secrets.storageEncryptionKey } : {}),
    local: { path: PATHS.database },
  };
  const a = ARGON2_PARAMETERS;
  return [
    { comment: ['Web UI theme.'], key: 'theme', value: o.theme },
    serverSection(o.hardening.authzCookieOnly),
    { comment: [], key: 'log', value: { level: o.logLevel } },
    { comment: ['Name shown in authenticator apps.'], key: 'totp', value: { issuer: o.issuer || 'Authelia' } },
    {
      comment: ['Security keys and passkeys as a second factor.'],
      key: 'webauthn',
      value: {
        disable: false,
        display_name: o.issuer || 'Authelia',
        attestation_conveyance_preference: 'indirect',
        selection_criteria: { user_verification: 'preferred' },
      },
    },
    inline
      ? {
          comment: ['Signs password-reset links.'],
          key: 'identity_validation',
          value: { reset_password: { jwt_secret: o.secrets.jwt } },
        }
      : { comment: [secretComment('jwt')], key: 'identity_validation' },
    {
      comment: ['Users live in a file; passwords are argon2id digests (see users_database.yml).'],
      key: 'authentication_backend',
      value: {
        file: {
          path: PATHS.users,
          password: {
            algorithm: 'argon2',
            argon2: {
              variant: a.variant,
              iterations: a.iterations,
              memory: a.memory,
              parallelism: a.parallelism,
              key_length: a.keyLength,
              salt_length: a.saltLength,
            },
          },
        },
      },
    },
    ...(o.hardening.passwordPolicy
      ? [
          {
            comment: ['Passwords set in the portal must be hard to guess (zxcvbn score 3 of 4).'],
            key: 'password_policy',
            value: { zxcvbn: { enabled: true, min_score: 3 } },
          },
        ]
      : []),
    {
      comment: inline ? ['One cookie for the whole domain; the portal must live inside it.'] : [secretComment('session')],
      key: 'session',
      value: session,
    },
    {
      comment: inline
        ? ['SQLite in /config; never change the encryption key once the database exists.']
        : [secretComment('storageEncryptionKey'), 'Never change the encryption key once the database exists.'],
      key: 'storage',
      value: storage,
    },
    o.hardening.smtp
      ? smtpSection(o.hardening.smtp, inline)
      : {
          comment: ['Emails (password reset, new 2FA device) are written to this file instead of being sent.'],
          key: 'notifier',
          value: { filesystem: { filename: PATHS.notifications } },
        },
    {
      comment: ['First matching rule wins; no match falls back to default_policy.'],
      key: 'access_control',
      yaml: o.accessControl,
    },
  ];
}

function serverSection(cookieOnly: boolean): Section {
  if (!cookieOnly)
    return {
      comment: ['Nginx Proxy Manager forwards to http://authelia:9091.'],
      key: 'server',
      value: { address: 'tcp://:9091/' },
    };
  return {
    comment: [
      'Nginx Proxy Manager forwards to http://authelia:9091 and asks /api/authz/auth-request.',
      'Only that endpoint answers, and only the session cookie logs anyone in: Authorization headers sent to',
      'protected apps are left alone, so passwords cannot be tried through them.',
    ],
    key: 'server',
    value: {
      address: 'tcp://:9091/',
      endpoints: { authz: { 'auth-request': { implementation: 'AuthRequest', authn_strategies: [{ name: 'CookieSession' }] } } },
    },
  };
}

function smtpSection(smtp: ResolvedSmtp, inline: boolean): Section {
  const value: Record<string, string> = { address: smtp.address, sender: smtp.sender };
  if (smtp.username) value.username = smtp.username;
  if (inline && smtp.password) value.password = smtp.password;
  const comment = ['Emails (password reset, new 2FA device) are sent through this mail server.'];
  if (smtp.username && !inline)
    comment.push(`${SMTP_PASSWORD_SECRET.key} is read from ${SMTP_PASSWORD_SECRET.env} (see compose.yaml).`);
  return { comment, key: 'notifier', value: { smtp: value } };
}
