/**
 * Behaviour of the generated snippets in a running nginx (Debian 1.22, NPM-2.15-shaped server blocks with TLS and
 * Force SSL) in front of a fake Authelia 4.39 AuthRequest server and echo upstreams, all on 127.0.0.1.
 * Every process started here is stopped in afterAll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNpmSnippets, type NpmOptions } from '../../src/lib/npm';
import {
  ask,
  askUpgrade,
  SESSION_COOKIE,
  startEchoUpstream,
  startFakeAuthelia,
  type AuthCall,
  type Echo,
  type Service,
} from './fake-services';
import { createWorkspace, freePort, startNginx, type RunningNginx, type Workspace } from './nginx';
import type { ProxyHostConf } from './npm-template';

const PORTAL = 'https://auth.example.test';
const ALICE = { cookie: `${SESSION_COOKIE}=valid-alice` };

let ws: Workspace | undefined;
let nginx: RunningNginx | undefined;
let authelia: (Service & { calls: AuthCall[] }) | undefined;
let echo: (Service & { seen: Echo[] }) | undefined;
let port = 0;

function snippetFor(options: NpmOptions, hostname: string): string {
  const result = generateNpmSnippets(options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const file = result.files.find((f) => f.name === `${hostname}.advanced.conf`);
  if (!file) throw new Error(`no snippet for ${hostname}`);
  return file.content;
}

async function setUp(): Promise<void> {
  authelia = await startFakeAuthelia(PORTAL, 'example.test');
  echo = await startEchoUpstream();
  const closedPort = await freePort();
  const options: NpmOptions = {
    autheliaUpstream: `http://127.0.0.1:${authelia.port}`,
    portalUrl: PORTAL,
    cookieDomain: 'example.test',
    hosts: [
      { hostname: 'auth.example.test', protected: false, websockets: false, paths: [] },
      { hostname: 'app.example.test', protected: true, websockets: true, paths: ['/extra'] },
      { hostname: 'public.example.test', protected: false, websockets: false, paths: ['/admin'] },
      { hostname: 'assets.example.test', protected: true, websockets: false, paths: ['/admin'], cacheAssets: true },
      {
        hostname: 'cased.example.test',
        protected: false,
        websockets: false,
        paths: ['/admin', '/a+b(c)'],
        caseInsensitive: true,
      },
    ],
  };
  const down: NpmOptions = {
    ...options,
    autheliaUpstream: `http://127.0.0.1:${closedPort}`,
    hosts: [{ hostname: 'down.example.test', protected: true, websockets: false, paths: [] }],
  };
  ws = await createWorkspace('npm-behaviour-');
  port = ws.ports.https;
  const host = (
    id: number,
    hostname: string,
    forwardPort: number,
    advanced: string,
    extra: Partial<ProxyHostConf> = {},
  ): ProxyHostConf => ({
    id,
    hostname,
    forwardHost: '127.0.0.1',
    forwardPort,
    advanced,
    blockExploits: true,
    ssl: { certificate: true, forceSsl: true },
    ...extra,
  });
  const files = [
    host(1, 'auth.example.test', authelia.port, snippetFor(options, 'auth.example.test')),
    host(2, 'app.example.test', echo.port, snippetFor(options, 'app.example.test'), {
      websocketsToggle: true,
      customLocations: [{ path: '/files', forwardHost: '127.0.0.1', forwardPort: echo.port }],
    }),
    host(3, 'public.example.test', echo.port, snippetFor(options, 'public.example.test')),
    host(4, 'assets.example.test', echo.port, snippetFor(options, 'assets.example.test'), {
      cacheAssets: true,
      customLocations: [{ path: '/files', forwardHost: '127.0.0.1', forwardPort: echo.port }],
    }),
    host(5, 'down.example.test', echo.port, snippetFor(down, 'down.example.test')),
    host(6, 'cased.example.test', echo.port, snippetFor(options, 'cased.example.test')),
    host(7, 'uncased.example.test', echo.port, snippetFor(options, 'public.example.test')),
  ];
  ws.write(files, { foreground: true });
  const t = ws.test();
  if (!t.ok) throw new Error(`nginx -t failed:\n${t.output}\n${ws.dump()}`);
  nginx = await startNginx(ws);
}

async function tearDown(): Promise<void> {
  await nginx?.stop();
  await authelia?.close();
  await echo?.close();
  ws?.remove();
}

beforeAll(async () => {
  try {
    await setUp();
  } catch (e) {
    await tearDown();
    throw e;
  }
});

afterAll(tearDown, 30_000);

const get = (host: string, path: string, headers: Record<string, string> = {}) => ask({ port, host, path, headers, tls: true });
const echoed = (body: string) => JSON.parse(body) as Echo;

describe('the fake forward-auth server follows the AuthRequest contract', () => {
  const direct = (headers: Record<string, string>) =>
    ask({ port: authelia!.port, host: '127.0.0.1', path: '/api/authz/auth-request', headers });
  const original = { 'x-original-url': 'https://app.example.test/', 'x-original-method': 'GET' };

  it('400 without X-Original-URL or X-Original-Method, for http:// targets and for targets outside the cookie domain (as Authelia 4.39)', async () => {
    expect((await direct({ 'x-original-method': 'GET' })).status).toBe(400);
    expect((await direct({ 'x-original-url': 'https://app.example.test/' })).status).toBe(400);
    expect((await direct({ ...original, ...ALICE, 'x-original-url': 'http://app.example.test/' })).status).toBe(400);
    expect((await direct({ ...original, ...ALICE, 'x-original-url': 'https://app.other.test/' })).status).toBe(400);
    expect((await direct({ ...original, ...ALICE, 'x-original-url': 'wss://app.example.test/ws' })).status).toBe(200);
  });

  it('401 with Location <portal>/?rd=<encoded>&rm=<method> without a session; 200 + Remote-* with one; 403 when forbidden', async () => {
    const r401 = await direct(original);
    expect(r401.status).toBe(401);
    expect(r401.headers.location).toBe(`${PORTAL}/?rd=${encodeURIComponent('https://app.example.test/')}&rm=GET`);
    const r200 = await direct({ ...original, ...ALICE });
    expect([r200.status, r200.headers['remote-user'], r200.headers['remote-groups']]).toEqual([200, 'alice', 'admins,dev']);
    expect((await direct({ ...original, cookie: `${SESSION_COOKIE}=forbidden-bob` })).status).toBe(403);
  });
});

describe('protected host (whole host behind Authelia)', () => {
  it('no cookie: 302 to the portal with the original URL in rd and the method in rm', async () => {
    const r = await get('app.example.test', '/dashboard?tab=1&x=2');
    expect(r.status).toBe(302);
    const location = new URL(r.headers.location ?? '');
    expect(location.origin).toBe(PORTAL);
    expect(location.searchParams.get('rd')).toBe('https://app.example.test/dashboard?tab=1&x=2');
    expect(location.searchParams.get('rm')).toBe('GET');
  });

  it('valid cookie: 200 from the upstream with Remote-User, Remote-Groups, Remote-Name and Remote-Email', async () => {
    const r = await get('app.example.test', '/dashboard', ALICE);
    expect(r.status).toBe(200);
    const e = echoed(r.body);
    expect(e.url).toBe('/dashboard');
    expect(e.headers).toMatchObject({
      'remote-user': 'alice',
      'remote-groups': 'admins,dev',
      'remote-name': 'Alice Example',
      'remote-email': 'alice@example.test',
    });
  });

  it('sends Authelia X-Original-Method, X-Original-URL built from $host and an overwritten X-Forwarded-For', async () => {
    const before = authelia!.calls.length;
    await get('app.example.test', '/p?q=1', { ...ALICE, 'x-forwarded-for': '169.254.1.2' });
    const call = authelia!.calls[before];
    expect(call?.headers).toMatchObject({
      'x-original-method': 'GET',
      'x-original-url': 'https://app.example.test/p?q=1',
      'x-forwarded-for': '127.0.0.1',
    });
  });

  it('a client-forged Remote-User (or any other Remote-* header) is refused with 400, with or without a session; the upstream never sees it', async () => {
    const forged = {
      'remote-user': 'mallory',
      'remote-groups': 'admins',
      'remote-email': 'm@evil.test',
      'remote-name': 'Mallory',
    };
    const before = echo!.seen.length;
    for (const [name, value] of Object.entries(forged)) {
      for (const session of [ALICE, { cookie: `${SESSION_COOKIE}=bypass-anon` }, {}]) {
        const r = await get('app.example.test', '/', { ...session, [name]: value });
        expect(r.status, `${name} with ${JSON.stringify(session)}`).toBe(400);
      }
    }
    expect(echo!.seen.slice(before)).toEqual([]);
    // Authelia's bypass policy (200 without identity): the app gets no Remote-* at all.
    const bypass = await get('app.example.test', '/', { cookie: `${SESSION_COOKIE}=bypass-anon` });
    expect(bypass.status).toBe(200);
    for (const h of Object.keys(forged)) expect(echoed(bypass.body).headers[h]).toBeUndefined();
  });

  it('forbidden user: 403', async () => {
    expect((await get('app.example.test', '/', { cookie: `${SESSION_COOKIE}=forbidden-bob` })).status).toBe(403);
  });

  it('the internal auth location answers 404 from outside, with or without a session', async () => {
    expect((await get('app.example.test', '/internal/authelia/authz')).status).toBe(404);
    expect((await get('app.example.test', '/internal/authelia/authz', ALICE)).status).toBe(404);
  });

  it('a POST body reaches the upstream, and the auth subrequest carries none', async () => {
    const before = authelia!.calls.length;
    const body = 'name=value&file=' + 'x'.repeat(3000);
    const r = await ask({
      port,
      tls: true,
      host: 'app.example.test',
      path: '/upload',
      method: 'POST',
      headers: { ...ALICE, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(r.status).toBe(200);
    expect(echoed(r.body)).toMatchObject({ method: 'POST', body });
    const call = authelia!.calls[before];
    expect(call?.headers['x-original-method']).toBe('POST');
    expect(call?.bodyBytes).toBe(0);
    expect(call?.headers['content-length']).toBeUndefined();
  });

  it('a POST without a session is redirected, and rm carries POST', async () => {
    const r = await ask({ port, host: 'app.example.test', path: '/upload', method: 'POST', body: 'a=1', tls: true });
    expect(r.status).toBe(302);
    expect(new URL(r.headers.location ?? '').searchParams.get('rm')).toBe('POST');
  });

  it('a websocket upgrade works with a cookie (101, identity passed, bytes echoed) and is redirected without', async () => {
    const ok = await askUpgrade({ port, host: 'app.example.test', path: '/socket', headers: ALICE, tls: true });
    expect(ok.status).toBe(101);
    expect(ok.headers['x-echo-remote-user']).toBe('alice');
    expect('echoed' in ok ? ok.echoed : '').toBe('echo:ping');
    const denied = await askUpgrade({ port, host: 'app.example.test', path: '/socket', tls: true });
    expect(denied.status).toBe(302);
    expect(new URL(denied.headers.location ?? '').searchParams.get('rd')).toBe('https://app.example.test/socket');
  });

  it('a protected extra path is protected (302 without a cookie, 200 with identity with one)', async () => {
    const denied = await get('app.example.test', '/extra/page');
    expect(denied.status).toBe(302);
    expect(new URL(denied.headers.location ?? '').searchParams.get('rd')).toBe('https://app.example.test/extra/page');
    const ok = await get('app.example.test', '/extra/page', ALICE);
    expect([ok.status, echoed(ok.body).headers['remote-user']]).toEqual([200, 'alice']);
  });

  it('NPM\'s "Block Common Exploits" still applies in front of the snippet', async () => {
    expect((await get('app.example.test', '/?q=union%20select(1)', ALICE)).status).toBe(403);
  });
});

describe('other hosts', () => {
  it('the portal host is served without auth (no redirect loop) and gets X-Forwarded-Host / -Proto / -URI', async () => {
    const r = await get('auth.example.test', '/?rd=x');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { portal: boolean; headers: Record<string, string> };
    expect(body.portal).toBe(true);
    expect(body.headers).toMatchObject({
      'x-forwarded-host': 'auth.example.test',
      'x-forwarded-proto': 'https',
      'x-forwarded-uri': '/?rd=x',
    });
  });

  it("paths-only host: the listed path is protected, the rest stays on NPM's own location", async () => {
    expect((await get('public.example.test', '/')).status).toBe(200);
    expect((await get('public.example.test', '/admin/settings')).status).toBe(302);
    const ok = await get('public.example.test', '/admin/settings', ALICE);
    expect([ok.status, echoed(ok.body).headers['remote-user']]).toEqual([200, 'alice']);
  });

  it('Cache Assets on a protected host: assets need a login (302), forged Remote-* is refused (400), ^~ paths stay protected', async () => {
    expect((await get('assets.example.test', '/page')).status).toBe(302);
    const asset = await get('assets.example.test', '/static/app.js');
    expect(asset.status).toBe(302);
    expect(new URL(asset.headers.location ?? '').searchParams.get('rd')).toBe('https://assets.example.test/static/app.js');
    expect((await get('assets.example.test', '/static/app.js', { ...ALICE, 'remote-user': 'admin' })).status).toBe(400);
    expect((await get('assets.example.test', '/admin/app.js')).status).toBe(302);
    const ok = await get('assets.example.test', '/static/app.js', ALICE);
    // Served through NPM's asset location: its `expires @30m` answers with a max-age.
    expect([ok.status, echoed(ok.body).url]).toEqual([200, '/static/app.js']);
    expect(ok.headers['cache-control']).toMatch(/^max-age=\d+$/);
  });

  it("a Custom Location on a protected host (and NPM's asset location nested in it) needs a login", async () => {
    for (const [host, path] of [
      ['app.example.test', '/files/report.pdf'],
      ['assets.example.test', '/files/app.js'],
    ] as const) {
      const denied = await get(host, path);
      expect(denied.status, `${host}${path}`).toBe(302);
      expect(new URL(denied.headers.location ?? '').searchParams.get('rd')).toBe(`https://${host}${path}`);
      const ok = await get(host, path, ALICE);
      expect([ok.status, echoed(ok.body).url]).toEqual([200, path]);
    }
  });

  it("the remaining Cache Assets risk: NPM's cache hands one user's private asset (and its Set-Cookie) to another logged-in user", async () => {
    const alice = await get('assets.example.test', '/private/avatar.png', ALICE);
    expect([alice.status, echoed(alice.body).headers.cookie]).toEqual([200, ALICE.cookie]);
    const carol = await get('assets.example.test', '/private/avatar.png', { cookie: `${SESSION_COOKIE}=valid-carol` });
    expect(carol.status).toBe(200);
    // Carol gets Alice's copy from the cache, Set-Cookie included: the warning cache-assets-shared describes this.
    expect(echoed(carol.body).headers.cookie).toBe(ALICE.cookie);
    expect(carol.headers['set-cookie']).toEqual([`app_session=${ALICE.cookie}`]);
    expect((await get('assets.example.test', '/private/avatar.png')).status).toBe(302);
  });

  it('case option on a paths-only host: other spellings of a protected path are refused (404); the exact spelling asks Authelia', async () => {
    for (const path of ['/ADMIN', '/Admin/settings', '/A+B(C)/x', '/%41dmin/x']) {
      expect((await get('cased.example.test', path)).status, path).toBe(404);
    }
    expect((await get('cased.example.test', '/admin/settings')).status).toBe(302);
    expect((await get('cased.example.test', '/a+b(c)/x')).status).toBe(302);
    expect((await get('cased.example.test', '/administrator')).status).toBe(302);
    const open = await get('cased.example.test', '/other/ADMIN');
    expect([open.status, echoed(open.body).url]).toEqual([200, '/other/ADMIN']);
  });

  it('without the case option, /ADMIN reaches an app that ignores case without a login (the risk the paths-case-sensitive note describes)', async () => {
    const r = await get('uncased.example.test', '/ADMIN/settings');
    expect([r.status, echoed(r.body).url]).toEqual([200, '/ADMIN/settings']);
  });

  it('Authelia unreachable: the protected host fails closed with 500', async () => {
    expect((await get('down.example.test', '/')).status).toBe(500);
  });
});
