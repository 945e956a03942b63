import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { highlighterFiles, JS_BUDGET } from '../../scripts/js-budget';

// Byte budgets for builder pages, measured the way a reader meets them: the page loads, the reader scrolls to the
// end without clicking, and every script the browser fetched (workers and lazily loaded chunks included) is counted
// at gzip level 9. Bytes are deterministic for a build, so these are hard gates; timings live in `npm run bench`.
const DIST = join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist');
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));
}

/** Every built page that carries an island (a builder). */
const builderPages = walk(DIST)
  .filter((f) => f.endsWith('index.html') && !f.includes(`${sep}pagefind${sep}`))
  .filter((f) => readFileSync(f, 'utf8').includes('<astro-island'))
  .map(
    (f) =>
      `/${relative(DIST, f)
        .split(sep)
        .join('/')
        .replace(/index\.html$/, '')}`,
  );
const highlighter = highlighterFiles(DIST);

test('there are builder pages to check', () => {
  expect(builderPages.length).toBeGreaterThanOrEqual(5);
});

for (const path of builderPages) {
  test(`${path}: at most ${kb(JS_BUDGET.builderBeforeHighlighter)} gzip of JS before the highlighter, ${kb(JS_BUDGET.builderTotal)} with it`, async ({
    page,
  }) => {
    const scripts = new Map<string, number>();
    const styles = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const into = type === 'script' ? scripts : type === 'stylesheet' ? styles : undefined;
      if (!into) return;
      const url = new URL(response.url());
      pending.push(
        response.body().then(
          (body) => void into.set(url.pathname, gz(body)),
          () => undefined,
        ),
      );
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.evaluate(async () => {
      for (let y = 0; y <= document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 40));
      }
    });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    // Wait until every output panel that shows code has been highlighted (or has nothing to highlight yet).
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelectorAll('.output-file pre.output-plain').length === 0 ||
            document.querySelectorAll('.output-file .output-code').length > 0,
        ),
      )
      .toBe(true);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
    );
    let before = gz(Buffer.from(inline));
    let lazy = 0;
    for (const [file, bytes] of scripts) {
      if (highlighter.has(file)) lazy += bytes;
      else before += bytes;
    }
    const listing = [...scripts].map(([f, b]) => `${f} ${kb(b)}`).join(', ');
    expect(before, `before the highlighter: ${listing}`).toBeLessThanOrEqual(JS_BUDGET.builderBeforeHighlighter);
    expect(before + lazy, `with the highlighter: ${listing}`).toBeLessThanOrEqual(JS_BUDGET.builderTotal);
    // Stylesheets fetched by the page and its islands, the same 20 kB gzip budget as every page's linked CSS.
    const css = [...styles.values()].reduce((n, b) => n + b, 0);
    expect(css, [...styles].map(([f, b]) => `${f} ${kb(b)}`).join(', ')).toBeLessThanOrEqual(20 * 1024);
  });
}
