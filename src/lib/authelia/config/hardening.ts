/**
 * The hardening options of configuration.yml, read defensively and checked:
 * - `server.endpoints.authz.auth-request` with the session cookie as its only way to log in (its default also accepts
 *   `Authorization: Basic`: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/schema/server.go#L107-L118)
 *   (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/server.go#L132-L167: once
 *   any authz endpoint is configured, only the configured ones exist);
 * - `password_policy.zxcvbn` (validator/password_policy.go#L29-L36: minimum score 0–4, 3 by default);
 * - the SMTP notifier instead of the file one (validator/notifier.go: `address` with scheme smtp, submission or
 *   submissions; `sender` required; `notifier: smtp: option 'sender' is required`).
 */
import { error, info, warning, type Diagnostic } from '../../core';
import { isGoNetIp, isHostName } from '../../core/domain';
import { isRecord } from '../../core/guards';
import { checkEnum, text } from './checks';
import {
  defaultAutheliaConfigOptions,
  defaultSmtpInput,
  NOTIFIERS,
  type AutheliaNotifier,
  type AutheliaSecretsMode,
} from './options';

export interface ResolvedSmtp {
  /** `submission://smtp.example.com:587` */
  address: string;
  sender: string;
  username: string;
  /** Written only with inline secrets. */
  password: string;
}

export interface ResolvedHardening {
  authzCookieOnly: boolean;
  passwordPolicy: boolean;
  notifier: AutheliaNotifier;
  /** Present when the notifier is SMTP. */
  smtp?: ResolvedSmtp;
}

/** A bare address (what the schema's `format: email` accepts in practice) or `Name <address>` (the schema's pattern). */
const BARE_SENDER = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const NAMED_SENDER = /^[^<]+\s<[a-zA-Z0-9._~!#$%&'*/=?^{|}+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z0-9-]+>$/;

/** The scheme for a port: implicit TLS on 465, plain SMTP on 25, STARTTLS (submission) elsewhere. */
export function smtpScheme(port: number): 'submissions' | 'smtp' | 'submission' {
  if (port === 465) return 'submissions';
  if (port === 25) return 'smtp';
  return 'submission';
}

function checkBoolean(
  value: unknown,
  fallback: boolean,
  path: string,
  label: string,
): { value: boolean; diagnostics: Diagnostic[] } {
  if (typeof value === 'boolean') return { value, diagnostics: [] };
  if (value === undefined) return { value: fallback, diagnostics: [] };
  return {
    value: fallback,
    diagnostics: [
      error(
        `${path}-invalid`,
        `The option '${label}' must be on or off. The output uses '${fallback ? 'on' : 'off'}' meanwhile.`,
        { path },
      ),
    ],
  };
}

function portOf(value: unknown): number | undefined {
  const port = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined;
}

function resolveSmtp(input: unknown, mode: AutheliaSecretsMode): { smtp: ResolvedSmtp; diagnostics: Diagnostic[] } {
  const given = isRecord(input) ? input : {};
  const diagnostics: Diagnostic[] = [];
  const host = text(given.host ?? defaultSmtpInput.host);
  if (host === '') {
    diagnostics.push(
      error(
        'smtp-host-required',
        "notifier: smtp: option 'address' is required. Enter your mail server, e.g. smtp.example.com.",
        { path: 'smtp.host' },
      ),
    );
  } else if (!isHostName(host) && !isGoNetIp(host)) {
    diagnostics.push(
      error(
        'smtp-host-invalid',
        `The mail server '${host}' is not a host name or IPv4 address (letters, digits, hyphens and dots; no scheme, port or path).`,
        {
          path: 'smtp.host',
        },
      ),
    );
  } else if (host.includes(':')) {
    diagnostics.push(
      error(
        'smtp-host-invalid',
        `Enter the mail server '${host}' by its host name: Authelia's address syntax has no room for an IPv6 literal.`,
        { path: 'smtp.host' },
      ),
    );
  }
  const rawPort = given.port ?? defaultSmtpInput.port;
  const port = portOf(rawPort);
  if (port === undefined) {
    diagnostics.push(
      error(
        'smtp-port-invalid',
        `The SMTP port '${String(rawPort)}' must be a whole number from 1 to 65535, usually 587 or 465.`,
        { path: 'smtp.port' },
      ),
    );
  }
  const sender = text(given.sender ?? defaultSmtpInput.sender);
  if (sender === '') {
    diagnostics.push(
      error(
        'smtp-sender-required',
        "notifier: smtp: option 'sender' is required. Enter the address emails come from, e.g. Authelia <auth@example.com>.",
        { path: 'smtp.sender' },
      ),
    );
  } else if (!BARE_SENDER.test(sender) && !NAMED_SENDER.test(sender)) {
    diagnostics.push(
      error('smtp-sender-invalid', `The sender '${sender}' must be an email address, alone or as Name <address>.`, {
        path: 'smtp.sender',
      }),
    );
  }
  const username = text(given.username ?? defaultSmtpInput.username);
  const password = typeof given.password === 'string' ? given.password : '';
  if (mode === 'inline' && username !== '' && password === '') {
    diagnostics.push(
      warning(
        'smtp-password-missing',
        `The SMTP user '${username}' has no password: the mail server will refuse to send. Enter it, or use the secret-files mode.`,
        {
          path: 'smtp.password',
        },
      ),
    );
  }
  if (mode === 'files' && password !== '') {
    diagnostics.push(
      info(
        'smtp-password-not-used',
        'In the secret-files mode create-secrets.sh asks for the SMTP password on your server, so the password entered here is not used.',
        {
          path: 'smtp.password',
        },
      ),
    );
  }
  if (mode === 'files' && username === '' && password !== '') {
    diagnostics.push(
      info('smtp-password-without-user', 'The SMTP password is used only with a user name.', { path: 'smtp.password' }),
    );
  }
  const shownHost = host === '' ? defaultSmtpInput.host : host;
  const shownPort = port ?? 587;
  return {
    smtp: {
      address: `${smtpScheme(shownPort)}://${shownHost}:${shownPort}`,
      sender,
      username,
      password: mode === 'inline' && username !== '' ? password : '',
    },
    diagnostics,
  };
}

/** The hardening options as rendered, and their diagnostics on `authzCookieOnly`, `passwordPolicy`, `notifier`, `smtp.*`. */
export function resolveHardening(
  options: Record<string, unknown>,
  mode: AutheliaSecretsMode,
): { hardening: ResolvedHardening; diagnostics: Diagnostic[] } {
  const authz = checkBoolean(
    options.authzCookieOnly,
    defaultAutheliaConfigOptions.authzCookieOnly,
    'authzCookieOnly',
    'session cookie only',
  );
  const policy = checkBoolean(
    options.passwordPolicy,
    defaultAutheliaConfigOptions.passwordPolicy,
    'passwordPolicy',
    'password policy',
  );
  const notifier = checkEnum(options.notifier ?? defaultAutheliaConfigOptions.notifier, {
    allowed: NOTIFIERS,
    fallback: 'filesystem',
    path: 'notifier',
    code: 'notifier-invalid',
    describe: (value: string) => `The notifier '${value}' is neither 'filesystem' nor 'smtp'.`,
  });
  const diagnostics = [...authz.diagnostics, ...policy.diagnostics, ...notifier.diagnostics];
  const hardening: ResolvedHardening = { authzCookieOnly: authz.value, passwordPolicy: policy.value, notifier: notifier.value };
  if (notifier.value === 'smtp') {
    const smtp = resolveSmtp(options.smtp, mode);
    hardening.smtp = smtp.smtp;
    diagnostics.push(...smtp.diagnostics);
  }
  return { hardening, diagnostics };
}
