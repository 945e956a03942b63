/**
 * Heading weights for the search index, applied to the HTML handed to Pagefind at build time
 * (src/integrations/post-build.ts) and never to the pages the site ships: a `data-pagefind-weight` on every heading
 * would cost HTML bytes on every guide, and the largest guide has almost none to spare.
 *
 * Pagefind's defaults (https://pagefind.app/docs/weighting/) weigh h1 7, h2 6 and h3 5. A guide's title then
 * outweighs its section headings, so a short page whose title shares one word with a question ("ip" in "scan your
 * own public IP") outranked the guide with a whole section named after it ("Turn on IP forwarding"). Section
 * headings are the names of the tasks a reader searches for, so they weigh as much as a title.
 */
export const HEADING_WEIGHTS: Readonly<Record<'h2' | 'h3', number>> = { h2: 10, h3: 9 };

const HEADING_OPEN = /<(h[23])(\s[^>]*)?>/gi;

/** Adds the weight to each h2 and h3 opening tag that has none of its own; everything else is left as it is. */
export function weightHeadingsForSearch(html: string): string {
  return html.replace(HEADING_OPEN, (tag: string, name: string, attributes: string | undefined) => {
    if (attributes?.includes('data-pagefind-weight')) return tag;
    const weight = HEADING_WEIGHTS[name.toLowerCase() as 'h2' | 'h3'];
    return `<${name} data-pagefind-weight="${weight}"${attributes ?? ''}>`;
  });
}

const SECTION_HEADING = /<h([23])\b[^>]*>([\s\S]*?)<\/h\1>/gi;
const BODY_OPEN = /<([a-z]+)(\s[^>]*\bdata-pagefind-body\b[^>]*)>/i;

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_entity, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!)
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Names the page's section headings as Pagefind metadata (`sections`) on the element that holds its indexed body, so
 * a search can weigh a match in a section's name the way Pagefind weighs a match in the title (`metaWeights`).
 */
export function sectionsAsMetadata(html: string): string {
  const names = [...html.matchAll(SECTION_HEADING)].map((match) => plainText(match[2]!)).filter(Boolean);
  if (names.length === 0) return html;
  const value = names.join(' · ').replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return html.replace(
    BODY_OPEN,
    (_tag, name: string, attributes: string) =>
      `<${name}${attributes} data-pagefind-meta="sections[data-sections]" data-sections="${value}">`,
  );
}
