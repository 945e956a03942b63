/**
 * The snippets of the builder's default settings pasted into all 112 NPM combinations (npm-combinations.ts) of an
 * NPM-2.15-shaped template with TLS (npm-template.ts), one nginx, in front of a fake Authelia 4.39 AuthRequest server
 * and two echo upstreams (the app and a Custom Location's app). Four proxy hosts per combination: a protected host,
 * a paths-only host (/admin protected), the portal and an unprotected host, 448 server blocks in all.
 * Every nginx and server started here is stopped by its pid / handle in afterAll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGED_HEADERS, defaultNpmHost, generateNpmSnippets, type NpmOptions } from '../../src/lib/npm';
import { COMBINATIONS, CUSTOM_PATH, hostFor, pool, SSL_STATES, type Combination } from './npm-combinations';
import {
  ask,
  askH2,
  SESSION_COOKIE,
  startEchoUpstream,
  startFakeAuthelia,
  type AuthCall,
  type Echo,
  type Reply,
  type Service,
} from './fake-services';
import { ACME_TOKEN, createWorkspace, startNginx, type RunningNginx, type Workspace } from './nginx';
import type { ProxyHostConf } from './npm-template';

const PORTAL = 'https://auth.example.test';
const ALICE = { cookie: `${SESSION_COOKIE}=valid-alice` };
const FORGED = Object.fromEntries(FORGED_HEADERS.map((h) => [h.toLowerCase(), 'mallory']));
type Role = 'protected' | 'paths' | 'portal' | 'plain';
const ROLES: readonly Role[] = ['protected', 'paths', 'portal', 'plain'];

let ws: Workspace | undefined;
let nginx: RunningNginx | undefined;
let authelia: (Service & { calls: AuthCall[] }) | undefined;
let app: (Service & { seen: Echo[] }) | undefined;
let custom: (Service & { seen: Echo[] }) | undefined;
let syntax: { ok: boolean; output: string } | undefined;

const hostname = (role: Role, combo: Combination) => `${role}-${combo.index}.example.test`;

/** The builder's output for its default settings, with Authelia on the fake's port. */
function snippets(autheliaPort: number): Record<Role, string> {
  const options: NpmOptions = {
    autheliaUpstream: `http://127.0.0.1:${autheliaPort}`,
    portalUrl: PORTAL,
    cookieDomain: 'example.test',
    hosts: [
      { ...defaultNpmHost('auth.example.test'), protected: false },
      defaultNpmHost('protected.example.test'),
      { ...defaultNpmHost('paths.example.test'), protected: false, paths: ['/admin'] },
      { ...defaultNpmHost('plain.example.test'), protected: false },
    ],
  };
  const result = generateNpmSnippets(options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const file = (name: string) => result.files.find((f) => f.name === `${name}.advanced.conf`)?.content ?? '';
  return {
    portal: file('auth.example.test'),
    protected: file('protected.example.test'),
    paths: file('paths.example.test'),
    plain: file('plain.example.test'),
  };
}

async function setUp(): Promise<void> {
  authelia = await startFakeAuthelia(PORTAL, 'example.test');
  app = await startEchoUpstream('app');
  custom = await startEchoUpstream('custom');
  const text = snippets(authelia.port);
  ws = await createWorkspace('npm-matrix-');
  const hosts: ProxyHostConf[] = COMBINATIONS.flatMap((combo) =>
    ROLES.map((role, r) =>
      hostFor(combo, combo.index * ROLES.length + r + 1, hostname(role, combo), text[role], {
        app: role === 'portal' ? authelia!.port : app!.port,
        custom: custom!.port,
      }),
    ),
  );
  ws.write(hosts, { foreground: true });
  syntax = ws.test();
  if (!syntax.ok) throw new Error(`nginx -t failed:\n${syntax.output}`);
  nginx = await startNginx(ws);
}

async function tearDown(): Promise<void> {
  await nginx?.stop();
  await authelia?.close();
  await app?.close();
  await custom?.close();
  ws?.remove();
}

beforeAll(async () => {
  try {
    await setUp();
  } catch (e) {
    await tearDown();
    throw e;
  }
}, 300_000);

afterAll(tearDown, 30_000);

/** A request the way a browser would make it for this combination: https (HTTP/2 where on) with a certificate, else http. */
function request(role: Role, combo: Combination, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const host = hostname(role, combo);
  const ports = ws!.ports;
  if (combo.ssl.certificate && combo.ssl.http2) return askH2({ port: ports.https2, host, path, headers });
  if (combo.ssl.certificate) return ask({ port: ports.https, host, path, headers, tls: true });
  return ask({ port: ports.http, host, path, headers });
}

/** A reply that came from an upstream app (the echo answers JSON naming itself). */
function fromUpstream(reply: Reply): string | undefined {
  try {
    const body = JSON.parse(reply.body) as Partial<Echo>;
    return typeof body.upstream === 'string' ? body.upstream : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `check` for every combination (8 at a time) and returns the failures as text, for one readable assertion. */
async function everyCombination(check: (combo: Combination) => Promise<string | undefined>): Promise<string[]> {
  const failures = await pool(COMBINATIONS, 8, async (combo) => {
    const problem = await check(combo);
    return problem === undefined ? undefined : `${combo.label}: ${problem}`;
  });
  return failures.filter((f): f is string => f !== undefined);
}

/** What an unauthenticated request must get: the portal redirect with a certificate, else 500 (Authelia refuses http targets). */
function refused(combo: Combination, reply: Reply): string | undefined {
  if (fromUpstream(reply)) return `reached the upstream "${fromUpstream(reply)}" without a login (status ${reply.status})`;
  const expected = combo.ssl.certificate ? 302 : 500;
  if (reply.status !== expected) return `status ${reply.status}, expected ${expected}`;
  if (expected === 302 && !String(reply.headers.location ?? '').startsWith(`${PORTAL}/?rd=https%3A%2F%2F`))
    return `Location ${String(reply.headers.location)}`;
  return undefined;
}

const UNAUTHENTICATED_PATHS = [
  '/',
  '/dashboard?x=1',
  '/static/app.js',
  '/img/logo.png',
  '/fonts/a.woff2',
  `${CUSTOM_PATH}/x`,
  `${CUSTOM_PATH}/app.js`,
];

describe('the combinations', () => {
  it('there are 112 NPM combinations (7 SSL states × Cache Assets × Block Common Exploits × Websockets × Custom Location), 448 hosts, and nginx -t accepts them', () => {
    expect(SSL_STATES).toHaveLength(7);
    expect(COMBINATIONS).toHaveLength(112);
    expect(new Set(COMBINATIONS.map((c) => c.label)).size).toBe(112);
    expect(COMBINATIONS.length * ROLES.length).toBe(448);
    expect(syntax?.ok).toBe(true);
  });
});

describe('protected host: no unauthenticated request reaches an upstream, in any of the 112 combinations', () => {
  it('location /, Cache Assets files (.js .png .woff2), the Custom Location and its nested asset location: 302 to the portal (500 without a certificate)', async () => {
    const failures = await everyCombination(async (combo) => {
      for (const path of UNAUTHENTICATED_PATHS) {
        const problem = refused(combo, await request('protected', combo, path));
        if (problem) return `${path}: ${problem}`;
      }
      return undefined;
    });
    expect(failures).toEqual([]);
    const reached = [...app!.seen, ...custom!.seen].filter((e) => String(e.headers.host).startsWith('protected-'));
    expect(reached.map((e) => `${String(e.headers.host)}${e.url}`)).toEqual([]);
  }, 120_000);

  it('plain http on a certificate host: 301 to https with Force SSL, else 500 (Authelia refuses http targets); never the upstream', async () => {
    const failures = await everyCombination(async (combo) => {
      if (!combo.ssl.certificate) return undefined;
      for (const path of ['/', '/static/app.js', `${CUSTOM_PATH}/x`]) {
        const r = await ask({ port: ws!.ports.http, host: hostname('protected', combo), path });
        const expected = combo.ssl.forceSsl ? 301 : 500;
        if (fromUpstream(r) || r.status !== expected) return `${path}: status ${r.status}, expected ${expected}`;
      }
      return undefined;
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it("NPM's ACME challenge stays reachable without a login on every certificate combination (renewals keep working)", async () => {
    const failures = await everyCombination(async (combo) => {
      if (!combo.ssl.certificate) return undefined;
      const r = await request('protected', combo, ACME_TOKEN.path);
      return r.status === 200 && r.body === ACME_TOKEN.body ? undefined : `status ${r.status} body ${JSON.stringify(r.body)}`;
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('the internal Authelia location answers 404 from outside, with or without a session', async () => {
    const failures = await everyCombination(async (combo) => {
      for (const headers of [{}, ALICE]) {
        const r = await request('protected', combo, '/internal/authelia/authz', headers);
        if (r.status !== 404) return `status ${r.status}`;
      }
      return undefined;
    });
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('no client-forged Remote-* header reaches an upstream, on any host, in any combination', () => {
  it.each(ROLES)(
    '%s host: a request carrying Remote-User/-Groups/-Name/-Email is refused with 400 in every location, even with a valid session',
    async (role) => {
      const paths = ['/', '/static/app.js', `${CUSTOM_PATH}/x`, ...(role === 'paths' ? ['/admin/x'] : [])];
      const failures = await everyCombination(async (combo) => {
        for (const path of paths) {
          const r = await request(role, combo, path, { ...ALICE, ...FORGED });
          if (r.status !== 400 || fromUpstream(r)) return `${path}: status ${r.status} from ${fromUpstream(r) ?? 'nginx'}`;
        }
        return undefined;
      });
      expect(failures).toEqual([]);
    },
    120_000,
  );

  it.each(FORGED_HEADERS)(
    '%s alone is refused too (protected and paths-only hosts, every combination, the asset location)',
    async (header) => {
      const failures = await everyCombination(async (combo) => {
        for (const role of ['protected', 'paths'] as const) {
          const r = await request(role, combo, '/static/app.js', { ...ALICE, [header.toLowerCase()]: 'admin' });
          if (r.status !== 400) return `${role}: status ${r.status}`;
        }
        return undefined;
      });
      expect(failures).toEqual([]);
    },
    120_000,
  );

  it('with a certificate, a logged-in request without forged headers reaches the app, with identity in location /', async () => {
    const failures = await everyCombination(async (combo) => {
      if (!combo.ssl.certificate) return undefined;
      const root = await request('protected', combo, '/', ALICE);
      const echo = JSON.parse(root.body) as Echo;
      if (root.status !== 200 || echo.headers['remote-user'] !== 'alice') return `/: status ${root.status}`;
      const asset = await request('protected', combo, '/static/app.js', ALICE);
      if (asset.status !== 200 || fromUpstream(asset) !== 'app') return `/static/app.js: status ${asset.status}`;
      if (!combo.customLocation) return undefined;
      const loc = await request('protected', combo, `${CUSTOM_PATH}/x`, ALICE);
      return loc.status === 200 && fromUpstream(loc) === 'custom' ? undefined : `${CUSTOM_PATH}/x: status ${loc.status}`;
    });
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('paths-only host', () => {
  it('/admin and its assets need a login in every combination; the public rest is served', async () => {
    const failures = await everyCombination(async (combo) => {
      for (const path of ['/admin', '/admin/x', '/admin/app.js']) {
        const problem = refused(combo, await request('paths', combo, path));
        if (problem) return `${path}: ${problem}`;
      }
      const open = await request('paths', combo, '/');
      return open.status === 200 && fromUpstream(open) === 'app' ? undefined : `/: status ${open.status}`;
    });
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('HSTS as NPM spells it', () => {
  it("the header is NPM's spelling; NPM writes one $hsts_header map per host file at http level, so the file nginx loads last decides it for every host", async () => {
    const spelling = (subdomains: boolean) => `max-age=63072000;${subdomains ? 'includeSubDomains;' : ''} preload`;
    // nginx reads proxy_host/*.conf in glob order (sorted by name); the host with the last name sets the map.
    const lastId = Number(
      Array.from({ length: COMBINATIONS.length * ROLES.length }, (_, i) => `${i + 1}.conf`)
        .sort()
        .at(-1)!
        .replace('.conf', ''),
    );
    const lastCombo = COMBINATIONS[Math.floor((lastId - 1) / ROLES.length)]!;
    const expected = spelling(lastCombo.ssl.hstsSubdomains === true);
    const hsts = COMBINATIONS.filter((c) => c.ssl.hsts);
    const seen = await pool(hsts, 8, async (combo) => (await request('portal', combo, '/')).headers['strict-transport-security']);
    expect(new Set(seen)).toEqual(new Set([expected]));
    const without = await request(
      'portal',
      COMBINATIONS.find((c) => c.ssl.forceSsl && !c.ssl.hsts)!,
      '/',
    );
    expect(without.headers['strict-transport-security']).toBeUndefined();
  }, 120_000);

  it('HTTP/2 combinations negotiate h2', async () => {
    const combo = COMBINATIONS.find((c) => c.ssl.http2)!;
    const r = await askH2({ port: ws!.ports.https2, host: hostname('portal', combo), path: '/' });
    expect([r.alpn, r.status]).toEqual(['h2', 200]);
  });
});
