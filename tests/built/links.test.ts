import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { fileFor, pages } from './site';

// Internal link check: every href/src that stays on this site must resolve to a built file,
// and every #fragment must name an id on the target page.
const ORIGIN = 'https://link-check.invalid';

function idsOf(file: string): Set<string> {
  const root = parse(readFileSync(file, 'utf8'));
  return new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id')!));
}

describe('internal links in dist', () => {
  const all = pages();

  it('found the built pages', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  for (const page of all) {
    it(`${page.url} has no broken internal links or anchors`, () => {
      const problems: string[] = [];
      const base = new URL(page.url, ORIGIN);
      const refs = [
        ...page.root.querySelectorAll('a[href]').map((el) => el.getAttribute('href')!),
        ...page.root.querySelectorAll('link[href]').map((el) => el.getAttribute('href')!),
        ...page.root.querySelectorAll('script[src], img[src]').map((el) => el.getAttribute('src')!),
      ];
      for (const ref of refs) {
        if (/^(mailto|tel|javascript|data):/i.test(ref)) continue;
        const url = new URL(ref, base);
        if (url.origin !== ORIGIN) continue;
        const target = url.pathname === base.pathname ? page.file : fileFor(url.pathname);
        if (!target) {
          problems.push(`${ref}: no such page`);
          continue;
        }
        if (url.hash.length > 1 && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!idsOf(target).has(id)) problems.push(`${ref}: no element with id "${id}"`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  // Astro's HTML compression drops a line break between a word and a link that starts the next source line ("from
  // the<a>kit</a>"), so the words run together on screen and in print; a `{' '}` keeps the space.
  it('no link is glued to the word before or after it', () => {
    const glued = all.flatMap((page) =>
      [...page.html.matchAll(/[A-Za-z]<a\s[^>]*>[^<]*<\/a>|<a\s[^>]*>[^<]*<\/a>[A-Za-z]/g)].map((m) => `${page.url}: ${m[0]}`),
    );
    expect(glued).toEqual([]);
  });
});
