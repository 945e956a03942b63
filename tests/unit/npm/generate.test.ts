import { describe, expect, it } from 'vitest';
import {
  AUTHZ_ENDPOINT,
  AUTHZ_LOCATION,
  CHECKLIST_FILE,
  defaultNpmHost,
  defaultNpmOptions,
  generateNpmSnippets,
  type NpmHost,
  type NpmOptions,
} from '../../../src/lib/npm';

/** NPM 2.15's check for an Advanced-tab `location /` (https://github.com/NginxProxyManager/nginx-proxy-manager/blob/v2.15.1/backend/internal/nginx.js, generateConfig()). */
const NPM_DEFAULT_LOCATION_RE = /^(?:.*;)?\s*?location\s*?\/\s*?{/im;

const base: NpmOptions = { autheliaUpstream: 'http://authelia:9091', portalUrl: 'https://auth.example.com', hosts: [] };

function gen(host: Partial<NpmHost>, extra: Partial<NpmOptions> = {}) {
  return generateNpmSnippets({
    ...base,
    ...extra,
    hosts: [{ hostname: 'app.example.com', protected: true, websockets: false, paths: [], ...host }],
  });
}

function text(result: ReturnType<typeof generateNpmSnippets>, name = 'app.example.com'): string {
  const file = result.files.find((f) => f.name === `${name}.advanced.conf`);
  if (!file) throw new Error(`missing ${name}`);
  return file.content;
}

/** The directive lines (comments and blank lines removed), trimmed. */
function directives(snippet: string): string[] {
  return snippet
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The body of the block that starts with `head {`. */
function blockBody(snippet: string, head: string): string[] {
  const lines = directives(snippet);
  const start = lines.indexOf(`${head} {`);
  if (start < 0) throw new Error(`no block ${head}`);
  const end = lines.indexOf('}', start);
  return lines.slice(start + 1, end);
}

describe('defaults', () => {
  it('defaultNpmOptions: portal https://auth.example.com, upstream http://authelia:9091, the portal and two protected apps', () => {
    expect(defaultNpmOptions.portalUrl).toBe('https://auth.example.com');
    expect(defaultNpmOptions.autheliaUpstream).toBe('http://authelia:9091');
    expect(defaultNpmOptions.hosts.filter((h) => h.protected)).toHaveLength(2);
    expect(defaultNpmOptions.hosts.some((h) => h.hostname === 'auth.example.com' && !h.protected)).toBe(true);
  });

  it('the default example generates without errors or warnings: portal file first, then the apps, then the checklist', () => {
    const result = generateNpmSnippets(defaultNpmOptions);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(result.files.map((f) => [f.name, f.language])).toEqual([
      ['auth.example.com.advanced.conf', 'nginx'],
      ['nextcloud.example.com.advanced.conf', 'nginx'],
      ['grafana.example.com.advanced.conf', 'nginx'],
      [CHECKLIST_FILE, 'markdown'],
    ]);
  });

  it('defaultNpmHost gives a protected host with every NPM toggle off', () => {
    expect(defaultNpmHost('x.example.com')).toMatchObject({
      hostname: 'x.example.com',
      protected: true,
      websockets: false,
      paths: [],
      cacheAssets: false,
      accessList: false,
    });
  });

  it('the portal gets a file even when it is not listed in hosts', () => {
    const result = generateNpmSnippets({ ...base, hosts: [] });
    expect(result.files.map((f) => f.name)).toEqual(['auth.example.com.advanced.conf', CHECKLIST_FILE]);
  });
});

describe('protected host snippet', () => {
  const snippet = text(gen({}));

  it('keeps the Authelia AuthRequest URL in a variable at server level', () => {
    expect(directives(snippet)).toContain(`set $upstream_authelia http://authelia:9091${AUTHZ_ENDPOINT};`);
    expect(AUTHZ_ENDPOINT).toBe('/api/authz/auth-request');
  });

  it('refuses any request that brings its own Remote-User / -Groups / -Name / -Email, at server level before the auth lines', () => {
    const lines = directives(snippet);
    const forged = 'set $authelia_forged "$http_remote_user$http_remote_groups$http_remote_name$http_remote_email";';
    expect(lines.slice(0, 4)).toEqual([forged, 'if ($authelia_forged != "") {', 'return 400;', '}']);
    expect(lines.indexOf(`auth_request ${AUTHZ_LOCATION};`)).toBeGreaterThan(3);
  });

  it('the internal auth location: internal, no body, X-Original-Method / X-Original-URL from $host, X-Forwarded-For overwritten', () => {
    const body = blockBody(snippet, `location ${AUTHZ_LOCATION}`);
    expect(body).toEqual(
      expect.arrayContaining([
        'internal;',
        'proxy_pass $upstream_authelia;',
        'proxy_set_header X-Original-Method $request_method;',
        'proxy_set_header X-Original-URL $scheme://$host$request_uri;',
        'proxy_set_header X-Forwarded-For $remote_addr;',
        'proxy_pass_request_body off;',
        'proxy_set_header Content-Length "";',
      ]),
    );
    expect(body.join('\n')).not.toContain('$http_host');
  });

  it('asks Authelia at server level (every location), turns 401 into a 302 to the Location Authelia returns; location / passes the four Remote-* headers', () => {
    const lines = directives(snippet);
    const serverLevel = lines.slice(0, lines.indexOf(`location ${AUTHZ_LOCATION} {`));
    expect(serverLevel).toEqual(
      expect.arrayContaining([
        `auth_request ${AUTHZ_LOCATION};`,
        'auth_request_set $authelia_user $upstream_http_remote_user;',
        'auth_request_set $authelia_groups $upstream_http_remote_groups;',
        'auth_request_set $authelia_name $upstream_http_remote_name;',
        'auth_request_set $authelia_email $upstream_http_remote_email;',
        'auth_request_set $authelia_redirect $upstream_http_location;',
        'error_page 401 =302 $authelia_redirect;',
      ]),
    );
    expect(blockBody(snippet, `location ${AUTHZ_LOCATION}`)).toContain('auth_request off;');
    const body = blockBody(snippet, 'location /');
    expect(body.some((l) => l.startsWith('auth_request'))).toBe(false);
    expect(body).toEqual(
      expect.arrayContaining([
        'proxy_set_header Remote-User $authelia_user;',
        'proxy_set_header Remote-Groups $authelia_groups;',
        'proxy_set_header Remote-Name $authelia_name;',
        'proxy_set_header Remote-Email $authelia_email;',
        'proxy_set_header Host $host;',
        'proxy_set_header X-Forwarded-Proto $scheme;',
        'proxy_set_header X-Forwarded-Host $host;',
        'proxy_set_header X-Forwarded-URI $request_uri;',
        'proxy_set_header X-Real-IP $remote_addr;',
      ]),
    );
    expect(body.at(-1)).toBe('proxy_pass $forward_scheme://$server:$port;');
  });

  it("matches NPM's default-location regex, so NPM drops its own location /", () => {
    expect(NPM_DEFAULT_LOCATION_RE.test(snippet)).toBe(true);
  });

  it('has no server wrapper, no http2, no ^~ /, no server-level proxy_http_version / client_max_body_size (NPM may set those)', () => {
    const topLevel = directives(snippet).filter((l, i, all) => {
      const depth = all.slice(0, i).reduce((d, x) => d + (x.endsWith('{') ? 1 : 0) - (x === '}' ? 1 : 0), 0);
      return depth === 0;
    });
    expect(topLevel.filter((l) => !l.startsWith('location ') && l !== '}')).toEqual([
      'set $authelia_forged "$http_remote_user$http_remote_groups$http_remote_name$http_remote_email";',
      'if ($authelia_forged != "") {',
      `auth_request ${AUTHZ_LOCATION};`,
      'auth_request_set $authelia_user $upstream_http_remote_user;',
      'auth_request_set $authelia_groups $upstream_http_remote_groups;',
      'auth_request_set $authelia_name $upstream_http_remote_name;',
      'auth_request_set $authelia_email $upstream_http_remote_email;',
      'auth_request_set $authelia_redirect $upstream_http_location;',
      'error_page 401 =302 $authelia_redirect;',
      `set $upstream_authelia http://authelia:9091${AUTHZ_ENDPOINT};`,
    ]);
    expect(snippet).not.toMatch(/^\s*(server|http2)\b/m);
    expect(snippet).not.toContain('location ^~ / ');
  });

  it('no comment contains a semicolon (NPM\'s regex would read "...; location / {" in a comment as a location)', () => {
    for (const f of generateNpmSnippets({
      ...defaultNpmOptions,
      hosts: [
        ...defaultNpmOptions.hosts,
        { hostname: 'p.example.com', protected: false, websockets: true, paths: ['/a'], securityHeaders: true, hsts: true },
      ],
    }).files) {
      if (f.language !== 'nginx') continue;
      const comments = f.content.split('\n').filter((l) => l.trim().startsWith('#'));
      expect(comments.filter((l) => l.includes(';'))).toEqual([]);
    }
  });

  it('uses the https scheme and any port of the upstream as given', () => {
    expect(text(gen({}, { autheliaUpstream: 'https://10.0.0.5:9443' }))).toContain(
      'set $upstream_authelia https://10.0.0.5:9443/api/authz/auth-request;',
    );
    expect(text(gen({}, { autheliaUpstream: 'http://authelia' }))).toContain(
      'set $upstream_authelia http://authelia/api/authz/auth-request;',
    );
  });
});

describe('options table', () => {
  const rows = [true, false].flatMap((prot) =>
    [true, false].flatMap((websockets) =>
      [[], ['/api'], ['/api', '/admin/']].flatMap((paths) =>
        [true, false].flatMap((securityHeaders) =>
          [true, false].map((hsts) => ({ protected: prot, websockets, paths, securityHeaders, hsts })),
        ),
      ),
    ),
  );

  it.each(rows.map((r) => [JSON.stringify(r), r] as const))('%s', (_n, row) => {
    const result = gen({ ...row, hstsSubdomains: true });
    const snippet = text(result);
    const guarded = row.protected || row.paths.length > 0;
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // location / only on protected hosts, and exactly then NPM's regex matches.
    expect(NPM_DEFAULT_LOCATION_RE.test(snippet)).toBe(row.protected);
    // the auth location and upstream variable exactly when something is protected
    expect(snippet.includes(`location ${AUTHZ_LOCATION} {`)).toBe(guarded);
    // one ^~ location per extra path: with its own auth on a paths-only host, under the server-level auth otherwise
    for (const p of row.paths)
      expect(blockBody(snippet, `location ^~ ${p}`).includes(`auth_request ${AUTHZ_LOCATION};`)).toBe(!row.protected);
    const proxied = (row.protected ? 1 : 0) + row.paths.length;
    const count = (needle: string) => snippet.split('\n').filter((l) => l.trim() === needle).length;
    expect(count('proxy_pass $forward_scheme://$server:$port;')).toBe(proxied);
    expect(count('auth_request /internal/authelia/authz;')).toBe(row.protected ? 1 : row.paths.length);
    expect(count('return 400;')).toBe(1);
    expect(count('proxy_set_header Upgrade $http_upgrade;')).toBe(row.websockets ? proxied : 0);
    expect(count('add_header X-Frame-Options "SAMEORIGIN" always;')).toBe(row.securityHeaders ? proxied : 0);
    // NPM's spelling: liquidjs trims the space before includeSubDomains (backend/templates/_hsts_map.conf, v2.15.1).
    const hsts = 'add_header Strict-Transport-Security "max-age=63072000;includeSubDomains; preload" always;';
    expect(count(hsts)).toBe(row.securityHeaders && row.hsts ? proxied : 0);
  });

  it('the portal snippet has location / without auth, and websocket / header lines when chosen', () => {
    const result = generateNpmSnippets({
      ...base,
      hosts: [{ hostname: 'auth.example.com', protected: false, websockets: true, paths: [], securityHeaders: true, hsts: true }],
    });
    const body = blockBody(text(result, 'auth.example.com'), 'location /');
    expect(body.some((l) => l.startsWith('auth_request'))).toBe(false);
    expect(body).toEqual(
      expect.arrayContaining([
        'proxy_set_header X-Forwarded-Host $host;',
        'proxy_set_header Upgrade $http_upgrade;',
        'add_header Strict-Transport-Security "max-age=63072000; preload" always;',
      ]),
    );
    expect(body.at(-1)).toBe('proxy_pass $forward_scheme://$server:$port;');
  });

  it('an unprotected host without paths gets only the Remote-* refusal (NPM keeps its own location /) and an info', () => {
    const result = gen({ protected: false });
    expect(directives(text(result))).toEqual([
      'set $authelia_forged "$http_remote_user$http_remote_groups$http_remote_name$http_remote_email";',
      'if ($authelia_forged != "") {',
      'return 400;',
      '}',
    ]);
    expect(NPM_DEFAULT_LOCATION_RE.test(text(result))).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain('host-unprotected');
  });

  it('the case option on a paths-only host: server-level lines refusing other spellings of the paths (regex-escaped), nothing on protected hosts', () => {
    const lines = directives(text(gen({ protected: false, paths: ['/admin', '/a+b(c).d'], caseInsensitive: true })));
    const regex = '^(?:/admin|/a\\+b\\(c\\)\\.d)';
    expect(lines).toEqual(
      expect.arrayContaining([
        'set $authelia_case "";',
        `if ($uri ~* "${regex}") {`,
        `if ($uri ~ "${regex}") {`,
        'if ($authelia_case = "other") {',
        'return 404;',
      ]),
    );
    expect(text(gen({ paths: ['/admin'], caseInsensitive: true }))).not.toContain('$authelia_case');
    expect(text(gen({ protected: false, paths: ['/admin'] }))).not.toContain('$authelia_case');
  });

  it('path "/" on an unprotected host protects the whole host', () => {
    const result = gen({ protected: false, paths: ['/'] });
    expect(NPM_DEFAULT_LOCATION_RE.test(text(result))).toBe(true);
    expect(result.diagnostics.find((d) => d.code === 'path-root')?.severity).toBe('info');
  });

  it('duplicate paths are written once, with a warning', () => {
    const result = gen({ paths: ['/api', '/api'] });
    expect(text(result).split('location ^~ /api {').length - 1).toBe(1);
    expect(result.diagnostics.find((d) => d.code === 'path-duplicate')?.path).toBe('hosts[0].paths[1]');
  });
});

describe('checklist file', () => {
  const result = generateNpmSnippets(defaultNpmOptions);
  const checklist = result.files.find((f) => f.name === CHECKLIST_FILE)?.content ?? '';

  it('has a section per host naming the file to paste', () => {
    for (const h of defaultNpmOptions.hosts) {
      expect(checklist).toContain(`## ${h.hostname}`);
      expect(checklist).toContain(`paste ${h.hostname}.advanced.conf`);
    }
  });

  it("tells the portal's Details tab where Authelia is, every app host to keep Cache Assets off for per-user files, and what Custom Locations mean", () => {
    expect(checklist).toContain('Scheme http, Forward Hostname / IP authelia, Forward Port 9091');
    const cache = '"Cache Assets": OFF if the app serves per-user files';
    expect(checklist.split(cache).length - 1).toBe(2);
    expect(checklist).toContain(
      'Custom Locations: best left empty (Authelia checks them too, but their apps get no Remote-* identity headers',
    );
    expect(checklist).toContain('"Force SSL" on');
  });

  it('says "Cache Assets: OFF if the app serves per-user files" for unprotected hosts too, not only protected ones', () => {
    const plain = generateNpmSnippets({
      ...base,
      hosts: [{ hostname: 'blog.example.com', protected: false, websockets: false, paths: [] }],
    });
    const list = plain.files.find((f) => f.name === CHECKLIST_FILE)?.content ?? '';
    expect(list).toContain('## blog.example.com (not protected)');
    expect(list).toContain('"Cache Assets": OFF if the app serves per-user files');
    expect(list).toContain('paste blog.example.com.advanced.conf');
  });

  it("names Authelia's cookie domain and authelia_url", () => {
    expect(checklist).toContain('domain example.com and authelia_url https://auth.example.com ');
  });
});

describe('robustness', () => {
  it('never throws on missing or mistyped fields', () => {
    const loose = [undefined, {}, { hosts: [null] }, { hosts: [{ hostname: 5, paths: 'x' }] }, { hosts: 'x', portalUrl: 3 }];
    for (const o of loose) expect(() => generateNpmSnippets(o as unknown as NpmOptions)).not.toThrow();
  });
});
