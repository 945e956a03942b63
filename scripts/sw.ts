// Writes <dir>/sw.js, the service worker that keeps the site usable offline once it has been visited.
//
// The worker precaches a fixed list of URLs taken from the built folder at build time:
//   - every HTML page, as the URL it is served under (/, /guides/tailscale/, /404.html);
//   - every file under /_astro/ (page scripts, island chunks, workers, the grammar and theme chunks the highlighter
//     loads lazily, CSS);
//   - the other files the pages load from the site root (favicon.svg and anything else put in public/);
//   - Pagefind's UI, engine, worker, wasm and index, so search works offline too.
// Left out: the generated CSP folder (never served), the crawler and feed files (robots.txt, sitemaps, rss.xml: read by
// programs that never run a service worker), and the parts of Pagefind the site does not load (the component and
// modular UIs, the highlight script, the wasm of languages the index does not have).
//
// Pagefind, measured on the site as it was when this was written (18 guides indexed): 28 of 90 URLs and 432 kB of a
// 1809 kB precache (1377 kB without search). Over the wire, with gzip for text, that is about 264 kB of about 685 kB:
// its index, fragments and wasm are stored compressed already, its UI, engine and worker scripts gzip to a quarter.
// For a one-time background download after the first page has loaded, offline search is worth it, so it is included.
// The build log (and `node scripts/sw.ts`) prints the numbers of each build.
//
// The cache name carries a version: a hash of every precached URL with the sha256 of its file. Any change to the built
// site gives a new sw.js, the browser installs it into a new cache, and `activate` deletes the older caches. A new
// worker waits until no tab uses the old one (there is no skipWaiting): a page opened before a deploy keeps loading
// its own lazily loaded chunks from the cache they were stored in, even after the server has dropped them.
//
// Strategies in the generated worker (only same-origin GET requests; everything else is not touched):
//   - /_astro/ and Pagefind's hashed index chunks (content-hashed, never change under one name): cache first;
//   - page navigations: network first, so readers see updates while online; the cached page when the network fails
//     (matched without the query string), the cached 404 page for a path the site does not have;
//   - the other precached files (favicon, Pagefind's unhashed entry files): network first, then the cache.
// Nothing is written to the cache after install: only the build's own files are stored, never a response to a URL a
// reader typed or a page built (the builders keep their input in the page, share links live in the URL fragment,
// which never reaches a service worker).
//
// `astro build` runs this last (src/integrations/post-build.ts calls writeSw).
// Usage on its own: node scripts/sw.ts [dir=dist]   (over a built folder, after Pagefind and scripts/csp.ts)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file the build writes, served as /sw.js (its scope is the whole site). */
export const SW_FILE = 'sw.js';
/** Prefix of every cache this worker creates; `activate` deletes the ones of older versions. */
export const CACHE_PREFIX = 'homelab-front-door-';

/** One file of the built site. */
export interface BuiltFile {
  /** Path inside the built folder, with forward slashes (`guides/tailscale/index.html`). */
  path: string;
  bytes: number;
  /** sha256 of the contents, hex. */
  sha256: string;
}

export interface Precache {
  /** The URLs to cache on install, sorted. */
  urls: string[];
  /** Hash of the URLs and their contents: part of the cache name. */
  version: string;
  /** Total size of the precached files. */
  bytes: number;
  /** The part of `bytes` that is Pagefind's. */
  pagefindBytes: number;
}

/** Files at the site root that are for crawlers and feed readers, not for the pages. */
const NOT_FOR_PAGES = /^(?:robots\.txt|rss\.xml|sitemap[\w-]*\.xml)$/;

/** Pagefind files the site's search dialog loads (src/scripts/search.ts loads the default UI). */
const PAGEFIND_ENTRY_FILES = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'];

/** The URL a built file is served under. */
export function urlFor(path: string): string {
  const url = `/${path.split('/').map(encodeURIComponent).join('/')}`;
  if (url === '/index.html') return '/';
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/**
 * The Pagefind files search needs, read from its pagefind-entry.json: the UI, the engine and its worker, the entry file,
 * and per indexed language its metadata and wasm, plus every index chunk and fragment.
 */
export function pagefindPaths(entryJson: string, paths: readonly string[]): Set<string> {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { hash?: string; wasm?: string }> };
  const wanted = new Set(PAGEFIND_ENTRY_FILES.map((f) => `pagefind/${f}`));
  for (const language of Object.values(entry.languages ?? {})) {
    if (language.hash) wanted.add(`pagefind/pagefind.${language.hash}.pf_meta`);
    if (language.wasm) wanted.add(`pagefind/wasm.${language.wasm}.pagefind`);
  }
  return new Set(paths.filter((p) => wanted.has(p) || /^pagefind\/(?:index|fragment)\//.test(p)));
}

/**
 * Chooses the files to precache and computes the version. `pagefindEntry` is the text of pagefind/pagefind-entry.json
 * (undefined: the site has no search index, or leave search out).
 */
export function buildPrecache(files: readonly BuiltFile[], pagefindEntry?: string): Precache {
  const paths = files.map((f) => f.path);
  const pagefind = pagefindEntry === undefined ? new Set<string>() : pagefindPaths(pagefindEntry, paths);
  const chosen = files.filter((f) => {
    const parts = f.path.split('/');
    const first = parts[0]!;
    // Dotfiles are never served (deploy/nginx/site.conf), the CSP folder is configuration, sw.js is the worker itself.
    if (parts.some((part) => part.startsWith('.')) || first === '_csp' || f.path === SW_FILE) return false;
    if (first === 'pagefind') return pagefind.has(f.path);
    if (!f.path.includes('/') && NOT_FOR_PAGES.test(f.path)) return false;
    return true;
  });
  const entries = chosen
    .map((f) => ({ url: urlFor(f.path), file: f }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = createHash('sha256')
    .update(entries.map((e) => `${e.url} ${e.file.sha256}\n`).join(''))
    .digest('hex')
    .slice(0, 16);
  return {
    urls: entries.map((e) => e.url),
    version,
    bytes: entries.reduce((sum, e) => sum + e.file.bytes, 0),
    pagefindBytes: entries.filter((e) => e.url.startsWith('/pagefind/')).reduce((sum, e) => sum + e.file.bytes, 0),
  };
}

/** The service worker's source for a precache list. Plain JavaScript, no imports, no build step of its own. */
export function swSource(precache: Pick<Precache, 'urls' | 'version'>): string {
  return `// Service worker of the site, generated by scripts/sw.ts at build time (do not edit: rebuild).
// Keeps every page, builder, the checklist and search working offline after one visit. Only same-origin GET requests
// are handled; nothing is stored after install, so no reader input ever lands in the cache.
'use strict';

const PREFIX = ${JSON.stringify(CACHE_PREFIX)};
const CACHE = PREFIX + ${JSON.stringify(precache.version)};
const PRECACHE = ${JSON.stringify(precache.urls, null, 2)};
const PRECACHED = new Set(PRECACHE);
/** Content-hashed build output: one name, one content, so the cached copy is always right. */
const IMMUTABLE = /^\\/(?:_astro\\/|pagefind\\/.+\\.(?:pf_fragment|pf_index|pf_meta)$)/;
/** Query strings do not change a static file (Pagefind adds ?ts= to its entry file); Vary is about encoding only. */
const MATCH = { ignoreSearch: true, ignoreVary: true };

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        PRECACHE.map(async (url) => {
          // Revalidate with the server: an HTTP-cached copy from an older build must not be stored under this version.
          const response = await fetch(url, { cache: 'no-cache' });
          if (!response.ok) throw new Error('precache: ' + url + ' answered ' + response.status);
          // A redirected response cannot answer a navigation: keep only its body and headers.
          await cache.put(url, response.redirected ? new Response(await response.blob(), response) : response);
        }),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // Starts the page request while the worker boots, so network-first navigations cost no extra round trip.
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(event, url));
  else if (IMMUTABLE.test(url.pathname)) event.respondWith(cacheFirst(request));
  else if (PRECACHED.has(url.pathname)) event.respondWith(networkFirst(request, fetch(request)));
});

async function fromCache(request) {
  return (await caches.open(CACHE)).match(request, MATCH);
}

async function cacheFirst(request) {
  return (await fromCache(request)) || fetch(request);
}

/** The network's answer, unless the network fails or the server is in trouble (5xx): then the cached copy. */
async function networkFirst(request, pending) {
  try {
    const response = await pending;
    if (response.status < 500) return response;
    return (await fromCache(request)) || response;
  } catch (error) {
    const copy = await fromCache(request);
    if (copy) return copy;
    throw error;
  }
}

async function page(event, url) {
  const pending = Promise.resolve(event.preloadResponse).then((preloaded) => preloaded || fetch(event.request));
  try {
    return await networkFirst(event.request, pending);
  } catch (error) {
    // Offline and not cached: a folder typed without its slash, else the site's own 404 page.
    if (!url.pathname.endsWith('/') && PRECACHED.has(url.pathname + '/')) {
      const folder = new URL(url);
      folder.pathname += '/';
      return Response.redirect(folder.href, 301);
    }
    const missing = await fromCache('/404.html');
    if (!missing) throw error;
    return new Response(missing.body, { status: 404, statusText: 'Not Found', headers: missing.headers });
  }
}
`;
}

/** Every file under `dir`, with its size and hash. */
export function readBuiltFiles(dir: string): BuiltFile[] {
  const root = resolve(dir);
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = join(folder, entry.name);
      return entry.isDirectory() ? walk(full) : entry.isFile() ? [full] : [];
    });
  return walk(root).map((full) => {
    const data = readFileSync(full);
    return {
      path: relative(root, full).split(sep).join('/'),
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  });
}

/** Builds the precache list for the built site in `dir` and writes `<dir>/sw.js`. */
export function writeSw(dir: string): Precache & { file: string } {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} has no index.html: build the site first`);
  const entryFile = join(root, 'pagefind', 'pagefind-entry.json');
  const precache = buildPrecache(readBuiltFiles(root), existsSync(entryFile) ? readFileSync(entryFile, 'utf8') : undefined);
  const file = join(root, SW_FILE);
  writeFileSync(file, swSource(precache));
  return { ...precache, file };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  try {
    const result = writeSw(dir);
    const kB = (n: number) => `${Math.round(n / 1024)} kB`;
    console.log(
      `sw: ${result.urls.length} URLs, ${kB(result.bytes)} precached (Pagefind ${kB(result.pagefindBytes)}), version ${result.version} → ${relative(process.cwd(), result.file)}`,
    );
  } catch (error) {
    console.error(`sw: ${(error as Error).message}`);
    process.exit(1);
  }
}
