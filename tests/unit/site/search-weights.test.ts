import { describe, expect, it } from 'vitest';
import { HEADING_WEIGHTS, weightHeadingsForSearch } from '../../../src/lib/site/search-weights';

describe('weightHeadingsForSearch', () => {
  it('weighs h2 and h3 headings, with or without attributes', () => {
    expect(weightHeadingsForSearch('<h2 id="turn-on">Turn on</h2><h3>Check</h3>')).toBe(
      `<h2 data-pagefind-weight="${HEADING_WEIGHTS.h2}" id="turn-on">Turn on</h2><h3 data-pagefind-weight="${HEADING_WEIGHTS.h3}">Check</h3>`,
    );
  });

  it('keeps a weight the page sets itself and leaves other elements alone', () => {
    const html = '<h1 data-pagefind-weight="7">T</h1><h2 data-pagefind-weight="2">x</h2><header><h4>y</h4><hr>';
    expect(weightHeadingsForSearch(html)).toBe(html);
  });

  it('weighs section headings at least as much as a title (Pagefind weighs h1 7)', () => {
    expect(HEADING_WEIGHTS.h2).toBeGreaterThanOrEqual(7);
    expect(HEADING_WEIGHTS.h3).toBeGreaterThanOrEqual(7);
  });
});
