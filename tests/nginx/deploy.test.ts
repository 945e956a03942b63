/**
 * The self-hosting kit in deploy/: the compose file's hardening and pins, and deploy/nginx/site.conf run by Debian's
 * nginx over the built site on 127.0.0.1 (the container paths swapped for local ones by scripts/serve-nginx.ts).
 * The generated CSP include is written to the temp prefix, so the built site folder is only read.
 * Every nginx started here is stopped in afterAll. Site folder: $DEPLOY_DIST, else dist (npm test builds it first).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCsp, inlineScripts, nginxInclude, policyFor, scriptHash, writeCsp } from '../../scripts/csp.ts';
import { NGINX_BIN, nginxArgs, prepare, renderSite, SITE_CONF, type Prepared } from '../../scripts/serve-nginx.ts';
import { composeSchemaErrors } from '../unit/authelia/schema-validators';
import { freePort } from './nginx';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = resolve(ROOT, process.env.DEPLOY_DIST ?? 'dist');
const DEPLOY = join(ROOT, 'deploy');

// ---------------------------------------------------------------------------------------------------------------------
// Static checks: compose file, .env split, nginx config text
// ---------------------------------------------------------------------------------------------------------------------

interface Service {
  image: string;
  user?: string;
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  ports?: unknown;
  command?: string[];
  networks?: string[];
}

const composeText = readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8');
const compose = parse(composeText) as { services: Record<string, Service>; networks: Record<string, { internal?: boolean }> };

describe('deploy/compose.yaml', () => {
  it('validates against the Compose specification schema', () => {
    expect(composeSchemaErrors(compose)).toEqual([]);
  });

  it('pins both images to an exact version', () => {
    expect(compose.services.web?.image).toMatch(/^nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+-alpine$/);
    expect(compose.services.cloudflared?.image).toMatch(/^cloudflare\/cloudflared:\d{4}\.\d+\.\d+$/);
  });

  it('runs every service as a non-root user with a read-only root filesystem, no capabilities and a healthcheck', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      expect(svc.user, name).toMatch(/^[1-9]\d*:[1-9]\d*$/);
      expect(svc.read_only, name).toBe(true);
      expect(svc.cap_drop, name).toEqual(['ALL']);
      expect(svc.security_opt, name).toContain('no-new-privileges:true');
      expect(svc.healthcheck?.test[0], name).toBe('CMD');
      expect(svc.ports, `${name} publishes no port`).toBeUndefined();
    }
    expect(compose.services.web?.tmpfs?.some((t) => t.startsWith('/tmp'))).toBe(true);
  });

  it('mounts the built site and the server config read-only', () => {
    const volumes = compose.services.web?.volumes ?? [];
    expect(volumes).toContain('../dist:/usr/share/nginx/html:ro');
    expect(volumes).toContain('./nginx/site.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  it('runs cloudflared in token mode with the token from .env, required, and only the web server on an internal network', () => {
    const cf = compose.services.cloudflared!;
    expect(cf.command).toEqual(['tunnel', '--no-autoupdate', 'run']);
    expect(cf.environment?.TUNNEL_TOKEN).toMatch(/^\$\{TUNNEL_TOKEN:\?[^}]+\}$/);
    expect(composeText).not.toMatch(/--token\b/);
    expect(compose.services.web?.networks).toEqual(['site']);
    expect(compose.networks.site?.internal).toBe(true);
  });

  it('commits .env.example with an empty token, and ignores .env', () => {
    const example = readFileSync(join(DEPLOY, '.env.example'), 'utf8');
    const lines = example.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));
    expect(lines).toEqual(['TUNNEL_TOKEN=']);
    expect(example).toMatch(/^#/m);
    const ignore = readFileSync(join(DEPLOY, '.gitignore'), 'utf8').split('\n');
    expect(ignore).toContain('.env');
    expect(ignore).not.toContain('.env.example');
  });
});

describe('scripts/csp.ts', () => {
  it('hashes executable inline scripts exactly as written, and skips external scripts and data blocks', () => {
    const html =
      '<html><head><script>a()</script><script type="module">b()</script><script src="/x.js"></script>' +
      '<script type="application/ld+json">{"@type":"Thing"}</script><!-- <script>hidden()</script> --></head></html>';
    expect(inlineScripts(html)).toEqual({ hashes: [scriptHash('a()'), scriptHash('b()')], problems: [] });
    // Known value, from `printf 'a()' | openssl dgst -sha256 -binary | base64`.
    expect(scriptHash('a()')).toBe('sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4=');
  });

  it('refuses inline event handlers and javascript: URLs, which no hash can allow', () => {
    expect(inlineScripts('<button onclick="x()">x</button>').problems).toHaveLength(1);
    expect(inlineScripts('<a href="javascript:void(0)">x</a>').problems).toHaveLength(1);
    expect(inlineScripts('<p>the onclick= attribute</p><code>onload=</code>').problems).toEqual([]);
  });

  it('builds a policy with no unsafe-inline or unsafe-eval for scripts', () => {
    const policy = policyFor(['sha256-abc=']);
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    // The builders' module workers and the offline service worker (/sw.js) are same-origin scripts.
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('covers every inline script of the built site', () => {
    const result = buildCsp(DIST);
    expect(result.files).toBeGreaterThan(5);
    expect(result.hashes.length).toBeGreaterThan(0);
    // The theme bootstrap in Base.astro is on every page.
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    for (const hash of inlineScripts(index).hashes) expect(result.policy).toContain(`'${hash}'`);
    expect(nginxInclude(result)).toMatch(/^add_header Content-Security-Policy "[^"]+" always;$/m);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// nginx: -t, then a running server over the built site
// ---------------------------------------------------------------------------------------------------------------------

function nginxTest(p: Prepared): { ok: boolean; output: string } {
  const r = spawnSync(NGINX_BIN, ['-t', ...nginxArgs(p)], { encoding: 'utf8', timeout: 20_000 });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

let port = 0;
let prepared: Prepared | undefined;
let child: ChildProcess | undefined;
let cspDir = '';
let policy = '';

async function waitForPort(): Promise<void> {
  // Up to a minute: a hang guard only, so a loaded machine that starts nginx slowly does not fail the test.
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) break;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const log =
    prepared && existsSync(join(prepared.prefix, 'logs/error.log'))
      ? readFileSync(join(prepared.prefix, 'logs/error.log'), 'utf8')
      : '';
  throw new Error(`nginx did not start on 127.0.0.1:${port}\n${log}`);
}

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no index.html: build the site first (npm run build)`);
  cspDir = mkdtempSync(join(tmpdir(), 'deploy-csp-'));
  policy = writeCsp(DIST, cspDir).policy;
  port = await freePort();
  prepared = prepare({ dist: DIST, port, cspInclude: join(cspDir, 'nginx-csp.conf') }, 'deploy-test-');
  const t = nginxTest(prepared);
  if (!t.ok) return; // reported by the nginx -t test below
  child = spawn(NGINX_BIN, nginxArgs(prepared), { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitForPort();
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  prepared?.remove();
  if (cspDir) rmSync(cspDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', headers });

function expectSecurityHeaders(res: Response, what: string): void {
  expect(res.headers.get('content-security-policy'), what).toBe(policy);
  expect(res.headers.get('strict-transport-security'), what).toMatch(/^max-age=\d{8,}/);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('permissions-policy'), what).toContain('camera=()');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
}

describe('deploy/nginx/site.conf in nginx', () => {
  it('passes nginx -t with the real site folder and a loopback port', () => {
    const t = nginxTest(prepared!);
    expect(t.ok, `${t.output}\n--- site.conf\n${readFileSync(join(prepared!.prefix, 'site.conf'), 'utf8')}`).toBe(true);
  });

  it('is the committed file with only the listen address, root and CSP include path replaced', () => {
    const source = readFileSync(SITE_CONF, 'utf8');
    const rendered = renderSite({ dist: '/srv/site', port: 1234, cspInclude: '/srv/csp.conf' }, source);
    const changed = rendered.split('\n').filter((line, i) => line !== source.split('\n')[i]);
    expect(changed.map((l) => l.trim())).toEqual(['listen 127.0.0.1:1234;', 'root /srv/site;', 'include /srv/csp.conf;']);
  });

  it('serves HTML with every security header and revalidation', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('etag')).toBeTruthy();
    expectSecurityHeaders(res, '/');
    const guide = await get('/guides/tailscale/');
    expect(guide.status).toBe(200);
    expect(guide.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(guide, '/guides/tailscale/');
  });

  it('sends a policy that allows the inline scripts of the page it serves', async () => {
    const res = await get('/guides/authelia-forward-auth/');
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    const { hashes } = inlineScripts(html);
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(scriptSrc).toContain(`'${hash}'`);
  });

  it('caches hashed /_astro/ assets for a year, immutable, gzipped, with the security headers', async () => {
    const files = readdirSync(join(DIST, '_astro'));
    const js = files.find((f) => f.endsWith('.js'));
    const css = files.find((f) => f.endsWith('.css'));
    for (const file of [js, css]) {
      expect(file).toBeTruthy();
      const res = await get(`/_astro/${file}`, { 'accept-encoding': 'gzip' });
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-encoding'), file).toBe('gzip');
      expect(res.headers.get('vary'), file).toBe('Accept-Encoding');
      expectSecurityHeaders(res, file!);
    }
  });

  it("revalidates Pagefind's entry files and caches its hashed chunks", async () => {
    const entry = await get('/pagefind/pagefind.js');
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/pagefind/pagefind-entry.json')).headers.get('cache-control')).toBe('no-cache');
    const fragment = readdirSync(join(DIST, 'pagefind', 'fragment'))[0];
    const res = await get(`/pagefind/fragment/${fragment}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the service worker on every check, so a new build reaches readers at once', async () => {
    expect(existsSync(join(DIST, 'sw.js')), 'sw.js is written by the build (node scripts/sw.ts)').toBe(true);
    const res = await get('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript\b|^text\/javascript\b/);
    expect(res.headers.get('etag')).toBeTruthy();
    expectSecurityHeaders(res, '/sw.js');
  });

  it('answers an unknown path with status 404, the site 404 page and the security headers', async () => {
    const res = await get('/no/such/page/');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(res, '404');
  });

  it('redirects a folder without its slash with a relative Location', async () => {
    const res = await get('/guides/tailscale');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/guides/tailscale/');
    expectSecurityHeaders(res, '301');
  });

  it('never serves the generated CSP folder or dotfiles, and hides its version', async () => {
    // (The e2e deploy suite checks /_csp/ again with the generated file really inside the served folder.)
    for (const path of ['/_csp/nginx-csp.conf', '/_csp/', '/.env', '/.git/config']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expectSecurityHeaders(res, path);
    }
    expect((await get('/')).headers.get('server')).toBe('nginx');
  });

  it('compresses HTML and CSS for clients that accept gzip', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});
