/**
 * configuration.yml for Authelia 4.39 (4.38+ key names) doing forward-auth behind Nginx Proxy Manager, with the
 * secrets either inline or kept out of the file through `AUTHELIA_*_FILE` variables (compose snippet + script).
 * Option checks mirror Authelia's own validator (session, storage) and reuse its message wording.
 */
import { toYaml } from '../core/yaml';
import { error, info, warning, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../core';
import { generateAccessControl } from './access-control';
import { defaultRandomSource, randomSecret, RECOMMENDED_SECRET_LENGTH, type RandomSource } from './secrets';
import { ARGON2_PARAMETERS, generateUsersDatabase, type UserInput } from './users';

export type AutheliaTheme = 'light' | 'dark' | 'grey' | 'oled' | 'auto';
export type AutheliaLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type AutheliaSecretsMode = 'inline' | 'files';

/** Secrets typed or kept by the user; any slot left empty is generated. */
export interface AutheliaSecretsInput {
  jwt?: string;
  session?: string;
  storageEncryptionKey?: string;
}

export interface AutheliaConfigOptions {
  /** Session cookie domain: the parent of every protected host, e.g. `example.com`. */
  domain: string;
  /** The portal's address, e.g. `https://auth.example.com`. */
  autheliaUrl: string;
  /** Where users land after logging in at the portal directly; '' leaves it out. */
  defaultRedirectionUrl: string;
  /** Name shown in authenticator apps (`totp.issuer`) and for security keys (`webauthn.display_name`). */
  totpIssuer: string;
  theme: AutheliaTheme;
  logLevel: AutheliaLogLevel;
  /** `inline`: secrets in configuration.yml. `files`: secrets in ./secrets, read through `AUTHELIA_*_FILE`. */
  secretsMode: AutheliaSecretsMode;
  secrets?: AutheliaSecretsInput;
  /** The `access_control` input for `generateAccessControl`; absent → deny by default, two_factor for the domain. */
  accessControl?: unknown;
  /** When given, users_database.yml is generated too (digests taken from each user's `hash`). */
  users?: UserInput[];
  /** Random source for generated secrets (tests inject one). */
  random?: RandomSource;
}

export const defaultAutheliaConfigOptions: AutheliaConfigOptions = {
  domain: 'example.com',
  autheliaUrl: 'https://auth.example.com',
  // Where people land after logging in: a host the guides create (the NPM guide's first proxy host).
  defaultRedirectionUrl: 'https://jellyfin.example.com',
  totpIssuer: 'example.com',
  theme: 'auto',
  logLevel: 'info',
  secretsMode: 'files',
};

export const CONFIGURATION_SCHEMA_URL = 'https://www.authelia.com/schemas/v4.39/json-schema/configuration.json';
export const CONFIGURATION_FILE_NAME = 'configuration.yml';
export const COMPOSE_FILE_NAME = 'compose.yaml';
export const SECRETS_SCRIPT_NAME = 'create-secrets.sh';

const THEMES: readonly AutheliaTheme[] = ['light', 'dark', 'grey', 'oled', 'auto'];
const LOG_LEVELS: readonly AutheliaLogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];
const SECRETS_MODES: readonly AutheliaSecretsMode[] = ['inline', 'files'];
const MIN_ENCRYPTION_KEY_LENGTH = 20;

/** Container paths (the official image reads /config; ./secrets is bind-mounted read-only at /secrets). */
const PATHS = {
  users: '/config/users_database.yml',
  database: '/config/db.sqlite3',
  notifications: '/config/notification.txt',
  secretsInContainer: '/secrets',
  secretsOnHost: './secrets',
} as const;

type SecretSlot = keyof AutheliaSecretsInput;

/** Each secret: option slot, YAML key, the `_FILE` variable (configkeys.json @ v4.39.20) and its file name. */
const SECRET_SLOTS: readonly { slot: SecretSlot; key: string; env: string; file: string }[] = [
  {
    slot: 'jwt',
    key: 'identity_validation.reset_password.jwt_secret',
    env: 'AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET_FILE',
    file: 'JWT_SECRET',
  },
  { slot: 'session', key: 'session.secret', env: 'AUTHELIA_SESSION_SECRET_FILE', file: 'SESSION_SECRET' },
  {
    slot: 'storageEncryptionKey',
    key: 'storage.encryption_key',
    env: 'AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE',
    file: 'STORAGE_ENCRYPTION_KEY',
  },
];

/**
 * Public suffixes a homelab user may try as a cookie domain. Authelia checks the full Public Suffix List; a single
 * label (`com`) is already refused by the "single period" check, so only multi-label entries matter here.
 * `home.arpa` (RFC 8375) is on the list since 2024 (publicsuffix/list#2220): use a name under it, e.g. lab.home.arpa.
 */
const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set(
  [
    'co.uk org.uk me.uk ac.uk gov.uk ltd.uk plc.uk net.uk com.au net.au org.au co.nz net.nz org.nz co.jp ne.jp or.jp',
    'com.br com.cn co.in co.za com.mx co.kr com.tr home.arpa',
    'duckdns.org ddns.net github.io netlify.app pages.dev workers.dev vercel.app',
  ]
    .join(' ')
    .split(' '),
);

/** Names that never get a publicly trusted certificate; `.local` is also taken by multicast DNS. */
const PRIVATE_TLDS: readonly { suffix: string; severity: 'warning' | 'info'; note: string }[] = [
  {
    suffix: 'local',
    severity: 'warning',
    note: "'.local' is reserved for multicast DNS (mDNS): phones and Macs often resolve it without asking your DNS server, so use a domain you own or a name under 'home.arpa' such as lab.home.arpa.",
  },
  {
    suffix: 'lan',
    severity: 'info',
    note: "'.lan' is not a public top-level domain: no public CA issues certificates for it, so your own CA must be trusted on every device.",
  },
  {
    suffix: 'home.arpa',
    severity: 'info',
    note: "names under 'home.arpa' are reserved for home networks: no public CA issues certificates for them, so your own CA must be trusted on every device.",
  },
  {
    suffix: 'internal',
    severity: 'info',
    note: "'.internal' is reserved for private use: no public CA issues certificates for it, so your own CA must be trusted on every device.",
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Small helpers

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')}, or ${quoted.at(-1)}`;
}

function isIp(value: string): boolean {
  if (/^(\d{1,3})(\.\d{1,3}){3}$/.test(value)) return value.split('.').every((n) => Number(n) <= 255);
  return value.includes(':') && /^[0-9a-f:.]+$/i.test(value) && (value.match(/::/g) ?? []).length <= 1;
}

/** True when `host` is `domain` or a subdomain of it (Authelia's HasURIDomainSuffix). */
export function isInCookieScope(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/^\./, '');
  return d !== '' && (h === d || h.endsWith(`.${d}`));
}

// ---------------------------------------------------------------------------------------------------------------------
// Option checks (session cookie, URLs, secrets, enums)

const cookieLabel = (domain: string) => `session: domain config #1 (domain '${domain}')`;

/** Mirrors Authelia's session cookie domain checks, in its order, then adds homelab notes. */
function checkCookieDomain(domain: string): Diagnostic[] {
  const path = 'domain';
  const at = cookieLabel(domain);
  if (domain === '')
    return [
      error(
        'cookie-domain-required',
        `${at}: option 'domain' is required. Enter the domain your services live under, e.g. example.com.`,
        { path },
      ),
    ];
  if (domain.startsWith('*.')) {
    return [
      error(
        'cookie-domain-wildcard',
        `${at}: option 'domain' must be the domain you wish to protect not a wildcard domain but it's configured as '${domain}'`,
        {
          path,
          fix: domain.slice(2),
        },
      ),
    ];
  }
  if (domain.startsWith('.')) {
    return [
      warning(
        'cookie-domain-leading-dot',
        `${at}: option 'domain' has a prefix of '.' which is not supported or intended behaviour: you can use this at your own risk but we recommend removing it`,
        { path, fix: domain.replace(/^\.+/, '') },
      ),
      ...checkPublicSuffix(domain.replace(/^\.+/, ''), at),
    ];
  }
  if (domain.includes(':') && !isIp(domain)) {
    const host = domain.split(':')[0] ?? '';
    return [
      error(
        'cookie-domain-port',
        `The cookie domain '${domain}' contains a port; cookies are not scoped by port, so enter only '${host}'.`,
        { path, fix: host },
      ),
    ];
  }
  if (isIp(domain)) return [];
  if (!domain.includes('.')) {
    return [
      error(
        'cookie-domain-no-dot',
        `${at}: option 'domain' is not a valid cookie domain: must have at least a single period or be an ip address. Browsers do not share cookies for single-label names like 'localhost'; use a domain such as home.example.com.`,
        { path },
      ),
    ];
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    const lower = domain.toLowerCase();
    const fix = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(lower) ? lower : undefined;
    const hint = fix ? ' Write it in lowercase.' : ' Only lowercase letters, digits, hyphens and dots are allowed.';
    return [
      error(
        'cookie-domain-invalid',
        `${at}: option 'domain' does not appear to be a valid cookie domain or an ip address.${hint}`,
        { path, ...(fix ? { fix } : {}) },
      ),
    ];
  }
  if (domain.split('.').some((l) => l.startsWith('-') || l.endsWith('-') || l.length > 63)) {
    return [
      error(
        'cookie-domain-label',
        `The cookie domain '${domain}' has a label that starts or ends with a hyphen or is longer than 63 characters, which DNS does not allow.`,
        { path },
      ),
    ];
  }
  return [...checkPublicSuffix(domain, at), ...checkPrivateTld(domain)];
}

function checkPublicSuffix(domain: string, at: string): Diagnostic[] {
  if (!PUBLIC_SUFFIXES.has(domain)) return [];
  return [
    error(
      'cookie-domain-public-suffix',
      `${at}: option 'domain' is not a valid cookie domain: the domain is part of the special public suffix list. Browsers refuse cookies for '${domain}' itself; use your own name under it, e.g. myhome.${domain}.`,
      { path: 'domain' },
    ),
  ];
}

function checkPrivateTld(domain: string): Diagnostic[] {
  const hit = PRIVATE_TLDS.find((t) => domain === t.suffix || domain.endsWith(`.${t.suffix}`));
  if (!hit) return [];
  const make = hit.severity === 'warning' ? warning : info;
  return [
    make('cookie-domain-private-tld', `The cookie domain '${domain}' is not publicly registrable: ${hit.note}`, {
      path: 'domain',
    }),
  ];
}

interface ParsedUrl {
  url?: URL;
  diagnostics: Diagnostic[];
}

/** The absolute / secure / cookie-scope checks Authelia runs on `authelia_url` and `default_redirection_url`. */
function checkSessionUrl(
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

function checkRedirection(options: AutheliaConfigOptions, portal: URL | undefined, domainOk: boolean): Diagnostic[] {
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

function checkSecrets(secrets: AutheliaSecretsInput, mode: AutheliaSecretsMode): Diagnostic[] {
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

function checkEnum<T extends string>(value: unknown, c: EnumCheck<T>): { value: T; diagnostics: Diagnostic[] } {
  if (typeof value === 'string' && (c.allowed as readonly string[]).includes(value))
    return { value: value as T, diagnostics: [] };
  const message = `${c.describe(display(value))} The output uses '${c.fallback}' meanwhile.`;
  return { value: c.fallback, diagnostics: [error(c.code, message, { path: c.path })] };
}

// ---------------------------------------------------------------------------------------------------------------------
// Access control

/** Deny by default; two_factor for the cookie domain and every host under it. */
export function defaultAccessControl(domain: string): { default_policy: string; rules: { domain: string[]; policy: string }[] } {
  const d = domain || defaultAutheliaConfigOptions.domain;
  return { default_policy: 'deny', rules: [{ domain: [d, `*.${d}`], policy: 'two_factor' }] };
}

interface AccessControlSection {
  /** The `access_control:` block, already rendered by the access-control generator. */
  yaml: string;
  diagnostics: Diagnostic[];
}

const FALLBACK_ACCESS_CONTROL = toYaml({ access_control: { default_policy: 'deny' } });

function prefix(d: Diagnostic): Diagnostic {
  return { ...d, path: d.path ? `accessControl.${d.path.replace(/^accessControl\.?/, '')}` : 'accessControl' };
}

const unavailable = () =>
  error(
    'access-control-unavailable',
    'The access-control rules could not be generated, so only the deny-all default is written.',
    { path: 'accessControl' },
  );

function buildAccessControl(input: unknown, portalHost: string | undefined): AccessControlSection {
  try {
    const result = generateAccessControl(input, portalHost ? { portalDomain: portalHost } : {});
    const diagnostics = result.diagnostics.map(prefix);
    const file = result.files.find((f) => f.name === 'access_control.yml') ?? result.files[0];
    if (file?.content.startsWith('access_control:\n')) return { yaml: file.content, diagnostics };
    return { yaml: FALLBACK_ACCESS_CONTROL, diagnostics: [...diagnostics, unavailable()] };
  } catch {
    return { yaml: FALLBACK_ACCESS_CONTROL, diagnostics: [unavailable()] };
  }
}

/** Rule domains outside the cookie domain: Authelia answers 400 for them, which nginx turns into a 500. */
function checkRuleDomains(input: unknown, cookieDomain: string): Diagnostic[] {
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

// ---------------------------------------------------------------------------------------------------------------------
// Rendering

interface Section {
  comment: string[];
  key: string;
  value?: unknown;
  /** Already-rendered YAML for the whole section (`key:` line included), used instead of `value`. */
  yaml?: string;
}

function renderSections(sections: readonly Section[]): string {
  const head = `# yaml-language-server: $schema=${CONFIGURATION_SCHEMA_URL}\n# Authelia 4.39 (4.38+ key names): forward-auth behind Nginx Proxy Manager.\n`;
  const body = sections.map((s) => {
    const comment = s.comment.map((c) => `# ${c}`).join('\n');
    const yaml = s.yaml ?? (s.value === undefined ? '' : toYaml({ [s.key]: s.value }));
    return [comment, yaml].filter(Boolean).join('\n').replace(/\n*$/, '\n');
  });
  return `${head}\n${body.join('\n')}`;
}

interface ResolvedOptions {
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
}

function secretComment(slot: SecretSlot): string {
  const s = SECRET_SLOTS.find((x) => x.slot === slot);
  return s ? `${s.key} is read from ${s.env} (see compose.yaml).` : '';
}

function buildSections(o: ResolvedOptions): Section[] {
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
    { comment: ['Nginx Proxy Manager forwards to http://authelia:9091.'], key: 'server', value: { address: 'tcp://:9091/' } },
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
    {
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

/**
 * The image and the ids it runs Authelia as. The official image starts as root with `PUID=0` / `PGID=0`
 * (https://github.com/authelia/authelia/blob/v4.39.20/Dockerfile#L16-L17); its entrypoint then runs
 * `chown -R "${PUID}:${PGID}" /config` on every start and drops to those ids with su-exec
 * (https://github.com/authelia/authelia/blob/v4.39.20/entrypoint.sh#L10-L11), and the filesystem notifier creates its
 * file with mode 0600 (https://github.com/authelia/authelia/blob/v4.39.20/internal/notification/const.go#L4). With the
 * defaults every file in ./config ends up root's; the host user's ids keep it readable without sudo.
 */
export const AUTHELIA_CONTAINER = {
  /** The 4.39 line: patch releases only, never a new minor version with changed keys. */
  image: 'authelia/authelia:4.39',
  /** The first regular user on most Linux installs; the comment in compose.yaml says to check with `id -u` / `id -g`. */
  puid: '1000',
  pgid: '1000',
} as const;

function renderCompose(): GeneratedFile {
  const env = SECRET_SLOTS.map((s) => `      ${s.env}: '${PATHS.secretsInContainer}/${s.file}'`).join('\n');
  const { image, puid, pgid } = AUTHELIA_CONTAINER;
  const content = `# Merge into the authelia service of your compose.yaml. Run create-secrets.sh first.
# Authelia must share a Docker network with Nginx Proxy Manager, which reaches it as http://authelia:9091.
services:
  authelia:
    image: '${image}'
    container_name: 'authelia'
    restart: 'unless-stopped'
    volumes:
      - './config:/config'
      - '${PATHS.secretsOnHost}:${PATHS.secretsInContainer}:ro'
    environment:
      # Run as your own user so ./config stays yours: put the output of 'id -u' and 'id -g' here.
      # Without them the image runs as root and takes ./config over: editing it then needs sudo, and so does
      # reading notification.txt, which Authelia writes for its owner only.
      PUID: '${puid}'
      PGID: '${pgid}'
${env}
`;
  return { name: COMPOSE_FILE_NAME, language: 'yaml', content };
}

function renderSecretsScript(): GeneratedFile {
  const writes = SECRET_SLOTS.map((s) => `write_secret '${s.file}'`).join('\n');
  const content = `#!/bin/sh
# Creates Authelia's secret files in ${PATHS.secretsOnHost} (mounted read-only at ${PATHS.secretsInContainer}).
# The values are generated here, on your server, from /dev/urandom: they never pass through the browser,
# the clipboard, a downloaded file or your shell history. Existing files are kept, because a new storage
# encryption key would make the existing database unreadable.
# Run it next to compose.yaml: sh ${SECRETS_SCRIPT_NAME}
set -eu
umask 077
dir='${PATHS.secretsOnHost}'
mkdir -p "$dir"
chmod 700 "$dir"

write_secret() {
  file="$dir/$1"
  if [ -s "$file" ]; then
    echo "kept     $file (already exists)"
    return 0
  fi
  # ${RECOMMENDED_SECRET_LENGTH} random letters and digits; tr discards every other byte, so no character is favoured.
  value=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c ${RECOMMENDED_SECRET_LENGTH})
  if [ \${#value} -ne ${RECOMMENDED_SECRET_LENGTH} ]; then
    echo "could not read enough random data for $file" >&2
    exit 1
  fi
  # printf is a shell builtin: the value never shows up in the process list.
  printf '%s' "$value" >"$file"
  chmod 600 "$file"
  echo "created  $file"
}

${writes}
# Authelia runs as PUID:PGID from compose.yaml and must be able to read these files. Run this script as
# that user, not with sudo; if the files already belong to root, hand them over:
#   sudo chown -R "$(id -u):$(id -g)" ${PATHS.secretsOnHost}
`;
  return { name: SECRETS_SCRIPT_NAME, language: 'shell', content };
}

// ---------------------------------------------------------------------------------------------------------------------
// Entry point

function resolveSecrets(input: unknown, mode: AutheliaSecretsMode, random: RandomSource): Required<AutheliaSecretsInput> {
  const given = isRecord(input) ? input : {};
  const pick = (slot: SecretSlot) =>
    mode === 'inline' && text(given[slot]) !== ''
      ? text(given[slot])
      : mode === 'inline'
        ? randomSecret(RECOMMENDED_SECRET_LENGTH, random)
        : '';
  return { jwt: pick('jwt'), session: pick('session'), storageEncryptionKey: pick('storageEncryptionKey') };
}

const ENUM_CHECKS = {
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
function resolveOptions(options: unknown): { resolved: ResolvedOptions; diagnostics: Diagnostic[]; users?: UserInput[] } {
  const o: AutheliaConfigOptions = { ...defaultAutheliaConfigOptions, ...(isRecord(options) ? options : {}) };
  const domain = text(o.domain);
  const domainDiagnostics = checkCookieDomain(domain);
  const domainOk = !domainDiagnostics.some((d) => d.severity === 'error');
  const portal = checkSessionUrl(text(o.autheliaUrl), 'authelia_url', 'autheliaUrl', domain, domainOk);
  const theme = checkEnum(o.theme, ENUM_CHECKS.theme);
  const logLevel = checkEnum(o.logLevel, ENUM_CHECKS.logLevel);
  const mode = checkEnum(o.secretsMode, ENUM_CHECKS.secretsMode);
  const secretsInput: AutheliaSecretsInput = isRecord(o.secrets) ? o.secrets : {};
  const acInput = o.accessControl ?? defaultAccessControl(domainOk ? domain : '');
  const accessControl = buildAccessControl(acInput, portal.url?.hostname);
  const issuer = text(o.totpIssuer);
  const diagnostics: Diagnostic[] = [
    ...domainDiagnostics,
    ...portal.diagnostics,
    ...checkRedirection(o, portal.url, domainOk),
    ...checkSecrets(secretsInput, mode.value),
    ...theme.diagnostics,
    ...logLevel.diagnostics,
    ...mode.diagnostics,
    ...(issuer
      ? []
      : [
          info('totp-issuer-default', "The TOTP issuer is empty, so authenticator apps will show 'Authelia'.", {
            path: 'totpIssuer',
          }),
        ]),
    ...accessControl.diagnostics,
    ...(domainOk ? checkRuleDomains(acInput, domain) : []),
  ];
  const random = typeof o.random === 'function' ? o.random : defaultRandomSource;
  const resolved: ResolvedOptions = {
    domain,
    autheliaUrl: text(o.autheliaUrl),
    redirect: text(o.defaultRedirectionUrl),
    issuer,
    theme: theme.value,
    logLevel: logLevel.value,
    mode: mode.value,
    secrets: resolveSecrets(secretsInput, mode.value, random),
    accessControl: accessControl.yaml,
  };
  return { resolved, diagnostics, ...(o.users !== undefined ? { users: o.users } : {}) };
}

/**
 * configuration.yml (+ compose.yaml and create-secrets.sh in the secret-files mode, + users_database.yml when users
 * are given). Never throws: bad options become error diagnostics on the option's field and the file is still written.
 * Secret values appear only in configuration.yml in the inline mode — never in diagnostics.
 */
export function generateAutheliaConfig(options: Partial<AutheliaConfigOptions> = {}): GeneratorResult {
  const { resolved, diagnostics, users } = resolveOptions(options);
  const files: GeneratedFile[] = [
    { name: CONFIGURATION_FILE_NAME, language: 'yaml', content: renderSections(buildSections(resolved)) },
  ];
  if (resolved.mode === 'files') files.push(renderCompose(), renderSecretsScript());
  if (users !== undefined) {
    const result = generateUsersDatabase(users, {});
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  return { files, diagnostics };
}
