/**
 * What `astro build` writes after the pages (src/integrations/post-build.ts): the search index, the CSP include and
 * the service worker. Each must be there and match the built pages as they are now, so a bare `astro build` (no
 * separate pagefind or script step) yields the site that deploys: a stale CSP would block a changed inline script,
 * a stale worker would precache files that are gone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsp, CSP_DIR, NGINX_CSP_FILE, nginxInclude } from '../../scripts/csp.ts';
import { buildPrecache, readBuiltFiles, SW_FILE, swSource } from '../../scripts/sw.ts';
import { DIST, pages, readDist } from './site';

describe('the build output after the pages', () => {
  it("has Pagefind's index with every page that marks a body to index, and the files the search UI loads", () => {
    const entry = JSON.parse(readDist('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    const withBody = pages().filter((page) => page.root.querySelector('[data-pagefind-body]')).length;
    expect(withBody).toBeGreaterThan(5);
    expect(indexed).toBe(withBody);
    for (const file of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind.js', 'pagefind-worker.js'])
      expect(existsSync(join(DIST, 'pagefind', file)), file).toBe(true);
  });

  it('has the CSP include for exactly the inline scripts of the built pages', () => {
    const written = readDist(`${CSP_DIR}/${NGINX_CSP_FILE}`);
    const current = buildCsp(DIST);
    expect(current.hashes.length).toBeGreaterThan(0);
    expect(written).toBe(nginxInclude(current));
    expect(readDist(`${CSP_DIR}/policy.txt`)).toBe(`${current.policy}\n`);
  });

  it('has the service worker for exactly the files now in the built folder, search index included', () => {
    const entry = readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8');
    const precache = buildPrecache(readBuiltFiles(DIST), entry);
    expect(precache.pagefindBytes).toBeGreaterThan(0);
    expect(readDist(SW_FILE)).toBe(swSource(precache));
  });
});
