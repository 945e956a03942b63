/**
 * The Authelia setup builder's spec: the form state (as share links and storage keep it), its defaults, the
 * profile's part, the form → `AutheliaConfigOptions` mapping, the choice lists with their labels, which fields
 * apply, fixes, and the generator. The island (src/components/authelia/AutheliaSetupBuilder.tsx) lays these out.
 */
import { applyFieldFix, defineBuilder, type BuilderSpec, type Choice } from '../builders/spec';
import { info, type Diagnostic, type GeneratorResult } from '../core';
import { isRecord } from '../core/guards';
import { splitList } from '../core/list';
import { toAutheliaOptions, toUsers, type Profile } from '../profile/model';
import {
  defaultAutheliaConfigOptions,
  defaultSmtpInput,
  generateAutheliaConfig,
  NOTIFIERS,
  SECRETS_MODES,
  type AutheliaConfigOptions,
  type AutheliaNotifier,
  type AutheliaSecretsInput,
  type AutheliaSecretsMode,
} from './config';
import { AUTHELIA_TARGET, LOG_LEVEL_CHOICES, THEME_CHOICES, type AutheliaLogLevel, type AutheliaTheme } from './facts';
import type { UserInput } from './users';

export interface SetupUserForm {
  username: string;
  displayname: string;
  email: string;
  /** Comma-separated, as typed. */
  groups: string;
  /** argon2id digest made in the page; the plain password is never kept in state. */
  hash: string;
}

export interface SetupSmtpForm {
  host: string;
  /** As typed; the generator reports anything but 1–65535. */
  port: string;
  sender: string;
  username: string;
  /** A secret: used only with inline secrets, never in links or storage without the opt-in. */
  password: string;
}

export interface AutheliaSetupState {
  domain: string;
  autheliaUrl: string;
  defaultRedirectionUrl: string;
  totpIssuer: string;
  theme: AutheliaTheme;
  logLevel: AutheliaLogLevel;
  secretsMode: AutheliaSecretsMode;
  /** Use the rules the access-control builder stored in this browser, when there are any. */
  useAccessBuilder: boolean;
  secrets: AutheliaSecretsInput;
  users: SetupUserForm[];
  /** Hardening (added after v1 links existed: links without them decode to these defaults). */
  authzCookieOnly: boolean;
  passwordPolicy: boolean;
  notifier: AutheliaNotifier;
  smtp: SetupSmtpForm;
}

export const defaultSetupSmtp: SetupSmtpForm = {
  host: defaultSmtpInput.host,
  port: String(defaultSmtpInput.port),
  sender: defaultSmtpInput.sender,
  username: defaultSmtpInput.username,
  password: '',
};

export const defaultAutheliaSetupState: AutheliaSetupState = {
  domain: defaultAutheliaConfigOptions.domain,
  autheliaUrl: defaultAutheliaConfigOptions.autheliaUrl,
  defaultRedirectionUrl: defaultAutheliaConfigOptions.defaultRedirectionUrl,
  totpIssuer: defaultAutheliaConfigOptions.totpIssuer,
  theme: defaultAutheliaConfigOptions.theme,
  logLevel: defaultAutheliaConfigOptions.logLevel,
  secretsMode: defaultAutheliaConfigOptions.secretsMode,
  useAccessBuilder: true,
  secrets: {},
  users: [{ username: 'ana', displayname: 'Ana', email: 'ana@example.com', groups: 'admins', hash: '' }],
  authzCookieOnly: defaultAutheliaConfigOptions.authzCookieOnly,
  passwordPolicy: defaultAutheliaConfigOptions.passwordPolicy,
  notifier: defaultAutheliaConfigOptions.notifier,
  smtp: defaultSetupSmtp,
};

export const emptySetupUser: SetupUserForm = { username: '', displayname: '', email: '', groups: '', hash: '' };

export type SetupTextField = 'domain' | 'autheliaUrl' | 'defaultRedirectionUrl' | 'totpIssuer';

/** Label and hint of each top-level text field. */
export const SETUP_TEXT_FIELDS: Record<SetupTextField, { label: string; hint: string }> = {
  domain: { label: 'Cookie domain', hint: 'The parent domain of every protected app, e.g. example.com' },
  autheliaUrl: { label: 'Portal URL', hint: 'Where the login page lives, e.g. https://auth.example.com' },
  defaultRedirectionUrl: { label: 'After login, go to', hint: 'e.g. your dashboard; leave empty to omit' },
  totpIssuer: { label: 'Name in authenticator apps', hint: 'Shown next to the 6-digit code' },
};

/** Label of each user field. */
export const SETUP_USER_FIELDS: Record<Exclude<keyof SetupUserForm, 'hash'>, string> = {
  username: 'Username',
  displayname: 'Display name',
  email: 'Email',
  groups: 'Groups (comma-separated)',
};

/** Label and hint of each SMTP field. */
export const SETUP_SMTP_FIELDS: Record<keyof SetupSmtpForm, { label: string; hint: string }> = {
  host: { label: 'Mail server', hint: 'Host name of your provider’s SMTP server, e.g. smtp.example.com' },
  port: { label: 'Port', hint: '587 (STARTTLS) or 465 (TLS)' },
  sender: { label: 'Sender', hint: 'e.g. Authelia <auth@example.com>' },
  username: { label: 'SMTP user', hint: 'Empty when the server needs no login' },
  password: { label: 'SMTP password', hint: 'Written into configuration.yml; never put in a share link' },
};

/** Each hardening switch with the one sentence the builder shows next to it. */
export const SETUP_SWITCHES: Record<'authzCookieOnly' | 'passwordPolicy', { label: string; hint: string }> = {
  authzCookieOnly: {
    label: 'Log in only with the session cookie',
    hint: 'Authelia ignores Authorization headers on protected hosts, so an app that sends its own no longer gets an empty redirect and passwords cannot be guessed through them.',
  },
  passwordPolicy: {
    label: 'Refuse weak new passwords',
    hint: 'Passwords set or reset in the portal must reach zxcvbn score 3 of 4, which rules out common words and patterns.',
  },
};

const THEME_LABELS: Record<AutheliaTheme, string> = {
  auto: 'auto (follows the device)',
  light: 'light',
  dark: 'dark',
  grey: 'grey',
  oled: 'oled (black)',
};
const SECRETS_MODE_LABELS: Record<AutheliaSecretsMode, string> = {
  files: 'In secret files (AUTHELIA_*_FILE), made on the server',
  inline: 'Inline in configuration.yml, made in this page',
};
const NOTIFIER_LABELS: Record<AutheliaNotifier, string> = {
  filesystem: 'A file on the server (one user, or you read it for everyone)',
  smtp: 'Email through an SMTP server (several users)',
};

export const SETUP_CHOICES: Readonly<Record<'theme' | 'logLevel' | 'secretsMode' | 'notifier', readonly Choice[]>> = {
  theme: THEME_CHOICES.map((value) => ({ value, label: THEME_LABELS[value] })),
  logLevel: LOG_LEVEL_CHOICES.map((value) => ({ value, label: value })),
  secretsMode: (['files', 'inline'] as const).map((value) => ({ value, label: SECRETS_MODE_LABELS[value] })),
  notifier: NOTIFIERS.map((value) => ({ value, label: NOTIFIER_LABELS[value] })),
};

// ---------------------------------------------------------------------------------------------------------------------
// State → generator input

const textOf = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);

function userInput(user: unknown): UserInput {
  const form = isRecord(user) ? user : {};
  const hash = textOf(form.hash, '');
  return {
    username: textOf(form.username, '').trim(),
    displayname: textOf(form.displayname, '').trim(),
    email: textOf(form.email, '').trim(),
    groups: splitList(textOf(form.groups, '')),
    ...(hash ? { hash } : {}),
  };
}

function smtpInput(smtp: unknown): NonNullable<AutheliaConfigOptions['smtp']> {
  const form = isRecord(smtp) ? smtp : {};
  const port = textOf(form.port, defaultSetupSmtp.port).trim();
  return {
    host: textOf(form.host, defaultSetupSmtp.host),
    port: /^\d+$/.test(port) ? Number(port) : port,
    sender: textOf(form.sender, defaultSetupSmtp.sender),
    username: textOf(form.username, defaultSetupSmtp.username),
    password: textOf(form.password, ''),
  };
}

/**
 * The form → the generator's options. Fields a hand-made link spelled with the wrong type fall back to their
 * defaults; values of the right type are passed as typed (the generator reports what is wrong with them).
 * `accessRules` is the access-control input from the other builder, used when the reader keeps the box ticked.
 */
export function setupToOptions(state: AutheliaSetupState, accessRules?: unknown): Partial<AutheliaConfigOptions> {
  const defaults = defaultAutheliaSetupState;
  const secrets = isRecord(state.secrets) ? (state.secrets as AutheliaSecretsInput) : {};
  const useRules = flag(state.useAccessBuilder, defaults.useAccessBuilder) && accessRules !== undefined;
  return {
    domain: textOf(state.domain, defaults.domain),
    autheliaUrl: textOf(state.autheliaUrl, defaults.autheliaUrl),
    defaultRedirectionUrl: textOf(state.defaultRedirectionUrl, defaults.defaultRedirectionUrl),
    totpIssuer: textOf(state.totpIssuer, defaults.totpIssuer),
    // Unknown values go through: the generator names them and uses its fallback.
    theme: textOf(state.theme, defaults.theme) as AutheliaTheme,
    logLevel: textOf(state.logLevel, defaults.logLevel) as AutheliaLogLevel,
    secretsMode: textOf(state.secretsMode, defaults.secretsMode) as AutheliaSecretsMode,
    secrets,
    ...(useRules ? { accessControl: accessRules } : {}),
    users: Array.isArray(state.users) ? state.users.map(userInput) : [],
    authzCookieOnly: flag(state.authzCookieOnly, defaults.authzCookieOnly),
    passwordPolicy: flag(state.passwordPolicy, defaults.passwordPolicy),
    notifier: textOf(state.notifier, defaults.notifier) as AutheliaNotifier,
    smtp: smtpInput(state.smtp),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Which fields apply, fixes, the profile

/** The field paths that change the output for this state (the island hides the others). */
export function setupFields(state: AutheliaSetupState): ReadonlySet<string> {
  const paths = new Set<string>([
    ...Object.keys(SETUP_TEXT_FIELDS),
    'theme',
    'logLevel',
    'secretsMode',
    'useAccessBuilder',
    'users',
    'authzCookieOnly',
    'passwordPolicy',
    'notifier',
  ]);
  const inline = oneOf(state.secretsMode, SECRETS_MODES, 'files') === 'inline';
  if (inline) paths.add('secrets');
  if (oneOf(state.notifier, NOTIFIERS, 'filesystem') === 'smtp') {
    for (const key of ['host', 'port', 'sender', 'username'] as const) paths.add(`smtp.${key}`);
    const smtp: Record<string, unknown> = isRecord(state.smtp) ? state.smtp : {};
    if (inline && textOf(smtp.username, '').trim() !== '') paths.add('smtp.password');
  }
  return paths;
}

const NESTED_PATH = /^(smtp)\.(host|port|sender|username)$|^users\[(\d+)\]\.(username|displayname|email|groups)$/;

/** Top-level text fixes, and fixes on an SMTP or user field. */
export function applySetupFix(state: AutheliaSetupState, diagnostic: Diagnostic): AutheliaSetupState | undefined {
  const top = applyFieldFix(state, diagnostic);
  if (top) return top;
  const match = diagnostic.path === undefined ? null : NESTED_PATH.exec(diagnostic.path);
  if (!match || diagnostic.fix === undefined) return undefined;
  const fix = diagnostic.fix;
  if (match[1] === 'smtp') return { ...state, smtp: { ...state.smtp, [match[2]!]: fix } };
  const index = Number(match[3]);
  if (!state.users[index]) return undefined;
  return { ...state, users: state.users.map((user, i) => (i === index ? { ...user, [match[4]!]: fix } : user)) };
}

/** Domain, portal and users from the profile; secrets, password digests and hardening stay this builder's own. */
export function setupFromProfile(profile: Profile, current: AutheliaSetupState): AutheliaSetupState {
  return {
    ...current,
    ...toAutheliaOptions(profile),
    users: toUsers(profile).map((user) => ({
      username: user.username,
      displayname: user.displayname,
      email: user.email,
      groups: user.groups.join(', '),
      hash: current.users.find((existing) => existing.username === user.username)?.hash ?? '',
    })),
  };
}

/**
 * The generator as the setup builder runs it. In this builder a password is typed and hashed in the page, so a user
 * without a digest is the reader's next step rather than a mistake: it is a note on the password field (the file
 * still holds the placeholder that says Authelia will not start with it). Every other check is the generator's.
 */
export function generateSetup(options: Partial<AutheliaConfigOptions>): GeneratorResult {
  const result = generateAutheliaConfig(options);
  const diagnostics = result.diagnostics.map((diagnostic) => {
    if (diagnostic.code !== 'user-password-missing' || diagnostic.path === undefined) return diagnostic;
    const index = Number(/^users\[(\d+)\]/.exec(diagnostic.path)?.[1]);
    const name = options.users?.[index]?.username;
    const who = name ? `'${name}'` : `user ${index + 1}`;
    return info(
      'user-password-pending',
      `Next step: type a password for ${who} and press Hash. Until then users_database.yml holds a placeholder, and Authelia will not start with it.`,
      { path: diagnostic.path },
    );
  });
  return { ...result, diagnostics };
}

/** The spec with the access-control builder's stored rules (the island reads them through the kit). */
export function autheliaSetupBuilderWith(accessRules: unknown): BuilderSpec<AutheliaSetupState, Partial<AutheliaConfigOptions>> {
  return defineBuilder<AutheliaSetupState, Partial<AutheliaConfigOptions>>({
    id: 'authelia-setup',
    title: 'Authelia setup builder',
    // Generated secrets, password digests and the SMTP password never go into a share link, nor into storage
    // without the opt-in. Version 1: the hardening fields were added with defaults, so v1 links still decode.
    schema: { version: 1, secretKeys: ['secrets', 'hash', 'password'] },
    target: AUTHELIA_TARGET,
    defaults: defaultAutheliaSetupState,
    fromProfile: setupFromProfile,
    toInput: (state) => setupToOptions(state, accessRules),
    generate: generateSetup,
    choices: SETUP_CHOICES,
    fields: setupFields,
    applyFix: applySetupFix,
  });
}

/** The setup builder as the registry lists it: without another builder's rules (deny by default, 2FA for the domain). */
export const autheliaSetupBuilder = autheliaSetupBuilderWith(undefined);
