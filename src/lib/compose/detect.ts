/**
 * Secret detection for environment entries: by key name (after detect-secrets/gitleaks keyword lists, with known non-secret
 * forms excluded) and by value shape (token formats, PEM keys, password hashes, credentials in URLs, high entropy).
 */

export type DetectionRule = 'key-name' | 'value-format' | 'url-credentials' | 'entropy';

export interface Detection {
  rule: DetectionRule;
  /** Why the value is treated as a secret, without the value itself. */
  reason: string;
}

/** Key-name patterns, matched case-insensitively anywhere in the key; the matched part is named in the reason. */
const SECRET_KEY_PATTERNS: readonly { pattern: RegExp }[] = [
  { pattern: /PASSWORD|PASSWD|PASSPHRASE|CONTRASE[NÑ]A/i },
  { pattern: /(?:^|[_.-])(?:DB|DATABASE|ROOT|ADMIN|USER|SMTP|MAIL|REDIS|LDAP|KEY|BIND|AUTH)?PASS(?:$|[_.-])/i },
  { pattern: /(?:^|[_.-])(?:DB)?PWD(?:$|[_.-])/i },
  { pattern: /SECRET/i },
  { pattern: /TOKEN/i },
  {
    pattern:
      /API_?KEY|AUTH_?KEY|ACCESS_?KEY|PRIVATE_?KEY|PRIV_?KEY|CLIENT_?KEY|SERVICE_?KEY|ACCOUNT_?KEY|MASTER_?KEY|ENCRYPTION_?KEY|SIGNING_?KEY|LICEN[CS]E_?KEY|SESSION_?KEY|DB_?KEY/i,
  },
  { pattern: /(?:^|[_.-])(?:S|APP|INSTALLATION|SEED)?KEY(?:$|[_.-]SEED$|[_.-]BASE$)/i },
  { pattern: /(?:^|[_.-])(?:HMAC|SALT|PEPPER|JWT|CREDENTIALS?|DSN|COOKIE_?SECRET)(?:$|[_.-])/i },
];

/** Forms that name a secret but do not hold one (paths, identifiers, settings about secrets). */
const NON_SECRET_KEYS: readonly RegExp[] = [
  /_FILE$/i,
  /^(PUID|PGID|UID|GID|TZ|UMASK|USER_ID|GROUP_ID)$/i,
  /(?:^|[_.-])(USER|USERNAME|USER_NAME|LOGIN|HOST|HOSTNAME|PORT|ID|NAME|DB|DATABASE|EMAIL|ADDRESS|DOMAIN)$/i,
  /(?:^|[_.-])(URL|URI|ENDPOINT|ISSUER|AUDIENCE|SCOPES?|PATH|DIR|DIRECTORY|FOLDER|LOCATION)$/i,
  /(?:^|[_.-])(LENGTH|MIN_LENGTH|SIZE|BITS|TTL|EXPIRY|EXPIRATION|EXPIRES|EXPIRES_IN|LIFETIME|LIFESPAN|TIMEOUT|DURATION|INTERVAL)$/i,
  /(?:^|[_.-])(ALGORITHM|ALG|METHOD|TYPE|MODE|POLICY|HEADER|FORMAT|HINTS?|ITERATIONS|ROUNDS|COST|STRENGTH|COMPLEXITY|CHARSET|PROVIDER)$/i,
  /(?:^|[_.-])(ENABLED?|DISABLED?|REQUIRED|ALLOWED|RESET|RANDOM_ROOT_PASSWORD|ALLOW_EMPTY_(ROOT_)?PASSWORD)$/i,
  /(?:^|[_.-])PUBLIC(?:$|[_.-])|PUBLIC_?KEY|PUBKEY/i,
  /(?:^|[_.-])CSRF_?TOKEN$/i,
];

/** Values that configure rather than authenticate. */
const SETTING_VALUES = /^(true|false|yes|no|on|off|y|n|enabled?|disabled?|none|null|0|1|-1)$/i;

export function isNonSecretKey(key: string): boolean {
  return NON_SECRET_KEYS.some((re) => re.test(key));
}

function byKeyName(key: string, value: string): Detection | undefined {
  if (isNonSecretKey(key) || SETTING_VALUES.test(value.trim())) return undefined;
  const hit = SECRET_KEY_PATTERNS.find(({ pattern }) => pattern.test(key));
  return hit ? { rule: 'key-name', reason: `The key name contains "${matchedPart(key, hit.pattern)}".` } : undefined;
}

function matchedPart(key: string, pattern: RegExp): string {
  const m = pattern.exec(key);
  return (m?.[0] ?? key).replace(/^[_.-]|[_.-]$/g, '');
}

/** Token formats that identify a secret on their own (gitleaks rules, password-hash formats). */
const VALUE_FORMATS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY( BLOCK)?-----/, label: 'a PEM private key' },
  { pattern: /^\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}$/, label: 'a bcrypt password hash' },
  { pattern: /^\$argon2(id|i|d)\$/, label: 'an Argon2 password hash' },
  { pattern: /^\$(apr1|1|5|6)\$[^$\s]+\$/, label: 'a crypt/htpasswd password hash' },
  { pattern: /^[^:\s]+:\$(apr1|2[aby]|5|6)\$/, label: 'an htpasswd line' },
  { pattern: /\bghp_[0-9a-zA-Z]{36}\b/, label: 'a GitHub personal access token' },
  { pattern: /\bgithub_pat_\w{82}\b/, label: 'a GitHub fine-grained token' },
  { pattern: /\bgh[osur]_[0-9a-zA-Z]{36}\b/, label: 'a GitHub token' },
  { pattern: /\bglpat-[\w-]{20}\b/, label: 'a GitLab token' },
  { pattern: /\b(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/, label: 'an AWS access key' },
  { pattern: /\bxox[baprs]-[0-9a-zA-Z-]{10,}/, label: 'a Slack token' },
  { pattern: /\b(sk|rk)_(test|live|prod)_[a-zA-Z0-9]{10,99}\b/, label: 'a Stripe key' },
  { pattern: /\bSG\.[a-zA-Z0-9=_\-.]{66}\b/, label: 'a SendGrid key' },
  { pattern: /\bnpm_[a-zA-Z0-9]{36}\b/, label: 'an npm token' },
  { pattern: /\bdop_v1_[a-f0-9]{64}\b/, label: 'a DigitalOcean token' },
  { pattern: /\bsk-ant-api03-[\w-]{80,}/, label: 'an Anthropic key' },
  { pattern: /\bsk-(proj|svcacct|admin)-[\w-]{20,}/, label: 'an OpenAI key' },
  { pattern: /\btskey-(auth|client|api)-[\w-]{10,}/, label: 'a Tailscale key' },
  { pattern: /\bey[a-zA-Z0-9_-]{17,}\.ey[a-zA-Z0-9_-]{17,}\.[a-zA-Z0-9_-]{10,}/, label: 'a JSON Web Token' },
  { pattern: /^[0-9]{5,16}:A[a-zA-Z0-9_-]{34}$/, label: 'a Telegram bot token' },
];

function byValueFormat(value: string): Detection | undefined {
  const hit = VALUE_FORMATS.find(({ pattern }) => pattern.test(value));
  return hit ? { rule: 'value-format', reason: `The value looks like ${hit.label}.` } : undefined;
}

/** `scheme://user:password@host` (or a token before `@`) in a connection string. */
function byUrlCredentials(value: string): Detection | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/\s@]*)@/i.exec(value);
  if (!m) return undefined;
  const userinfo = m[1] ?? '';
  const secret = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : '';
  return secret
    ? { rule: 'url-credentials', reason: 'The value is a URL with a password in it (user:password@host).' }
    : undefined;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...s].length;
  let h = 0;
  for (const c of counts.values()) h -= (c / n) * Math.log2(c / n);
  return h;
}

/** detect-secrets thresholds: base64-like ≥ 4.5 bits/char, hex ≥ 3.0 (with its all-digit penalty); 20+ characters. */
function byEntropy(value: string): Detection | undefined {
  if (value.length < 20 || /^[a-zA-Z_.-]+$/.test(value) || /^\d+$/.test(value)) return undefined;
  const h = shannonEntropy(value);
  if (/^[0-9a-f]+$/i.test(value) && value.length >= 32) {
    const penalty = /^\d+$/.test(value) ? 1.2 / Math.log2(value.length) : 0;
    if (h - penalty >= 3)
      return { rule: 'entropy', reason: `The value is a long random-looking hex string (${h.toFixed(1)} bits per character).` };
    return undefined;
  }
  if (/^[A-Za-z0-9+/=_-]+$/.test(value) && h >= 4.5) {
    return { rule: 'entropy', reason: `The value is a long random-looking string (${h.toFixed(1)} bits per character).` };
  }
  return undefined;
}

/**
 * Why an environment entry holds a secret, or undefined. Key exclusions (`*_FILE`, `PUID`, `*_USER`, `*_URL`…) stop key-name
 * and entropy detection; token formats, hashes and URL credentials count whatever the key.
 */
export function detectSecret(key: string, value: string): Detection | undefined {
  if (value === '' || /^\/run\/secrets\//.test(value) || /_FILE$/i.test(key)) return undefined;
  return (
    byValueFormat(value) ??
    byUrlCredentials(value) ??
    byKeyName(key, value) ??
    (isNonSecretKey(key) ? undefined : byEntropy(value))
  );
}
