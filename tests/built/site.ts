// Helpers for tests that read the built site in dist/ (built by `npm run build`).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

// E2E_DIST names another built folder, as for the Playwright configs (for parallel work on a second build).
export const DIST = join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist');

export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` before the dist tests');
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

export interface Page {
  /** URL path, e.g. /guides/tailscale/ (404.html stays /404.html). */
  url: string;
  file: string;
  html: string;
  root: HTMLElement;
}

let cache: Page[] | undefined;

/** Every HTML page of the site (Pagefind's own files excluded). */
export function pages(): Page[] {
  requireDist();
  cache ??= walk(DIST)
    .filter((file) => file.endsWith('.html') && !file.includes(`${sep}pagefind${sep}`))
    .map((file) => {
      const rel = relative(DIST, file).split(sep).join('/');
      const url = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
      const html = readFileSync(file, 'utf8');
      return { url, file, html, root: parse(html) };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
  return cache;
}

export function guidePages(): Page[] {
  return pages().filter((p) => /^\/guides\/[^/]+\/$/.test(p.url));
}

/** Resolves a URL path to the file the static server would send, or undefined. */
export function fileFor(pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith('/')
    ? [join(DIST, clean, 'index.html')]
    : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && !c.endsWith(sep));
}

export function readDist(path: string): string {
  return readFileSync(join(DIST, path), 'utf8');
}
