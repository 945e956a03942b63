/**
 * scripts/sw.ts: which files the service worker precaches, the cache version, and the generated worker itself, run
 * against a small in-memory stand-in for the service-worker globals (caches, fetch, events). The real thing in
 * Chromium, offline, is tests/e2e/offline.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildPrecache, CACHE_PREFIX, pagefindPaths, swSource, urlFor, type BuiltFile } from '../../../scripts/sw.ts';

const file = (path: string, bytes = 100, sha256 = `hash-of-${path}`): BuiltFile => ({ path, bytes, sha256 });

const ENTRY = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_abc123', wasm: 'en', page_count: 3 } } });

const SITE: BuiltFile[] = [
  file('index.html', 1000),
  file('404.html', 500),
  file('guides/index.html'),
  file('guides/tailscale/index.html'),
  file('checklist/index.html'),
  file('_astro/Base.abc.css'),
  file('_astro/highlight.worker-Xy1.js'),
  file('_astro/nginx-DwxnY2sN.js'),
  file('favicon.svg'),
  file('robots.txt'),
  file('rss.xml'),
  file('sitemap-index.xml'),
  file('sitemap-0.xml'),
  file('_csp/nginx-csp.conf'),
  file('_csp/policy.txt'),
  file('sw.js'),
  file('.well-known/security.txt'),
  file('pagefind/pagefind-ui.js', 1000),
  file('pagefind/pagefind-ui.css', 1000),
  file('pagefind/pagefind.js', 1000),
  file('pagefind/pagefind-worker.js', 1000),
  file('pagefind/pagefind-entry.json', 1000),
  file('pagefind/pagefind.en_abc123.pf_meta', 1000),
  file('pagefind/wasm.en.pagefind', 1000),
  file('pagefind/wasm.unknown.pagefind', 1000),
  file('pagefind/index/en_1.pf_index', 1000),
  file('pagefind/fragment/en_2.pf_fragment', 1000),
  file('pagefind/pagefind-component-ui.js', 1000),
  file('pagefind/pagefind-modular-ui.js', 1000),
  file('pagefind/pagefind-highlight.js', 1000),
];

describe('urlFor', () => {
  it('serves index.html files as their folder and keeps other names', () => {
    expect(urlFor('index.html')).toBe('/');
    expect(urlFor('guides/tailscale/index.html')).toBe('/guides/tailscale/');
    expect(urlFor('404.html')).toBe('/404.html');
    expect(urlFor('_astro/Base.abc.css')).toBe('/_astro/Base.abc.css');
    expect(urlFor('odd name/a b.js')).toBe('/odd%20name/a%20b.js');
  });
});

describe('buildPrecache', () => {
  const precache = buildPrecache(SITE, ENTRY);

  it('lists every page, every /_astro/ file, the favicon and the Pagefind files search loads, sorted', () => {
    expect(precache.urls).toEqual([
      '/',
      '/404.html',
      '/_astro/Base.abc.css',
      '/_astro/highlight.worker-Xy1.js',
      '/_astro/nginx-DwxnY2sN.js',
      '/checklist/',
      '/favicon.svg',
      '/guides/',
      '/guides/tailscale/',
      '/pagefind/fragment/en_2.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind-ui.css',
      '/pagefind/pagefind-ui.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind.en_abc123.pf_meta',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.en.pagefind',
    ]);
  });

  it('leaves out the CSP folder, the worker itself, dotfiles, crawler and feed files, and unused Pagefind parts', () => {
    for (const url of [
      '/_csp/nginx-csp.conf',
      '/sw.js',
      '/.well-known/security.txt',
      '/robots.txt',
      '/rss.xml',
      '/sitemap-index.xml',
      '/sitemap-0.xml',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/pagefind-component-ui.js',
      '/pagefind/pagefind-highlight.js',
    ]) {
      expect(precache.urls).not.toContain(url);
    }
  });

  it('counts the bytes, and Pagefind separately', () => {
    // Home 1000, 404 500, three more pages, three /_astro/ files and the favicon at 100 each; 9 Pagefind files of 1000.
    expect(precache.pagefindBytes).toBe(9000);
    expect(precache.bytes).toBe(1000 + 500 + 7 * 100 + 9000);
  });

  it('leaves Pagefind out when there is no index', () => {
    const without = buildPrecache(SITE);
    expect(without.urls.filter((u) => u.startsWith('/pagefind/'))).toEqual([]);
    expect(without.pagefindBytes).toBe(0);
    expect(without.version).not.toBe(precache.version);
  });

  it('versions by content: the same build gives the same version in any order, any changed file a new one', () => {
    expect(buildPrecache([...SITE].reverse(), ENTRY).version).toBe(precache.version);
    expect(precache.version).toMatch(/^[0-9a-f]{16}$/);
    const changed = SITE.map((f) => (f.path === '_astro/nginx-DwxnY2sN.js' ? { ...f, sha256: 'other' } : f));
    expect(buildPrecache(changed, ENTRY).version).not.toBe(precache.version);
    const renamed = SITE.map((f) =>
      f.path === 'guides/tailscale/index.html' ? { ...f, path: 'guides/headscale/index.html' } : f,
    );
    expect(buildPrecache(renamed, ENTRY).version).not.toBe(precache.version);
    // Files that are not precached do not change the version.
    const robots = SITE.map((f) => (f.path === 'robots.txt' ? { ...f, sha256: 'other' } : f));
    expect(buildPrecache(robots, ENTRY).version).toBe(precache.version);
  });

  it("reads Pagefind's languages from its entry file", () => {
    const entry = JSON.stringify({ languages: { de: { hash: 'de_1', wasm: 'de' }, fr: { hash: 'fr_2', wasm: 'unknown' } } });
    const paths = ['pagefind/pagefind.de_1.pf_meta', 'pagefind/pagefind.fr_2.pf_meta', 'pagefind/wasm.de.pagefind'];
    paths.push('pagefind/wasm.unknown.pagefind', 'pagefind/wasm.en.pagefind', 'pagefind/pagefind.en_9.pf_meta');
    expect([...pagefindPaths(entry, paths)].sort()).toEqual([
      'pagefind/pagefind.de_1.pf_meta',
      'pagefind/pagefind.fr_2.pf_meta',
      'pagefind/wasm.de.pagefind',
      'pagefind/wasm.unknown.pagefind',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The generated worker, run with in-memory stand-ins for caches, fetch and the service-worker events
// ---------------------------------------------------------------------------------------------------------------------

const ORIGIN = 'https://site.example';

interface FakeRequest {
  url: string;
  method: string;
  mode: string;
}
type Input = string | FakeRequest;

const href = (input: Input) => new URL(typeof input === 'string' ? input : input.url, ORIGIN);

class FakeCache {
  entries: [URL, Response][] = [];
  puts = 0;
  async put(input: Input, response: Response): Promise<void> {
    this.puts++;
    const url = href(input);
    this.entries = this.entries.filter(([u]) => u.href !== url.href);
    this.entries.push([url, response]);
  }
  async match(input: Input, options: { ignoreSearch?: boolean } = {}): Promise<Response | undefined> {
    const url = href(input);
    const key = (u: URL) => (options.ignoreSearch ? u.origin + u.pathname : u.href);
    return this.entries.find(([u]) => key(u) === key(url))?.[1].clone();
  }
}

interface Network {
  /** Responses by path (no query); a missing path answers 404. */
  files: Record<string, () => Response>;
  offline: boolean;
}

function load(urls: string[], version: string) {
  const listeners = new Map<string, (event: unknown) => void>();
  const stores = new Map<string, FakeCache>();
  const network: Network = { files: {}, offline: false };
  const fetched: { url: string; init?: RequestInit }[] = [];
  const calls = { claimed: 0, preloadEnabled: 0 };
  const fakeCaches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new FakeCache());
      return stores.get(name)!;
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const fakeFetch = async (input: Input, init?: RequestInit) => {
    const url = href(input);
    fetched.push({ url: url.pathname + url.search, init });
    if (network.offline) throw new TypeError('Failed to fetch');
    const make = network.files[url.pathname];
    return make ? make() : new Response('not found', { status: 404 });
  };
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    registration: { navigationPreload: { enable: async () => void calls.preloadEnabled++ } },
    clients: { claim: async () => void calls.claimed++ },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  new Function('self', 'caches', 'fetch', swSource({ urls, version }))(self, fakeCaches, fakeFetch);

  const lifecycle = async (type: 'install' | 'activate') => {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  /** Dispatches a fetch event; undefined when the worker left the request to the browser. */
  const request = async (path: string, init: { mode?: string; method?: string; preload?: Response } = {}) => {
    let answer: Promise<Response> | undefined;
    const req: FakeRequest = { url: new URL(path, ORIGIN).href, method: init.method ?? 'GET', mode: init.mode ?? 'cors' };
    listeners.get('fetch')!({
      request: req,
      preloadResponse: Promise.resolve(init.preload),
      respondWith: (p: Promise<Response>) => (answer = p),
    });
    return answer;
  };
  return { stores, network, fetched, calls, lifecycle, request, cacheName: CACHE_PREFIX + version };
}

const html = (text: string) => () =>
  new Response(text, { headers: { 'content-type': 'text/html; charset=utf-8', 'x-test': 'kept' } });
const text = (body: string) => () => new Response(body);

const URLS = ['/', '/404.html', '/_astro/app.abc.js', '/guides/tailscale/', '/pagefind/pagefind-entry.json'];

async function installed() {
  const sw = load(URLS, 'v2');
  sw.network.files = {
    '/': html('home v2'),
    '/404.html': html('Page not found v2'),
    '/_astro/app.abc.js': text('app v2'),
    '/guides/tailscale/': html('tailscale v2'),
    '/pagefind/pagefind-entry.json': text('{"entry":"v2"}'),
  };
  await sw.lifecycle('install');
  await sw.lifecycle('activate');
  sw.fetched.length = 0;
  return sw;
}

describe('the generated worker', () => {
  it('is plain JavaScript that names its version and lists its URLs', () => {
    const source = swSource({ urls: URLS, version: 'abc123' });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain(`const CACHE = PREFIX + "abc123";`);
    for (const url of URLS) expect(source).toContain(`"${url}"`);
  });

  it('install stores every precache URL in the versioned cache, revalidating each with the server', async () => {
    const sw = await installed();
    const cache = sw.stores.get(sw.cacheName)!;
    expect(cache.entries.map(([u]) => u.pathname).sort()).toEqual([...URLS].sort());
    expect(await (await cache.match('/guides/tailscale/'))!.text()).toBe('tailscale v2');
    const again = load(URLS, 'v3');
    again.network.files = sw.network.files;
    await again.lifecycle('install');
    expect(again.fetched.map((f) => f.init?.cache)).toEqual(URLS.map(() => 'no-cache'));
  });

  it('install fails when a precache URL does not answer 200, so a half-filled cache never goes live', async () => {
    const sw = load(URLS, 'v2');
    sw.network.files = { '/': html('home') };
    await expect(sw.lifecycle('install')).rejects.toThrow(/precache: .* answered 404/);
  });

  it('install stores a redirected response as a plain one (a redirected response cannot answer a navigation)', async () => {
    const sw = load(['/404.html'], 'v1');
    sw.network.files = {
      '/404.html': () => Object.defineProperty(new Response('Page not found', { status: 200 }), 'redirected', { value: true }),
    };
    await sw.lifecycle('install');
    const stored = await sw.stores.get(sw.cacheName)!.match('/404.html');
    expect(stored!.redirected).toBe(false);
    expect(await stored!.text()).toBe('Page not found');
  });

  it("activate deletes this site's older caches, keeps other caches, enables navigation preload and takes control", async () => {
    const sw = load(URLS, 'v2');
    sw.network.files = Object.fromEntries(URLS.map((u) => [u, text(u)]));
    const stores = sw.stores;
    stores.set(`${CACHE_PREFIX}v1`, new FakeCache());
    stores.set('someone-else', new FakeCache());
    await sw.lifecycle('install');
    expect([...stores.keys()].sort()).toEqual([`${CACHE_PREFIX}v1`, sw.cacheName, 'someone-else'].sort());
    await sw.lifecycle('activate');
    expect([...stores.keys()].sort()).toEqual([sw.cacheName, 'someone-else']);
    expect(sw.calls).toEqual({ claimed: 1, preloadEnabled: 1 });
  });

  it('leaves other origins, other methods and files it did not precache to the browser', async () => {
    const sw = await installed();
    expect(await sw.request('https://cdn.example/lib.js')).toBeUndefined();
    expect(await sw.request('https://cdn.example/', { mode: 'navigate' })).toBeUndefined();
    expect(await sw.request('/guides/tailscale/', { method: 'POST', mode: 'navigate' })).toBeUndefined();
    expect(await sw.request('/_astro/app.abc.js', { method: 'HEAD' })).toBeUndefined();
    expect(await sw.request('/robots.txt')).toBeUndefined();
    expect(sw.fetched).toEqual([]);
  });

  it('answers hashed /_astro/ files from the cache without asking the network, and fetches ones it lacks', async () => {
    const sw = await installed();
    const res = await sw.request('/_astro/app.abc.js');
    expect(await res!.text()).toBe('app v2');
    expect(sw.fetched).toEqual([]);
    sw.network.files['/_astro/new.def.js'] = text('new');
    expect(await (await sw.request('/_astro/new.def.js'))!.text()).toBe('new');
    expect(sw.fetched.map((f) => f.url)).toEqual(['/_astro/new.def.js']);
  });

  it('navigations go to the network first, so an online reader gets the newest page', async () => {
    const sw = await installed();
    sw.network.files['/guides/tailscale/'] = html('tailscale v3');
    expect(await (await sw.request('/guides/tailscale/', { mode: 'navigate' }))!.text()).toBe('tailscale v3');
    // With navigation preload the preloaded response is used and nothing else is fetched.
    sw.fetched.length = 0;
    const preload = new Response('preloaded', { status: 200 });
    expect(await (await sw.request('/guides/tailscale/', { mode: 'navigate', preload }))!.text()).toBe('preloaded');
    expect(sw.fetched).toEqual([]);
    // A 404 from the server is the server's answer.
    const missing = await sw.request('/nope/', { mode: 'navigate' });
    expect(missing!.status).toBe(404);
  });

  it('offline, a navigation gets the cached page (query ignored, headers kept)', async () => {
    const sw = await installed();
    sw.network.offline = true;
    const res = await sw.request('/guides/tailscale/?utm_source=x', { mode: 'navigate' });
    expect(res!.status).toBe(200);
    expect(await res!.text()).toBe('tailscale v2');
    expect(res!.headers.get('x-test')).toBe('kept');
  });

  it('offline, an unknown path gets the cached 404 page with status 404', async () => {
    const sw = await installed();
    sw.network.offline = true;
    const res = await sw.request('/no/such/page/', { mode: 'navigate' });
    expect(res!.status).toBe(404);
    expect(await res!.text()).toBe('Page not found v2');
    expect(res!.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('offline, a folder typed without its slash is redirected to the cached folder URL', async () => {
    const sw = await installed();
    sw.network.offline = true;
    const res = await sw.request('/guides/tailscale?x=1', { mode: 'navigate' });
    expect(res!.status).toBe(301);
    expect(res!.headers.get('location')).toBe(`${ORIGIN}/guides/tailscale/?x=1`);
  });

  it('a server error (5xx) on a navigation falls back to the cached page', async () => {
    const sw = await installed();
    sw.network.files['/'] = () => new Response('bad gateway', { status: 502 });
    expect(await (await sw.request('/', { mode: 'navigate' }))!.text()).toBe('home v2');
    // …and to the server's own answer when the page is not cached.
    sw.network.files['/other/'] = () => new Response('bad gateway', { status: 502 });
    expect((await sw.request('/other/', { mode: 'navigate' }))!.status).toBe(502);
  });

  it("other precached files are network first, then cached, with the query ignored (Pagefind's ?ts=)", async () => {
    const sw = await installed();
    sw.network.files['/pagefind/pagefind-entry.json'] = text('{"entry":"v3"}');
    expect(await (await sw.request('/pagefind/pagefind-entry.json?ts=1'))!.text()).toBe('{"entry":"v3"}');
    sw.network.offline = true;
    expect(await (await sw.request('/pagefind/pagefind-entry.json?ts=2'))!.text()).toBe('{"entry":"v2"}');
  });

  it('offline, a request for a page it does not have fails like the network did, when there is no 404 page', async () => {
    const sw = load(['/'], 'v1');
    sw.network.files = { '/': html('home') };
    await sw.lifecycle('install');
    sw.network.offline = true;
    await expect(sw.request('/missing/', { mode: 'navigate' })).rejects.toThrow('Failed to fetch');
  });

  it('never writes to the cache after install', async () => {
    const sw = await installed();
    const cache = sw.stores.get(sw.cacheName)!;
    const before = cache.puts;
    sw.network.files['/_astro/new.def.js'] = text('new');
    for (const path of ['/guides/tailscale/?secret=1', '/_astro/new.def.js', '/pagefind/pagefind-entry.json?ts=9']) {
      await (await sw.request(path, { mode: path.endsWith('.js') ? 'cors' : 'navigate' }))!.text();
    }
    sw.network.offline = true;
    await (await sw.request('/nowhere/', { mode: 'navigate' }))!.text();
    expect(cache.puts).toBe(before);
    expect(cache.entries.map(([u]) => u.pathname).sort()).toEqual([...URLS].sort());
  });
});
