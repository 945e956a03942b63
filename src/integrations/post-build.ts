/**
 * The steps after Astro has written the site, as an Astro integration (hook `astro:build:done`), so a bare
 * `astro build` yields the deployable site:
 *   1. the search index (Pagefind's Node API, the same index and UI files as `pagefind --site dist`);
 *   2. the Content-Security-Policy include with the hash of every inline script (scripts/csp.ts);
 *   3. the service worker that precaches the built site, search index included (scripts/sw.ts).
 * The order matters: the worker's precache list and version hash every file, so it comes last. The logic of steps 2
 * and 3 lives in the scripts, which still run alone over a built folder (`node scripts/csp.ts dist`); this file only
 * calls it. A failing step fails the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex } from 'pagefind';
import { writeCsp } from '../../scripts/csp.ts';
import { writeSw } from '../../scripts/sw.ts';
import { sectionsAsMetadata, weightHeadingsForSearch } from '../lib/site/search-weights.ts';

/** Every HTML file under `dir`, Pagefind's own output left out. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.split(sep).includes('pagefind'))
    .toSorted();
}

/**
 * Indexes every HTML page under `dir` and writes Pagefind's index and UI to `<dir>/pagefind/`. Each page is handed
 * over with its section headings weighted for search (src/lib/site/search-weights.ts); the files on disk stay as
 * they are.
 */
export async function indexForSearch(dir: string): Promise<{ pages: number }> {
  try {
    const created = await createIndex();
    if (!created.index) throw new Error(`pagefind: ${created.errors.join('; ') || 'no index'}`);
    let pages = 0;
    for (const file of htmlFiles(dir)) {
      const content = sectionsAsMetadata(weightHeadingsForSearch(readFileSync(join(dir, file), 'utf8')));
      const added = await created.index.addHTMLFile({ sourcePath: file.split(sep).join('/'), content });
      if (added.errors.length) throw new Error(`pagefind: ${file}: ${added.errors.join('; ')}`);
      pages += 1;
    }
    if (pages === 0) throw new Error(`pagefind: no pages to index under ${dir}`);
    const written = await created.index.writeFiles({ outputPath: `${dir}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages };
  } finally {
    // Stops Pagefind's backend process, which would otherwise keep the build from exiting.
    await close();
  }
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;
const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

/** Runs the three steps over the built folder `dir`, logging one line each (scripts/bench.ts reads the times). */
export async function postBuild(dir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  const shown = relative(process.cwd(), dir) || '.';
  let t0 = performance.now();
  const search = await indexForSearch(dir);
  logger.info(`search index: ${search.pages} pages in ${seconds(t0)}`);

  t0 = performance.now();
  const csp = writeCsp(dir);
  logger.info(
    `CSP: ${csp.hashes.length} inline-script hashes from ${csp.files} HTML files → ${relative(process.cwd(), csp.include)} in ${seconds(t0)}`,
  );

  t0 = performance.now();
  const sw = writeSw(dir);
  logger.info(
    `service worker: ${sw.urls.length} URLs, ${kB(sw.bytes)} precached (Pagefind ${kB(sw.pagefindBytes)}), version ${sw.version} → ${shown}/sw.js in ${seconds(t0)}`,
  );
}

export default function postBuildIntegration(): AstroIntegration {
  return {
    name: 'post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await postBuild(fileURLToPath(dir).replace(/\/$/, ''), logger);
      },
    },
  };
}
