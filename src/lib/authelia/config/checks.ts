/**
 * Option checks for configuration.yml, mirroring Authelia's own validator where it has one (session URLs, storage
 * key, log level) and reusing its message wording:
 * https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/session.go#L174-L230.
 * The cookie domain itself is checked by `checkCookieDomain` in src/lib/core/domain.ts.
 */
import { error, info, warning, type Diagnostic } from '../../core';
import { cookieDomainLabel as cookieLabel, isInCookieScope } from '../../core/domain';
import { isRecord } from '../../core/guards';
import { LOG_LEVELS, THEMES, type AutheliaLogLevel, type AutheliaTheme } from '../facts';
import { RECOMMENDED_SECRET_LENGTH } from '../secrets';
import { SECRET_SLOTS, SECRETS_MODES, type AutheliaSecretsInput, type AutheliaSecretsMode } from './options';

const MIN_ENCRYPTION_KEY_LENGTH = 20;

/** A string option trimmed; anything else is ''. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A value for a message: strings as typed, other values by kind (never calls a user object's toString). */
function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  if (value === null || value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}

/** Authelia's list style: `'a', 'b', or 'c'`. */
function joinOr(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')}, or ${quoted.at(-1)}`;
}

interface ParsedUrl {
  url?: URL;
  diagnostics: Diagnostic[];
}

/** The absolute / secure / cookie-scope checks Authelia runs on `authelia_url` and `default_redirection_url`. */
export function checkSessionUrl(
  value: string,
  key: 'authelia_url' | 'default_redirection_url',
  path: string,
  domain: string,
  domainOk: boolean,
): ParsedUrl {
  const at = cookieLabel(domain);
  const scope = (url?: URL) =>
    domainOk && !(url && isInCookieScope(url.hostname, domain))
      ? [
          error(
            `${code(key)}-outside-cookie-domain`,
            `${at}: option '${key}' does not share a cookie scope with domain '${domain}' with a value of '${value}'. The address must be ${domain} or a subdomain of it.`,
            { path },
          ),
        ]
      : [];
  if (value === '') return { diagnostics: [error(`${code(key)}-required`, `${at}: option '${key}' is required`, { path })] };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const fix = value.includes('.') ? `https://${value}` : `https://${value}.${domain}`;
    return {
      diagnostics: [
        error(
          `${code(key)}-not-absolute`,
          `${at}: option '${key}' is not absolute with a value of '${value}'. Start it with https://.`,
          { path, fix },
        ),
        ...scope(),
      ],
    };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { diagnostics: [error(`${code(key)}-invalid`, `The ${key} '${value}' is not a valid URL.`, { path })] };
  }
  const diagnostics: Diagnostic[] = [];
  if (url.protocol !== 'https:' && url.protocol !== 'wss:') {
    diagnostics.push(
      error(
        `${code(key)}-insecure`,
        `${at}: option '${key}' does not have a secure scheme with a value of '${value}'. Authelia only works over HTTPS.`,
        {
          path,
          fix: value.replace(/^[a-z][a-z0-9+.-]*:/i, 'https:'),
        },
      ),
    );
  }
  diagnostics.push(...scope(url));
  return { url, diagnostics };
}

function code(key: 'authelia_url' | 'default_redirection_url'): string {
  return key === 'authelia_url' ? 'authelia-url' : 'redirection-url';
}

/** Authelia's "effectively equal": same scheme, host and port, and paths equal up to a trailing slash. */
function effectivelyEqual(a: URL, b: URL): boolean {
  const norm = (u: URL) => `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`.toLowerCase();
  return norm(a) === norm(b);
}

export function checkRedirection(
  options: { domain: string; autheliaUrl: string; defaultRedirectionUrl: string },
  portal: URL | undefined,
  domainOk: boolean,
): Diagnostic[] {
  const value = text(options.defaultRedirectionUrl);
  if (value === '') return [];
  const path = 'defaultRedirectionUrl';
  const checked = checkSessionUrl(value, 'default_redirection_url', path, text(options.domain), domainOk);
  const out = [...checked.diagnostics];
  if (portal && checked.url && effectivelyEqual(portal, checked.url)) {
    out.push(
      error(
        'redirection-url-equals-portal',
        `${cookieLabel(text(options.domain))}: option 'default_redirection_url' with value '${value}' is effectively equal to option 'authelia_url' with value '${text(options.autheliaUrl)}' which is not permitted. Point it at the page users should land on after logging in, e.g. your dashboard.`,
        { path },
      ),
    );
  }
  return out;
}

export function checkSecrets(secrets: AutheliaSecretsInput, mode: AutheliaSecretsMode): Diagnostic[] {
  const given = SECRET_SLOTS.filter((s) => text(secrets[s.slot]) !== '');
  if (mode === 'files') {
    return given.length
      ? [
          info(
            'secrets-not-used',
            'In the secret-files mode create-secrets.sh makes new secrets on your server, so the secrets entered here are not used.',
            { path: 'secrets' },
          ),
        ]
      : [];
  }
  const out: Diagnostic[] = [];
  for (const s of given) {
    const length = text(secrets[s.slot]).length;
    const path = `secrets.${s.slot}`;
    if (s.slot === 'storageEncryptionKey' && length < MIN_ENCRYPTION_KEY_LENGTH) {
      out.push(error('encryption-key-too-short', "storage: option 'encryption_key' must be 20 characters or longer", { path }));
    } else if (length < RECOMMENDED_SECRET_LENGTH) {
      out.push(
        warning(
          'secret-short',
          `The ${s.key} is ${length} characters long; Authelia recommends a random value of ${RECOMMENDED_SECRET_LENGTH} characters or more.`,
          { path },
        ),
      );
    }
  }
  const values = given.map((s) => text(secrets[s.slot]));
  given.forEach((s, i) => {
    if (values.indexOf(values[i] ?? '') !== i) {
      out.push(
        warning('secret-reused', `The ${s.key} has the same value as another secret; use a different random value for each.`, {
          path: `secrets.${s.slot}`,
        }),
      );
    }
  });
  return out;
}

interface EnumCheck<T extends string> {
  allowed: readonly T[];
  fallback: T;
  path: string;
  code: string;
  describe: (value: string) => string;
}

export function checkEnum<T extends string>(value: unknown, c: EnumCheck<T>): { value: T; diagnostics: Diagnostic[] } {
  if (typeof value === 'string' && (c.allowed as readonly string[]).includes(value))
    return { value: value as T, diagnostics: [] };
  const message = `${c.describe(display(value))} The output uses '${c.fallback}' meanwhile.`;
  return { value: c.fallback, diagnostics: [error(c.code, message, { path: c.path })] };
}

export const ENUM_CHECKS = {
  theme: {
    allowed: THEMES,
    fallback: 'auto',
    path: 'theme',
    code: 'theme-invalid',
    describe: (v: string) => `The theme '${v}' is not one of ${joinOr(THEMES)}.`,
  } satisfies EnumCheck<AutheliaTheme>,
  logLevel: {
    allowed: LOG_LEVELS,
    fallback: 'info',
    path: 'logLevel',
    code: 'log-level-invalid',
    describe: (v: string) => `log: option 'level' must be one of ${joinOr(LOG_LEVELS)} but it's configured as '${v}'.`,
  } satisfies EnumCheck<AutheliaLogLevel>,
  secretsMode: {
    allowed: SECRETS_MODES,
    fallback: 'files',
    path: 'secretsMode',
    code: 'secrets-mode-invalid',
    describe: (v: string) => `The secrets mode '${v}' is neither 'inline' nor 'files'.`,
  } satisfies EnumCheck<AutheliaSecretsMode>,
};

/** Options read defensively (any field may hold anything) and checked; `resolved` is what gets rendered. */

/** Rule domains outside the cookie domain: Authelia answers 400 for them, which nginx turns into a 500. */
export function checkRuleDomains(input: unknown, cookieDomain: string): Diagnostic[] {
  if (!isRecord(input) || !Array.isArray(input.rules)) return [];
  return input.rules.flatMap((rule: unknown, i) => {
    if (!isRecord(rule)) return [];
    const list = typeof rule.domain === 'string' ? [rule.domain] : Array.isArray(rule.domain) ? rule.domain : [];
    return list.flatMap((entry: unknown, j) => {
      const d = text(entry).toLowerCase();
      if (!d || (d.startsWith('*') && !d.startsWith('*.'))) return [];
      const host = d.replace(/^\*\./, '').replace(/^\{(user|group)\}\./, '');
      if (isInCookieScope(host, cookieDomain)) return [];
      const path =
        typeof rule.domain === 'string' ? `accessControl.rules[${i}].domain` : `accessControl.rules[${i}].domain[${j}]`;
      return [
        warning(
          'rule-domain-outside-cookie-domain',
          `Rule #${i + 1}: the domain '${d}' is not under the session cookie domain '${cookieDomain}'. Authelia cannot log anyone in there: it answers 400 and nginx shows a 500 error.`,
          { path },
        ),
      ];
    });
  });
}
