/**
 * Test helper: an independent TypeScript port of the Authelia 4.39 startup checks that apply to the configuration the
 * builder generates (Authelia v4.39.20's validators: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/ —
 * access_control.go, session.go, storage.go, identity_validation.go and the others named per section).
 * It is deliberately written apart from src/lib/authelia so that the generator is checked against a second reading of
 * the rules, not against itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/schemas/${name}`, import.meta.url));

const LEAF_KEYS: readonly string[] = (
  JSON.parse(readFileSync(fixture('authelia-4.39-valid-keys.json'), 'utf8')) as { keys: string[] }
).keys;

/** keys.go lists leaves (and a few sections); every prefix of a listed key is a valid section name too. */
const VALID_KEYS: ReadonlySet<string> = new Set(
  LEAF_KEYS.flatMap((key) => {
    const parts = key.split('.');
    return parts.map((_, i) => parts.slice(0, i + 1).join('.')).flatMap((p) => (p.endsWith('[]') ? [p, p.slice(0, -2)] : [p]));
  }),
);

export interface ConfigKey {
  path: string;
  secret: boolean;
  env: string;
}
export const CONFIG_KEYS: readonly ConfigKey[] = JSON.parse(
  readFileSync(fixture('authelia-4.39-configkeys.json'), 'utf8'),
) as ConfigKey[];

export interface Validation {
  errors: string[];
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((acc, k) => (isObj(acc) ? acc[k] : undefined), o);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const joinOr = (xs: readonly string[]) => {
  const q = xs.map((x) => `'${x}'`);
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')}, or ${q.at(-1)}`;
};

function setPath(o: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = o;
  keys.slice(0, -1).forEach((k) => {
    if (!isObj(cur[k])) cur[k] = {};
    cur = cur[k] as Obj;
  });
  cur[keys.at(-1) as string] = value;
}

// ---- keys (internal/configuration/schema/keys.go): anything else is fatal ------------------------------------------

function checkKeys(node: unknown, prefix: string, errors: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item) => (isObj(item) || Array.isArray(item) ? checkKeys(item, `${prefix}[]`, errors) : undefined));
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    const exact = prefix ? `${prefix}.${k}` : k;
    const wildcard = prefix ? `${prefix}.*` : '*';
    const pattern = VALID_KEYS.has(exact) ? exact : VALID_KEYS.has(wildcard) ? wildcard : undefined;
    if (!pattern) {
      errors.push(`configuration key not expected: ${exact}`);
      continue;
    }
    checkKeys(v, pattern, errors);
  }
}

// ---- _FILE secrets (docs configuration/methods/secrets.md) -----------------------------------------------------------

function loadSecretFiles(config: Obj, env: Record<string, string>, files: Record<string, string>, errors: string[]): void {
  for (const key of CONFIG_KEYS.filter((k) => k.secret)) {
    const file = env[key.env];
    if (file === undefined) continue;
    if (get(config, key.path) !== undefined) {
      errors.push(
        `secrets: error loading secret path ${file} into key '${key.path}': it's already defined in other configuration sources`,
      );
      continue;
    }
    const content = files[file];
    if (content === undefined) {
      errors.push(`secrets: error loading secret path ${file} into key '${key.path}': file does not exist`);
      continue;
    }
    setPath(config, key.path, content.replace(/[\r\n]+$/, ''));
  }
}

// ---- session (validator/session.go) ----------------------------------------------------------------------------------

const inScope = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
// A sample of the Public Suffix List's multi-label entries (home.arpa since publicsuffix/list#2220, 2024).
const MULTI_LABEL_PUBLIC_SUFFIXES = new Set(['co.uk', 'org.uk', 'com.au', 'duckdns.org', 'github.io', 'home.arpa']);

function checkCookieDomain(d: string, at: string, errors: string[], warnings: string[]): void {
  if (d === '') return void errors.push(`${at}: option 'domain' is required`);
  if (d.startsWith('*.'))
    return void errors.push(
      `${at}: option 'domain' must be the domain you wish to protect not a wildcard domain but it's configured as '${d}'`,
    );
  if (d.startsWith('.')) warnings.push(`${at}: option 'domain' has a prefix of '.'`);
  if (/^[\d.]+$/.test(d) || /^[0-9a-f:]+$/i.test(d)) return;
  else if (!d.includes('.'))
    return void errors.push(
      `${at}: option 'domain' is not a valid cookie domain: must have at least a single period or be an ip address`,
    );
  else if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d))
    return void errors.push(`${at}: option 'domain' does not appear to be a valid cookie domain or an ip address`);
  if (MULTI_LABEL_PUBLIC_SUFFIXES.has(d.replace(/^\./, '')))
    errors.push(`${at}: option 'domain' is not a valid cookie domain: the domain is part of the special public suffix list`);
}

function parseAbs(v: string): URL | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return undefined;
  try {
    return new URL(v);
  } catch {
    return undefined;
  }
}

function checkCookieUrl(
  cookie: Obj,
  key: 'authelia_url' | 'default_redirection_url',
  at: string,
  errors: string[],
): URL | undefined {
  const raw = str(cookie[key]);
  const url = parseAbs(raw);
  if (!url) errors.push(`${at}: option '${key}' is not absolute with a value of '${raw}'`);
  else if (url.protocol !== 'https:' && url.protocol !== 'wss:')
    errors.push(`${at}: option '${key}' does not have a secure scheme with a value of '${raw}'`);
  const domain = str(cookie.domain);
  if (domain && !(url && inScope(url.hostname, domain.replace(/^\./, '')))) {
    errors.push(`${at}: option '${key}' does not share a cookie scope with domain '${domain}' with a value of '${raw}'`);
  }
  return url;
}

function checkSession(config: Obj, errors: string[], warnings: string[]): void {
  const session = isObj(config.session) ? config.session : {};
  const cookies = Array.isArray(session.cookies) ? session.cookies : [];
  if (cookies.length && config.default_redirection_url !== undefined) {
    errors.push(
      "session: option 'cookies' must be configured with the per cookie option 'default_redirection_url' but the global one is configured which is not supported",
    );
  }
  if (cookies.length === 0) errors.push("session: option 'cookies' is required");
  const seen: string[] = [];
  cookies.forEach((c: unknown, i) => {
    const cookie = isObj(c) ? c : {};
    const domain = str(cookie.domain);
    const at = `session: domain config #${i + 1} (domain '${domain}')`;
    checkCookieDomain(domain, at, errors, warnings);
    if (seen.some((s) => inScope(domain, s) || inScope(s, domain)))
      errors.push(`${at}: option 'domain' shares the same cookie domain scope as another configured session domain`);
    seen.push(domain);
    if (cookie.authelia_url === undefined) {
      if (domain) errors.push(`${at}: option 'authelia_url' is required`);
    }
    const portal = cookie.authelia_url === undefined ? undefined : checkCookieUrl(cookie, 'authelia_url', at, errors);
    if (cookie.default_redirection_url === undefined) return;
    const redirect = checkCookieUrl(cookie, 'default_redirection_url', at, errors);
    const norm = (u: URL) => `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    if (portal && redirect && norm(portal) === norm(redirect)) {
      errors.push(
        `${at}: option 'default_redirection_url' with value '${str(cookie.default_redirection_url)}' is effectively equal to option 'authelia_url' with value '${str(cookie.authelia_url)}' which is not permitted`,
      );
    }
  });
  if (session.redis !== undefined && !str(session.secret))
    errors.push("session: option 'secret' is required when using the 'redis' provider");
}

// ---- storage, notifier, identity validation, authentication backend --------------------------------------------------

function exactlyOne(section: unknown, names: readonly string[]): number {
  return names.filter((n) => isObj(section) && section[n] !== undefined).length;
}

function checkStorage(config: Obj, errors: string[]): void {
  const key = str(get(config, 'storage.encryption_key'));
  if (!key) errors.push("storage: option 'encryption_key' is required");
  else if (key.length < 20) errors.push("storage: option 'encryption_key' must be 20 characters or longer");
  const n = exactlyOne(config.storage, ['local', 'mysql', 'postgres']);
  if (n === 0) errors.push("storage: configuration for a 'local', 'mysql' or 'postgres' database must be provided");
  if (n > 1) errors.push("storage: option 'local', 'mysql' and 'postgres' are mutually exclusive");
  if (get(config, 'storage.local') !== undefined && !str(get(config, 'storage.local.path')))
    errors.push("storage: local: option 'path' is required");
}

function checkNotifier(config: Obj, errors: string[]): void {
  const n = exactlyOne(config.notifier, ['smtp', 'filesystem']);
  if (n !== 1) errors.push("notifier: you must ensure either the 'smtp' or 'filesystem' notifier is configured");
  if (get(config, 'notifier.filesystem') !== undefined && !str(get(config, 'notifier.filesystem.filename')))
    errors.push("notifier: filesystem: option 'filename' is required");
  // validator/notifier.go (v4.39.20): address required with scheme smtp, submission or submissions; sender required.
  const smtp = get(config, 'notifier.smtp');
  if (n === 1 && isObj(smtp)) {
    const address = str(smtp.address);
    if (!address) errors.push("notifier: smtp: option 'address' is required");
    else {
      const scheme = /^([a-z]+):\/\//.exec(address)?.[1] ?? 'smtp';
      if (!['smtp', 'submission', 'submissions'].includes(scheme))
        errors.push(
          `notifier: smtp: option 'address' with value '${address}' is invalid: scheme must be one of 'smtp', 'submission', or 'submissions' but is configured as '${scheme}'`,
        );
    }
    if (!str(smtp.sender)) errors.push("notifier: smtp: option 'sender' is required");
  }
}

// validator/password_policy.go (v4.39.20): one engine at most; zxcvbn min_score 0–4.
function checkPasswordPolicy(config: Obj, errors: string[]): void {
  const standard = get(config, 'password_policy.standard.enabled') === true;
  const zxcvbn = get(config, 'password_policy.zxcvbn.enabled') === true;
  if (standard && zxcvbn) errors.push('password_policy: only a single password policy mechanism can be specified');
  const score = get(config, 'password_policy.zxcvbn.min_score');
  if (zxcvbn && typeof score === 'number' && (score < 0 || score > 4))
    errors.push(
      `password_policy: zxcvbn: option 'min_score' is invalid: must be between 1 and 4 but it's configured as ${score}`,
    );
}

// validator/server.go#L132-L167, #L338-L420 (v4.39.20): implementations and strategy names from const.go.
function checkAuthzEndpoints(config: Obj, errors: string[]): void {
  const authz = get(config, 'server.endpoints.authz');
  if (!isObj(authz)) return;
  const implementations = ['ForwardAuth', 'AuthRequest', 'ExtAuthz', 'Legacy'];
  const strategies = [
    'HeaderAuthorization',
    'HeaderProxyAuthorization',
    'HeaderAuthRequestProxyAuthorization',
    'HeaderLegacy',
    'CookieSession',
  ];
  for (const [name, endpoint] of Object.entries(authz)) {
    if (!isObj(endpoint)) continue;
    const implementation = str(endpoint.implementation);
    if (!implementations.includes(implementation))
      errors.push(
        `server: endpoints: authz: ${name}: option 'implementation' must be one of ${joinOr(implementations)} but it's configured as '${implementation}'`,
      );
    if (!/^[a-zA-Z](([a-zA-Z0-9/._-]*)([a-zA-Z]))?$/.test(name))
      errors.push(`server: endpoints: authz: ${name}: contains invalid characters`);
    const names = asList(endpoint.authn_strategies).map((strategy) => (isObj(strategy) ? str(strategy.name) : ''));
    names.forEach((strategy, i) => {
      if (!strategies.includes(strategy))
        errors.push(
          `server: endpoints: authz: ${name}: authn_strategies: option 'name' must be one of ${joinOr(strategies)} but it's configured as '${strategy}'`,
        );
      if (names.indexOf(strategy) !== i)
        errors.push(
          `server: endpoints: authz: ${name}: authn_strategies: duplicate strategy name detected with name '${strategy}'`,
        );
    });
  }
}

function checkIdentityValidation(config: Obj, errors: string[]): void {
  if (get(config, 'authentication_backend.password_reset.disable') === true) return;
  if (!str(get(config, 'identity_validation.reset_password.jwt_secret'))) {
    errors.push(
      "identity_validation: reset_password: option 'jwt_secret' is required when the reset password functionality isn't disabled",
    );
  }
}

const HASH_ALGORITHMS = ['sha2crypt', 'pbkdf2', 'scrypt', 'bcrypt', 'argon2'];
const ARGON2_VARIANTS = ['argon2id', 'id', 'argon2i', 'i', 'argon2d', 'd'];

function checkAuthenticationBackend(config: Obj, errors: string[]): void {
  const n = exactlyOne(config.authentication_backend, ['file', 'ldap']);
  if (n !== 1)
    return void errors.push(
      "authentication_backend: you must ensure either the 'file' or 'ldap' authentication backend is configured",
    );
  if (get(config, 'authentication_backend.file') === undefined) return;
  if (!str(get(config, 'authentication_backend.file.path')))
    errors.push("authentication_backend: file: option 'path' is required");
  const algorithm = str(get(config, 'authentication_backend.file.password.algorithm')) || 'argon2';
  if (!HASH_ALGORITHMS.includes(algorithm))
    errors.push(`authentication_backend: file: password: option 'algorithm' must be one of ${joinOr(HASH_ALGORITHMS)}`);
  const a = get(config, 'authentication_backend.file.password.argon2');
  if (!isObj(a)) return;
  if (a.variant !== undefined && !ARGON2_VARIANTS.includes(str(a.variant)))
    errors.push(`authentication_backend: file: password: argon2: option 'variant' must be one of ${joinOr(ARGON2_VARIANTS)}`);
  const memory = Number(a.memory ?? 65536);
  const parallelism = Number(a.parallelism ?? 4);
  if (memory < parallelism * 8) {
    errors.push(
      `authentication_backend: file: password: argon2: option 'memory' is configured as '${memory}' but must be greater than or equal to '${parallelism * 8}' or '${parallelism}' (the value of 'parallelism) multiplied by '8'`,
    );
  }
}

const THEMES = ['light', 'dark', 'grey', 'oled', 'auto'];
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];

function checkMisc(config: Obj, errors: string[]): void {
  if (config.theme !== undefined && !THEMES.includes(str(config.theme)))
    errors.push(`option 'theme' must be one of ${joinOr(THEMES)} but it's configured as '${str(config.theme)}'`);
  const level = get(config, 'log.level');
  if (level !== undefined && !LOG_LEVELS.includes(str(level)))
    errors.push(`log: option 'level' must be one of ${joinOr(LOG_LEVELS)} but it's configured as '${str(level)}'`);
  const address = get(config, 'server.address');
  if (address !== undefined && !/^(tcp[46]?:\/\/)?[^/]*:\d+\/?[a-z0-9]*$/i.test(str(address)))
    errors.push(`server: option 'address' with value '${str(address)}' is invalid`);
}

// ---- access_control (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/access_control.go) ---------------------------------------------------

const POLICIES = ['bypass', 'one_factor', 'two_factor', 'deny'];
const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'TRACE',
  'CONNECT',
  'OPTIONS',
  'COPY',
  'LOCK',
  'MKCOL',
  'MOVE',
  'PROPFIND',
  'PROPPATCH',
  'UNLOCK',
];
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function checkRule(rule: Obj, n: number, clientIds: readonly string[], errors: string[], warnings: string[]): void {
  const domains = asList(rule.domain).map(str);
  const d = domains.length ? `#${n} (domain '${domains.join(',')}')` : `#${n}`;
  const at = `access_control: rule ${d}`;
  if (!domains.length && !asList(rule.domain_regex).length)
    errors.push(`${at}: option 'domain' or 'domain_regex' must be present but are both absent`);
  domains.forEach((x, m) => {
    if (x.startsWith('*') && !x.startsWith('*.'))
      warnings.push(
        `access_control: rule #${n}: domain #${m + 1}: domain '${x}' is ineffective and should probably be '*.${x.slice(1)}' instead`,
      );
  });
  const policy = str(rule.policy);
  if (!policy) errors.push(`${at}: option 'policy' must be present but it's absent`);
  else if (!POLICIES.includes(policy))
    errors.push(`${at}: option 'policy' must be one of ${joinOr(POLICIES)} but it's configured as '${policy}'`);
  const subjects = asList(rule.subject)
    .flatMap((s) => asList(s))
    .map(str);
  subjects.forEach((s) => {
    if (!/^(user:|group:|oauth2:client:)/.test(s))
      errors.push(`${at}: 'subject' option '${s}' is invalid: must start with 'user:', 'group:', or 'oauth2:client:'`);
    // access_control.go#L103-L105 and #L199-L211 (v4.39.20): the id must belong to a client under identity_providers.oidc.
    else if (s.startsWith('oauth2:client:') && !clientIds.includes(s.slice('oauth2:client:'.length)))
      errors.push(
        `${at}: option 'subject' with value '${s}' is invalid: the client id '${s.slice('oauth2:client:'.length)}' does not belong to a registered client`,
      );
  });
  const methods = asList(rule.methods).map(str);
  const bad = methods.filter((m) => !METHODS.includes(m));
  if (bad.length)
    errors.push(`${at}: option 'methods' must only have the values ${joinOr(METHODS)} but the values ${joinOr(bad)} are present`);
  const dup = methods.filter((m, i) => methods.indexOf(m) !== i);
  if (dup.length) errors.push(`${at}: option 'methods' must have unique values but the values ${joinOr(dup)} are duplicated`);
  if (policy === 'bypass' && subjects.length)
    errors.push(
      `${at}: 'policy' option 'bypass' is not supported when 'subject' option is configured: see https://www.authelia.com/c/acl#bypass`,
    );
  if (policy === 'bypass' && asList(rule.domain_regex).some((r) => /\(\?P<(User|Group)>/.test(str(r)))) {
    errors.push(
      `${at}: 'policy' option 'bypass' is not supported when 'domain_regex' option contains the user or group named matches. For more information see: https://www.authelia.com/c/acl-match-concept-2`,
    );
  }
}

function checkAccessControl(config: Obj, errors: string[], warnings: string[]): void {
  const ac = isObj(config.access_control) ? config.access_control : {};
  const policy = str(ac.default_policy) || 'deny';
  const rules = asList(ac.rules);
  if (!POLICIES.includes(policy))
    errors.push(`access_control: option 'default_policy' must be one of ${joinOr(POLICIES)} but it's configured as '${policy}'`);
  if (rules.length === 0) {
    if (policy === 'one_factor' || policy === 'two_factor')
      warnings.push(
        `access_control: no rules have been specified so the 'default_policy' of '${policy}' is going to be applied to all requests`,
      );
    else
      errors.push(
        `access_control: 'default_policy' option '${policy}' is invalid: when no rules are specified it must be 'two_factor' or 'one_factor'`,
      );
  }
  const oidc = isObj(config.identity_providers) && isObj(config.identity_providers.oidc) ? config.identity_providers.oidc : {};
  const clientIds = asList(oidc.clients).map((client) => (isObj(client) ? str(client.client_id) : ''));
  rules.forEach((r, i) => checkRule(isObj(r) ? r : {}, i + 1, clientIds, errors, warnings));
}

/**
 * Runs the checks on a parsed configuration.yml. `env` holds container environment variables and `files` the content
 * of files the container would see (for `AUTHELIA_*_FILE`).
 */
export function validateAutheliaConfiguration(
  parsed: unknown,
  env: Record<string, string> = {},
  files: Record<string, string> = {},
): Validation {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isObj(parsed)) return { errors: ['configuration is not a YAML mapping'], warnings };
  const config = structuredClone(parsed);
  checkKeys(config, '', errors);
  loadSecretFiles(config, env, files, errors);
  checkIdentityValidation(config, errors);
  checkAuthenticationBackend(config, errors);
  checkSession(config, errors, warnings);
  checkStorage(config, errors);
  checkNotifier(config, errors);
  checkPasswordPolicy(config, errors);
  checkAuthzEndpoints(config, errors);
  checkAccessControl(config, errors, warnings);
  checkMisc(config, errors);
  return { errors, warnings };
}
