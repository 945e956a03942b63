/**
 * What a doctor link may point at: guide headings as Astro renders their ids (github-slugger over the MDX
 * headings), and builder fields as the builder islands mark them (`data-path`/`path` attributes).
 */
import GithubSlugger from 'github-slugger';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DOCS = join(ROOT, 'src', 'content', 'docs');

/** `/guides/<slug>/#<id>` for every h2–h6 of every guide. */
export function guideAnchors(): Set<string> {
  const anchors = new Set<string>();
  for (const file of readdirSync(DOCS).filter((name) => name.endsWith('.mdx'))) {
    const slug = file.replace(/\.mdx$/, '');
    const body = readFileSync(join(DOCS, file), 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/^```[\s\S]*?^```/gm, '');
    const slugger = new GithubSlugger();
    for (const match of body.matchAll(/^#{2,6}\s+(.+)$/gm)) {
      // Astro slugs the rendered text: inline code marks, emphasis and escapes are gone by then.
      const text = (match[1] ?? '').replace(/`/g, '').replace(/\\(.)/g, '$1').replace(/\*\*?/g, '').trim();
      anchors.add(`/guides/${slug}/#${slugger.slug(text)}`);
    }
  }
  return anchors;
}

const ISLANDS: Record<string, string> = {
  tailscale: 'src/components/tailscale/TailscaleBuilder.tsx',
  'internal-dns': 'src/components/dns/InternalDnsBuilder.tsx',
  npm: 'src/components/npm/NpmSnippetsBuilder.tsx',
  'authelia-setup': 'src/components/authelia/AutheliaSetupBuilder.tsx',
  access: 'src/components/authelia/AccessControlBuilder.tsx',
  compose: 'src/components/compose/ComposeSplitter.tsx',
};

/**
 * Whether the builder's island marks `field`. Indexed paths (`hosts[0].hostname`) match the island's
 * `hosts[${i}].hostname` template, or `hosts[${i}].${key}` with `'hostname'` listed as a key. The compose splitter
 * has one text area and no data-path: its field `source` is the element id `cs-source`.
 */
export function builderHasField(builder: string, field: string): boolean {
  const file = ISLANDS[builder];
  if (!file) return false;
  const source = readFileSync(join(ROOT, file), 'utf8');
  if (builder === 'compose') return source.includes(`id="cs-${field}"`);
  const indexed = /^(\w+)\[0\]\.(\w+)$/.exec(field);
  if (indexed) {
    const [, list, key] = indexed;
    if (source.includes(`${list}[\${i}].${key}\``)) return true;
    return source.includes(`${list}[\${i}].\${key}\``) && new RegExp(`['"]${key}['"]`).test(source);
  }
  return (
    source.includes(`path="${field}"`) ||
    source.includes(`data-path="${field}"`) ||
    new RegExp(`\\b(?:text|set)\\('${field}'`).test(source)
  );
}
