import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every page URL listed in the built sitemap, as a local path. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist', 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
