/**
 * The input model of the configuration generator: options, defaults, output file names, container paths and the
 * secret slots with their `_FILE` variables.
 */
import { AUTHELIA_IMAGE, type AutheliaLogLevel, type AutheliaTheme } from '../facts';
import type { RandomSource } from '../secrets';
import type { UserInput } from '../users';

export type { AutheliaLogLevel, AutheliaTheme } from '../facts';
export type AutheliaSecretsMode = 'inline' | 'files';

/** Secrets typed or kept by the user; any slot left empty is generated. */
export interface AutheliaSecretsInput {
  jwt?: string;
  session?: string;
  storageEncryptionKey?: string;
}

export type AutheliaNotifier = 'filesystem' | 'smtp';

/** An SMTP server for the notifier; the password is a secret (inline, or `AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE`). */
export interface AutheliaSmtpInput {
  /** Host name or IP address of the mail server, e.g. `smtp.example.com`. */
  host: string;
  /**
   * 587 (STARTTLS, `submission://`), 465 (TLS, `submissions://`) or 25 (`smtp://`); any other port uses STARTTLS.
   * Digits in a string (a form field) are read as the number.
   */
  port: number | string;
  /** `Authelia <auth@example.com>` or a bare address. */
  sender: string;
  /** '' for a server that needs no login. */
  username: string;
  /** Used only with inline secrets; in the secret-files mode create-secrets.sh asks for it on the server. */
  password?: string;
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
  /**
   * `server.endpoints.authz`: only the `auth-request` endpoint NPM calls, and only the session cookie logs anyone in
   * (`authn_strategies: [{name: CookieSession}]`), so `Authorization` headers sent to protected apps are ignored.
   */
  authzCookieOnly: boolean;
  /** `password_policy.zxcvbn` with minimum score 3 for passwords set in the portal. */
  passwordPolicy: boolean;
  /** Where emails go: a file on the server (one user) or an SMTP server (several users). */
  notifier: AutheliaNotifier;
  /** The SMTP server; used when `notifier` is `smtp`. */
  smtp?: AutheliaSmtpInput;
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
  authzCookieOnly: true,
  passwordPolicy: true,
  notifier: 'filesystem',
};

export const defaultSmtpInput: AutheliaSmtpInput = {
  host: 'smtp.example.com',
  port: 587,
  sender: 'Authelia <auth@example.com>',
  username: 'auth@example.com',
};

export const NOTIFIERS: readonly AutheliaNotifier[] = ['filesystem', 'smtp'];

/** The SMTP password's `_FILE` variable (docs/data/configkeys.json @ v4.39.20) and the file create-secrets.sh asks for. */
export const SMTP_PASSWORD_SECRET = {
  key: 'notifier.smtp.password',
  env: 'AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE',
  file: 'SMTP_PASSWORD',
} as const;

export const CONFIGURATION_FILE_NAME = 'configuration.yml';
export const COMPOSE_FILE_NAME = 'compose.yaml';
export const SECRETS_SCRIPT_NAME = 'create-secrets.sh';

export const SECRETS_MODES: readonly AutheliaSecretsMode[] = ['inline', 'files'];

/** Container paths (the official image reads /config; ./secrets is bind-mounted read-only at /secrets). */
export const PATHS = {
  users: '/config/users_database.yml',
  database: '/config/db.sqlite3',
  notifications: '/config/notification.txt',
  secretsInContainer: '/secrets',
  secretsOnHost: './secrets',
} as const;

export type SecretSlot = keyof AutheliaSecretsInput;

export interface SecretSlotFacts {
  slot: SecretSlot;
  /** The configuration key. */
  key: string;
  /** Its `_FILE` variable (docs/data/configkeys.json @ v4.39.20). */
  env: string;
  /** The file create-secrets.sh writes in ./secrets. */
  file: string;
}

export const SECRET_SLOTS: readonly SecretSlotFacts[] = [
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
 * The image and the ids it runs Authelia as. The official image starts as root with `PUID=0` / `PGID=0`
 * (https://github.com/authelia/authelia/blob/v4.39.20/Dockerfile#L16-L17); its entrypoint then runs
 * `chown -R "${PUID}:${PGID}" /config` on every start and drops to those ids with su-exec
 * (https://github.com/authelia/authelia/blob/v4.39.20/entrypoint.sh#L10-L11), and the filesystem notifier creates its
 * file with mode 0600 (https://github.com/authelia/authelia/blob/v4.39.20/internal/notification/const.go#L4). With the
 * defaults every file in ./config ends up root's; the host user's ids keep it readable without sudo.
 */
export const AUTHELIA_CONTAINER = {
  image: AUTHELIA_IMAGE,
  /** The first regular user on most Linux installs; the comment in compose.yaml says to check with `id -u` / `id -g`. */
  puid: '1000',
  pgid: '1000',
} as const;
