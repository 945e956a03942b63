/**
 * Table of contents from the headings Astro reports for a rendered guide.
 */

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/**
 * Nests h3 under the preceding h2; other depths are ignored. An h3 before any h2
 * becomes a top-level item so no heading is ever lost.
 */
export function buildToc(headings: readonly Heading[]): TocItem[] {
  const toc: TocItem[] = [];
  for (const h of headings) {
    if (h.depth === 2) {
      toc.push({ slug: h.slug, text: h.text, children: [] });
    } else if (h.depth === 3) {
      const parent = toc.at(-1);
      const item = { slug: h.slug, text: h.text, children: [] };
      if (parent) parent.children.push(item);
      else toc.push(item);
    }
  }
  return toc;
}
