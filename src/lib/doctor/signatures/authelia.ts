/**
 * Authelia's messages. Texts as Authelia 4.3x/4.39 logs them; the project's own explanation of each is in
 * src/content/docs/authelia-troubleshooting.mdx, which the findings link to.
 */
import type { Signature } from '../types';

const TROUBLE = '/guides/authelia-troubleshooting/';
const SETUP = '/guides/authelia-setup/';
const RESTART = {
  text: 'Restart Authelia and read its log again.',
  command: 'docker compose restart authelia && docker compose logs --tail 50 authelia',
};

export const AUTHELIA_SIGNATURES: readonly Signature[] = [
  {
    id: 'authelia-user-state',
    tool: 'authelia',
    title: 'Portal: "There was an issue retrieving the current user state"',
    needle: 'the current user state',
    // The portal has said both "fetching" (LoginPortal.tsx at authelia/authelia@00507f7) and "retrieving" (as readers quote it).
    pattern: /There was an issue (?:retrieving|fetching) the current user state/i,
    specificity: 50,
    cause:
      'The login page asked Authelia for your session and got no usable answer. Authelia chooses the session cookie by the address the page was opened at; when that address is not under any session.cookies[].domain (the portal was opened under another name than authelia_url, or a proxy passes a different host name), the lookup fails.',
    fix: [
      { text: 'Open the portal only at its authelia_url, and make sure that host sits under the cookie domain.' },
      { text: "Look for the matching line in Authelia's log.", command: 'docker compose logs authelia | grep -i "session"' },
    ],
    guide: `${TROUBLE}#there-was-an-issue-retrieving-the-current-user-state`,
    builder: { builder: 'authelia-setup', field: 'autheliaUrl' },
  },
  {
    id: 'authelia-encryption-key',
    tool: 'authelia',
    title: 'Storage encryption key does not fit the database',
    needle: 'encryption key',
    pattern:
      /(?:configured encryption key does not appear to be valid for this database|encryption key is not valid against the schema check value)/i,
    specificity: 60,
    cause:
      'The storage encryption key Authelia was started with is not the one the database was encrypted with: the key file was regenerated, a restore brought back the database without its key, or fresh inline secrets were pasted over a running install. Authelia stops, and nginx answers 502 for every protected host meanwhile.',
    fix: [
      { text: 'If you still have the old key, put it back in the secret file and start again.' },
      {
        text: 'To move to a new key, stop Authelia and let its CLI re-encrypt the database (it prompts for the new key).',
        command:
          'docker compose stop authelia && docker compose run --rm authelia authelia storage encryption change-key --config /config/configuration.yml',
      },
      { text: 'If the old key is lost, move db.sqlite3 aside and start fresh; everyone registers their second factor again.' },
    ],
    guide: `${TROUBLE}#the-configured-encryption-key-does-not-appear-to-be-valid-for-this-database`,
    builder: { builder: 'authelia-setup', field: 'secretsMode' },
  },
  {
    id: 'authelia-session-domain-deprecated',
    tool: 'authelia',
    title: "4.38: session option 'domain' is deprecated",
    needle: "option 'domain' is deprecated",
    pattern: /session: option 'domain' is deprecated in v?4\.38/i,
    specificity: 40,
    cause:
      'The configuration still uses the single session.domain key from 4.37 and older. Authelia maps it for you, but the mapped entry has no authelia_url, which the nginx auth-request endpoint needs, so protected hosts answer 400/500 instead of redirecting to the portal.',
    fix: [
      {
        text: 'Delete session.domain and write one entry under session.cookies with domain, authelia_url and, if you want, default_redirection_url.',
      },
      RESTART,
    ],
    guide: `${TROUBLE}#the-session-domain`,
    builder: { builder: 'authelia-setup', field: 'domain' },
  },
  {
    id: 'authelia-global-default-redirection-url',
    tool: 'authelia',
    title: "4.38: global 'default_redirection_url' next to session cookies",
    needle: 'default_redirection_url',
    pattern:
      /option 'cookies' must be configured with the per cookie option 'default_redirection_url' but the global one is configured/i,
    specificity: 45,
    cause:
      'A top-level default_redirection_url is left over next to the new session.cookies list; Authelia refuses to start with both.',
    fix: [
      {
        text: 'Delete the top-level key and set default_redirection_url inside the cookie entry (https, under the cookie domain, not the portal itself).',
      },
      RESTART,
    ],
    guide: `${TROUBLE}#the-global-default_redirection_url`,
    builder: { builder: 'authelia-setup', field: 'defaultRedirectionUrl' },
  },
  {
    id: 'authelia-jwt-secret-deprecated',
    tool: 'authelia',
    title: "4.38: configuration key 'jwt_secret' is deprecated",
    needle: "'jwt_secret' is deprecated",
    pattern: /configuration key 'jwt_secret' is deprecated/i,
    specificity: 40,
    cause:
      'The top-level jwt_secret from older guides still works through an automatic mapping that is likely to be removed in 5.0.',
    fix: [
      {
        text: 'Move the value to identity_validation.reset_password.jwt_secret (with secret files: AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET_FILE).',
      },
      RESTART,
    ],
    guide: `${TROUBLE}#the-jwt-secret`,
    builder: { builder: 'authelia-setup', field: 'secretsMode' },
  },
  {
    id: 'authelia-server-host-deprecated',
    tool: 'authelia',
    title: "4.38: 'server.host' and 'server.port' are deprecated",
    needle: "'server.host'",
    pattern: /configuration keys? 'server\.host', 'server\.port',? and 'server\.path' are deprecated/i,
    specificity: 40,
    cause:
      'Authelia 4.38 replaced server.host, server.port and server.path with one server.address. The old keys are mapped for now.',
    fix: [
      { text: "Replace them with server: { address: 'tcp://:9091/' } (add the path if you serve Authelia under one)." },
      RESTART,
    ],
    guide: `${TROUBLE}#messages-from-the-438-key-changes`,
    builder: { builder: 'authelia-setup', field: 'domain' },
  },
  {
    id: 'authelia-insecure-scheme',
    tool: 'authelia',
    title: 'Target URL uses plain http',
    needle: 'secure',
    pattern: /(?:Scheme of target URL \S{1,300} must be secure|has an insecure scheme '?http'?)/i,
    specificity: 45,
    cause:
      "Authelia's session cookie is Secure, so it only judges requests that arrived over https. The app was reached over plain http, or the proxy did not pass X-Forwarded-Proto https.",
    fix: [
      { text: 'Turn on Force SSL with the wildcard certificate for the proxy host, and reach the app by https.' },
      { text: 'Keep the X-Forwarded-Proto line from the snippet in the Advanced tab.' },
    ],
    guide: `${TROUBLE}#auth-request-unexpected-status-400`,
    builder: { builder: 'npm', field: 'hosts[0].hostname' },
  },
  {
    id: 'authelia-portal-cookie-scope',
    tool: 'authelia',
    title: 'Portal URL cannot write cookies for the domain',
    needle: 'able to write cookies',
    pattern: /Portal URL '[^']{0,300}' does not appear to be able to write cookies for the '[^']{0,300}' domain/i,
    specificity: 45,
    cause:
      "The portal's address is not under the session cookie domain, so the cookie Authelia sets after login would never reach your apps.",
    fix: [
      {
        text: 'Put the portal on a name under the cookie domain (auth.example.com for example.com), without a leading dot in the domain.',
      },
    ],
    guide: `${TROUBLE}#there-was-an-issue-retrieving-the-current-user-state`,
    builder: { builder: 'authelia-setup', field: 'domain' },
  },
  {
    id: 'authelia-redirect-loop',
    tool: 'authelia',
    title: 'Redirect loop: "too many redirects" behind Authelia',
    needle: 'redirect',
    pattern: /(?:\bERR_TOO?_MANY_REDIRECTS\b|(?:^|[^\w])TOO_MANY_REDIRECTS\b|redirected you too many times)/,
    specificity: 40,
    cause:
      "The browser went round in circles between the app and the portal. With forward-auth there are two usual causes: the auth snippet was also put on the portal's own proxy host, so the login page asks for a login; or the app's name is not under session.cookies[].domain, so the session cookie set at login never reaches the app and it sends you back to the portal.",
    fix: [
      { text: "Remove the auth snippet from the portal's proxy host: it gets only the plain location / block." },
      { text: 'Check that every protected host ends in the cookie domain (app.example.com for example.com).' },
      {
        text: "Watch Authelia's decisions while you reload the page once.",
        command: 'docker compose logs -f authelia | grep -i "check authorization"',
      },
    ],
    guide: `${TROUBLE}#read-the-logs-then-the-symptom`,
    builder: { builder: 'npm', field: 'portalUrl' },
  },
  {
    id: 'authelia-session-cookie-rejected',
    tool: 'authelia',
    title: 'Browser: the authelia_session cookie was rejected for its domain',
    needle: 'authelia_session',
    pattern: /Cookie [“"']?authelia_session[”"']? has been rejected for invalid domain/,
    specificity: 50,
    cause:
      "Authelia set its session cookie for a domain the page's address is not part of, so the browser drops it. After a successful login you land on the portal again: the cookie that proves the login never arrives.",
    fix: [
      {
        text: 'Set session.cookies[].domain to the domain your apps and the portal share (example.com for auth.example.com and app.example.com), without a leading dot, and open the portal at its authelia_url.',
      },
      RESTART,
    ],
    guide: `${TROUBLE}#read-the-logs-then-the-symptom`,
    builder: { builder: 'authelia-setup', field: 'domain' },
  },
  {
    id: 'authelia-yaml-load-error',
    tool: 'authelia',
    title: 'configuration.yml is not valid YAML',
    needle: 'failed to load configuration from file',
    pattern: /failed to load configuration from file path\([^)]{0,300}\) source: yaml: /i,
    specificity: 50,
    cause:
      'Authelia could not read configuration.yml as YAML: usually a tab instead of spaces, a key indented one level off, a key written twice, or a value with a colon that needs quotes. The line number in the message is the place to look.',
    fix: [
      {
        text: 'Open the file at the line the message names; indent with spaces only and quote values that contain ": " or start with a special character.',
      },
      {
        text: 'Let Authelia check the file before starting it.',
        command: 'docker compose run --rm authelia authelia config validate --config /config/configuration.yml',
      },
    ],
    guide: `${SETUP}#write-configurationyml`,
    builder: { builder: 'authelia-setup', field: 'domain' },
  },
  {
    id: 'authelia-storage-encryption-key-required',
    tool: 'authelia',
    title: "storage: option 'encryption_key' is required",
    needle: "'encryption_key'",
    pattern:
      /storage: (?:option )?'encryption_key' (?:option |configuration option )?(?:must is required|is required|must be provided)/i,
    specificity: 45,
    cause:
      'Authelia found no storage encryption key. With secret files the variable AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE points at a missing or unreadable file, or the compose file does not pass it.',
    fix: [
      {
        text: 'Create the secret files once, then check the container sees the variable.',
        command: 'docker compose exec authelia env | grep _FILE',
      },
    ],
    guide: `${SETUP}#generate-the-secrets`,
    builder: { builder: 'authelia-setup', field: 'secretsMode' },
  },
  {
    id: 'authelia-default-policy-deny-no-rules',
    tool: 'authelia',
    title: "access_control: 'deny' without any rule",
    needle: "'default_policy' option 'deny' is invalid",
    pattern: /'default_policy' option 'deny' is invalid: when no rules are specified/i,
    specificity: 45,
    cause:
      'access_control has default_policy deny but no rules, which would lock everyone out of everything; Authelia refuses it.',
    fix: [{ text: 'Add at least one rule (for example your domain with two_factor), or set default_policy to two_factor.' }],
    guide: '/guides/authelia-forward-auth/#rules-first-match-wins',
    builder: { builder: 'access', field: 'default_policy' },
  },
  {
    id: 'authelia-session-cookies-required',
    tool: 'authelia',
    title: "session: option 'cookies' is required",
    needle: "option 'cookies' is required",
    pattern: /session: option 'cookies' is required/i,
    specificity: 45,
    cause:
      'The configuration has no session.cookies list (or it failed to load), so Authelia has no domain to issue its session cookie for.',
    fix: [{ text: 'Add a session.cookies entry with domain and authelia_url.' }, RESTART],
    guide: `${TROUBLE}#the-session-domain`,
    builder: { builder: 'authelia-setup', field: 'domain' },
  },
  {
    id: 'authelia-invalid-key-replaced',
    tool: 'authelia',
    title: 'A configuration key was renamed',
    needle: 'invalid configuration key',
    pattern: /invalid configuration key '[^']{1,120}' was replaced by '[^']{1,120}'/i,
    specificity: 40,
    cause: 'The file uses a key name from an old Authelia release; the message names its replacement.',
    fix: [
      {
        text: 'Rename each key as the message says, then validate the file.',
        command: 'docker compose run --rm authelia authelia config validate --config /config/configuration.yml',
      },
    ],
    guide: `${TROUBLE}#messages-from-the-438-key-changes`,
    builder: { builder: 'authelia-setup', field: 'domain' },
  },
  {
    id: 'authelia-users-database-parse',
    tool: 'authelia',
    title: 'users_database.yml is not valid YAML',
    needle: 'unable to parse database',
    pattern: /Unable to parse database: yaml: /i,
    specificity: 50,
    cause: 'The users file could not be read as YAML, usually indentation or an unquoted password hash.',
    fix: [{ text: 'Indent each user with spaces and keep every hash in single quotes.' }],
    guide: `${SETUP}#create-users`,
    builder: { builder: 'authelia-setup', field: 'users[0].username' },
  },
];
