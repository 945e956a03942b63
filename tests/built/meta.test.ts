import { describe, expect, it } from 'vitest';
import { guidePages, pages, readDist } from './site';

describe('page metadata', () => {
  for (const page of pages()) {
    it(`${page.url} has a title, description, canonical URL and Open Graph tags`, () => {
      const head = page.root.querySelector('head')!;
      expect(head.querySelector('title')?.textContent.trim().length).toBeGreaterThan(3);
      const description = head.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
      expect(description.length).toBeGreaterThanOrEqual(50);
      expect(head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/^https:\/\//);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type']) {
        expect(head.querySelector(`meta[property="${property}"]`), property).not.toBeNull();
      }
      expect(page.root.querySelector('html')?.getAttribute('lang')).toBe('en');
      expect(page.root.querySelectorAll('h1')).toHaveLength(1);
      expect(page.root.querySelector('a.skip-link[href="#main"]')).not.toBeNull();
      expect(page.root.querySelector('#main')).not.toBeNull();
    });
  }
});

describe('site files', () => {
  it('lists every guide in the sitemap and leaves the 404 page out', () => {
    const sitemap = readDist('sitemap-0.xml');
    for (const guide of guidePages()) expect(sitemap).toContain(`${guide.url}</loc>`);
    expect(sitemap).not.toContain('404');
  });

  it('has an RSS item for every guide', () => {
    const rss = readDist('rss.xml');
    const items = rss.match(/<item>/g) ?? [];
    expect(items).toHaveLength(guidePages().length);
    for (const guide of guidePages()) expect(rss).toContain(`${guide.url}</link>`);
  });

  it('has a 404 page, a favicon and a robots.txt pointing at the sitemap', () => {
    expect(readDist('404.html')).toContain('Page not found');
    expect(readDist('favicon.svg')).toContain('<svg');
    expect(readDist('robots.txt')).toMatch(/Sitemap: https:\/\/.+\/sitemap-index\.xml/);
  });

  it('indexes guide bodies only: one data-pagefind-body per guide, none elsewhere', () => {
    for (const page of pages()) {
      const bodies = page.root.querySelectorAll('[data-pagefind-body]');
      expect(bodies, page.url).toHaveLength(guidePages().includes(page) ? 1 : 0);
    }
  });
});
