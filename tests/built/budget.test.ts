import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileFor, pages } from './site';

// Byte budgets (deterministic, so they may fail the build). Timings live in `npm run bench`.
export const BUDGET = {
  htmlGzip: 15 * 1024,
  /** JS a prose page (no island) ships: theme, copy buttons, search loader. */
  proseJsGzip: 5 * 1024,
  /** Stylesheets a page links plus its inline styles. */
  cssGzip: 20 * 1024,
};

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

describe('byte budgets', () => {
  for (const page of pages()) {
    it(`${page.url} HTML is at most 15 kB gzip`, () => {
      expect(gz(page.html)).toBeLessThanOrEqual(BUDGET.htmlGzip);
    });

    it(`${page.url} CSS is at most 20 kB gzip`, () => {
      let total = 0;
      for (const link of page.root.querySelectorAll('link[rel="stylesheet"]')) {
        const href = link.getAttribute('href')!;
        const file = fileFor(new URL(href, 'https://x.invalid').pathname);
        expect(file, `stylesheet ${href} exists`).toBeTruthy();
        total += gz(readFileSync(file!));
      }
      for (const style of page.root.querySelectorAll('style')) total += gz(style.textContent);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(BUDGET.cssGzip);
    });

    const hasIsland = page.root.querySelector('astro-island') !== null;
    if (hasIsland) continue;
    it(`${page.url} ships at most 5 kB gzip of JavaScript and no framework runtime`, () => {
      const scripts = page.root.querySelectorAll('script');
      let total = 0;
      for (const script of scripts) {
        const src = script.getAttribute('src');
        if (src) {
          const file = fileFor(new URL(src, 'https://x.invalid').pathname);
          expect(file, `script ${src} exists`).toBeTruthy();
          total += gz(readFileSync(file!));
        } else {
          total += gz(script.textContent);
        }
      }
      expect(page.html).not.toMatch(/preact|renderer-url/);
      expect(total).toBeLessThanOrEqual(BUDGET.proseJsGzip);
    });
  }
});
