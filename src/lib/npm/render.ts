import { AUTHZ_LOCATION, type Upstream } from './validate';

/** What one proxy host's Advanced text must contain, after validation. */
export interface HostPlan {
  hostname: string;
  /** portal: Authelia itself; protected: whole host; paths: only `paths`; plain: nothing to add. */
  role: 'portal' | 'protected' | 'paths' | 'plain';
  websockets: boolean;
  /** Validated extra protected paths (never `/`). */
  paths: string[];
  securityHeaders: boolean;
  /** Re-add HSTS in locations that add headers (the SSL tab's HSTS is on). */
  hsts: boolean;
  hstsSubdomains: boolean;
  /** Refuse other letter cases of the protected paths (paths-only hosts). */
  caseInsensitive: boolean;
}

/** Authelia's AuthRequest endpoint (Authelia 4.38+). */
export const AUTHZ_ENDPOINT = '/api/authz/auth-request';

const INDENT = '    ';

/** The internal subrequest location (Authelia's authelia-location.conf, inlined). */
const AUTHZ_LOCATION_BODY: readonly string[] = [
  '# Only nginx itself may call this location: from outside it answers 404.',
  'internal;',
  '# The subrequest itself is not checked again.',
  'auth_request off;',
  'proxy_pass $upstream_authelia;',
  '# Authelia needs both to judge the request (missing either: 400, and the visitor gets 500).',
  'proxy_set_header X-Original-Method $request_method;',
  'proxy_set_header X-Original-URL $scheme://$host$request_uri;',
  '# Overwrite, never append: a client cannot choose the address Authelia sees.',
  'proxy_set_header X-Forwarded-For $remote_addr;',
  '# The subrequest carries no body (uploads still reach the app).',
  'proxy_pass_request_body off;',
  'proxy_set_header Content-Length "";',
  'proxy_set_header Connection "";',
  'proxy_http_version 1.1;',
  'proxy_next_upstream error timeout invalid_header http_500 http_502 http_503;',
  'proxy_buffers 4 32k;',
  'client_body_buffer_size 128k;',
];

/** Identity headers Authelia returns on 200: [variable, header]. */
const IDENTITY: readonly (readonly [string, string])[] = [
  ['authelia_user', 'Remote-User'],
  ['authelia_groups', 'Remote-Groups'],
  ['authelia_name', 'Remote-Name'],
  ['authelia_email', 'Remote-Email'],
];

const upstreamVar = (header: string) => `$upstream_http_${header.toLowerCase().replace(/-/g, '_')}`;

/** Ask Authelia for every request of the block the lines sit in; 401 becomes a redirect to the portal. */
function authLines(scope: 'server' | 'location'): string[] {
  const intro =
    scope === 'server'
      ? [
          "# Ask Authelia before every location of this host, NPM's own included (Cache Assets, Custom Locations):",
          "# 2xx lets the request through, 401/403 stop it. NPM's Let's Encrypt location turns it off, so renewals work.",
        ]
      : ['# Ask Authelia first: 2xx lets the request through, 401/403 stop it.'];
  return [
    ...intro,
    `auth_request ${AUTHZ_LOCATION};`,
    ...IDENTITY.map(([v, h]) => `auth_request_set $${v} ${upstreamVar(h)};`),
    '# Not logged in: Authelia answers 401 with the portal address (rd = this URL) in Location. Send the browser there.',
    'auth_request_set $authelia_redirect $upstream_http_location;',
    'error_page 401 =302 $authelia_redirect;',
  ];
}

/** Pass who logged in to the app; setting them replaces any Remote-* header in this location. */
function identityLines(): string[] {
  return ['# Pass who logged in to the app.', ...IDENTITY.map(([v, h]) => `proxy_set_header ${h} $${v};`)];
}

/** The Remote-* request headers a client must never send: refused at server level, before any location runs. */
export const FORGED_HEADERS = IDENTITY.map(([, h]) => h);

/**
 * One `if` over the four `$http_remote_*` variables, in the server rewrite phase, so it runs before any location (NPM's
 * asset and Custom Locations included). NPM's OpenResty 1.27 joins repeated headers in `$http_*` (nginx 1.23.0,
 * https://github.com/nginx/nginx/commit/7dc6f4e25, `ngx_http_variable_unknown_header` in
 * https://github.com/nginx/nginx/blob/release-1.27.1/src/http/ngx_http_variables.c#L925), so an empty first copy cannot
 * hide a second one; on nginx 1.22 only the first copy is seen. A header sent with an empty value is not refused: it
 * names no one.
 */
function forgedLines(): string[] {
  return [
    '# A request that brings its own Remote-User, Remote-Groups, Remote-Name or Remote-Email header is refused (400)',
    "# before any location runs, so no location of this host (NPM's included) can pass a made-up identity to an app.",
    `set $authelia_forged "${FORGED_HEADERS.map((h) => `$http_${h.toLowerCase().replace(/-/g, '_')}`).join('')}";`,
    'if ($authelia_forged != "") {',
    `${INDENT}return 400;`,
    '}',
  ];
}

/** Authelia's proxy.conf headers; NPM's own proxy.conf is not used inside the snippet's locations. */
const PROXY_HEADERS: readonly string[] = [
  'proxy_set_header Host $host;',
  'proxy_set_header X-Forwarded-Proto $scheme;',
  'proxy_set_header X-Forwarded-Host $host;',
  'proxy_set_header X-Forwarded-URI $request_uri;',
  'proxy_set_header X-Forwarded-For $remote_addr;',
  'proxy_set_header X-Real-IP $remote_addr;',
  'proxy_http_version 1.1;',
];

const WEBSOCKET_LINES: readonly string[] = [
  "# WebSockets (the Details tab's toggle does not reach this location).",
  'proxy_set_header Upgrade $http_upgrade;',
  'proxy_set_header Connection $http_connection;',
];

const SECURITY_HEADERS: readonly string[] = [
  'add_header X-Content-Type-Options "nosniff" always;',
  'add_header X-Frame-Options "SAMEORIGIN" always;',
  'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
];

/**
 * NPM's HSTS value, spelled as NPM 2.15.1 renders `_hsts_map.conf` with liquidjs: the `-%}` after the
 * `if hsts_subdomains` tag trims the space before `includeSubDomains;`
 * (https://github.com/NginxProxyManager/nginx-proxy-manager/blob/v2.15.1/backend/templates/_hsts_map.conf#L2).
 */
export function hstsValue(subdomains: boolean): string {
  return `max-age=63072000;${subdomains ? 'includeSubDomains;' : ''} preload`;
}

function headerLines(plan: HostPlan): string[] {
  if (!plan.securityHeaders) return [];
  const lines = ['# Response headers. Any add_header here hides the ones NPM sets at server level.', ...SECURITY_HEADERS];
  if (plan.hsts) {
    lines.push("# So HSTS from the SSL tab is repeated here, with NPM's value.");
    lines.push(`add_header Strict-Transport-Security "${hstsValue(plan.hstsSubdomains)}" always;`);
  }
  return lines;
}

function block(head: string, body: readonly string[]): string[] {
  return [`${head} {`, ...body.map((l) => (l === '' ? '' : INDENT + l)), '}'];
}

function proxyBody(plan: HostPlan, guarded: 'none' | 'here' | 'server'): string[] {
  return [
    ...(guarded === 'here' ? [...authLines('location'), ''] : []),
    ...(guarded === 'none' ? [] : [...identityLines(), '']),
    ...PROXY_HEADERS,
    ...(plan.websockets ? WEBSOCKET_LINES : []),
    ...headerLines(plan),
    '# The app from the Details tab (Scheme, Forward Hostname / IP, Forward Port), the URL passed unchanged.',
    'proxy_pass $forward_scheme://$server:$port;',
  ];
}

function authelia(upstream: Upstream): string[] {
  return [
    "# Authelia's address is kept in a variable, so nginx looks the name up per request (through the resolver NPM",
    "# writes from the container's /etc/resolv.conf) and a stopped Authelia container cannot keep NPM from loading.",
    '# Outside NPM, add a resolver directive naming your DNS server, or requests fail with 500.',
    `set $upstream_authelia ${upstream.scheme}://${upstream.authority}${AUTHZ_ENDPOINT};`,
    '',
    ...block(`location ${AUTHZ_LOCATION}`, AUTHZ_LOCATION_BODY),
  ];
}

function header(plan: HostPlan): string[] {
  const what: Record<HostPlan['role'], string[]> = {
    portal: ['The Authelia portal itself: no auth_request here, protecting the portal with itself would loop.'],
    protected: [
      "Authelia checks every request to this host, in every location, NPM's Cache Assets and Custom Locations",
      "included. Only NPM's Let's Encrypt challenge path and the internal Authelia location below are exempt.",
    ],
    paths: ['Authelia checks only the paths listed below. The rest of this host is public and served by NPM as usual.'],
    plain: ['Not protected by Authelia.'],
  };
  return [
    `# Nginx Proxy Manager, proxy host ${plan.hostname}, tab Advanced (Custom Nginx Configuration).`,
    ...what[plan.role].map((l) => `# ${l}`),
  ];
}

/** A regular expression (for nginx `if`) matching the paths as locations do: the path itself and anything below it. */
function pathsRegex(paths: readonly string[]): string {
  const escaped = paths.map((p) => p.replace(/[.+()*?[\]{}^$|\\]/g, (c) => `\\${c}`));
  return `^(?:${escaped.join('|')})`;
}

/** Refuses other letter cases of the protected paths (`/ADMIN` when `/admin` is protected) at server level. */
function caseLines(plan: HostPlan): string[] {
  if (!plan.caseInsensitive || plan.paths.length === 0) return [];
  const regex = pathsRegex(plan.paths);
  return [
    '# The app ignores letter case but nginx does not: a protected path spelled in other letter case would miss its',
    '# location below and reach the app unchecked, so such requests are refused (404) in every location.',
    'set $authelia_case "";',
    `if ($uri ~* "${regex}") {`,
    `${INDENT}set $authelia_case "other";`,
    '}',
    `if ($uri ~ "${regex}") {`,
    `${INDENT}set $authelia_case "";`,
    '}',
    'if ($authelia_case = "other") {',
    `${INDENT}return 404;`,
    '}',
  ];
}

function pathBlocks(plan: HostPlan, guarded: 'here' | 'server'): string[] {
  return plan.paths.flatMap((p) => [
    '',
    '# ^~ keeps regex locations (such as Cache Assets) from taking requests under this path.',
    ...block(`location ^~ ${p}`, proxyBody(plan, guarded)),
  ]);
}

/** The exact text for the host's Advanced tab. `upstream` is required for protected and paths roles. */
export function renderAdvanced(plan: HostPlan, upstream: Upstream | undefined, realIp: readonly string[] = []): string {
  const lines = header(plan);
  const serverLevel = [...(realIp.length > 0 ? ['', ...realIp] : []), '', ...forgedLines()];
  if (plan.role === 'plain') {
    lines.push(
      '# Nothing else is needed: the Details, SSL and Access List settings apply as usual. The lines below only keep',
      '# made-up identity headers away from the app.',
      ...serverLevel,
    );
  } else if (plan.role === 'portal') {
    lines.push(...serverLevel, '', ...block('location /', proxyBody(plan, 'none')));
  } else if (!upstream) {
    lines.push('# Fix the Authelia upstream field first: without it this host cannot be protected.');
  } else if (plan.role === 'protected') {
    lines.push(...serverLevel, '', ...authLines('server'), '', ...authelia(upstream));
    lines.push('', ...block('location /', proxyBody(plan, 'server')), ...pathBlocks(plan, 'server'));
  } else {
    const cases = caseLines(plan);
    lines.push(...serverLevel, ...(cases.length > 0 ? ['', ...cases] : []), '', ...authelia(upstream));
    lines.push(...pathBlocks(plan, 'here'));
  }
  return `${lines.join('\n')}\n`;
}
