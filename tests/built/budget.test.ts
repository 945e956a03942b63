import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileFor, pages } from './site';

// Byte budgets (deterministic, so they may fail the build). Timings live in `npm run bench`.
export const BUDGET = {
  htmlGzip: 15 * 1024,
  /** JS a prose page (no island) ships: theme, copy buttons, search loader. */
  proseJsGzip: 5 * 1024,
};

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

describe('byte budgets', () => {
  for (const page of pages()) {
    it(`${page.url} HTML is at most 15 kB gzip`, () => {
      expect(gz(page.html)).toBeLessThanOrEqual(BUDGET.htmlGzip);
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
