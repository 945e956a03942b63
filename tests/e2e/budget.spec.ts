import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import { beforeHighlighterBudget, highlighterFiles, measurePage, totalBudget } from '../../scripts/js-budget';
import { OTHER_KEY_PAGES, builderPages as registryBuilderPages } from '../../src/lib/builders/registry';

// Byte budgets for builder pages, measured the way a reader meets them: the page loads, the reader scrolls to the
// end without clicking, and every script the browser fetched (workers and lazily loaded chunks included) is counted
// at gzip level 9. Bytes are deterministic for a build, so these are hard gates; timings live in `npm run bench`.
const DIST = join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist');
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));
}

/** Every built page that carries an island. */
const pagesWithIslands = walk(DIST)
  .filter((f) => f.endsWith('index.html') && !f.includes(`${sep}pagefind${sep}`))
  .filter((f) => readFileSync(f, 'utf8').includes('<astro-island'))
  .map(
    (f) =>
      `/${relative(DIST, f)
        .split(sep)
        .join('/')
        .replace(/index\.html$/, '')}`,
  );
/** The pages measured: every page of the registry that hosts a builder, and its other key pages with an island (the doctor). */
const measured = [...new Set([...registryBuilderPages(), ...OTHER_KEY_PAGES.filter((path) => pagesWithIslands.includes(path))])];
const highlighter = highlighterFiles(DIST);

test('the registry lists every built page that carries an island, so each is measured', () => {
  expect(registryBuilderPages().length).toBeGreaterThanOrEqual(5);
  for (const path of registryBuilderPages()) expect(pagesWithIslands, path).toContain(path);
  expect(pagesWithIslands.toSorted()).toEqual(measured.toSorted());
});

for (const path of measured) {
  test(`${path}: at most ${kb(beforeHighlighterBudget(path))} gzip of JS before the highlighter, ${kb(totalBudget(path))} with it`, async ({
    page,
  }) => {
    const { scripts, styles, before, highlighterGzip: lazy } = await measurePage(page, path, highlighter);
    const listing = [...scripts].map(([f, b]) => `${f} ${kb(b)}`).join(', ');
    expect(before, `before the highlighter: ${listing}`).toBeLessThanOrEqual(beforeHighlighterBudget(path));
    expect(before + lazy, `with the highlighter: ${listing}`).toBeLessThanOrEqual(totalBudget(path));
    // Stylesheets fetched by the page and its islands, the same 20 kB gzip budget as every page's linked CSS.
    const css = [...styles.values()].reduce((n, b) => n + b, 0);
    expect(css, [...styles].map(([f, b]) => `${f} ${kb(b)}`).join(', ')).toBeLessThanOrEqual(20 * 1024);
  });
}
