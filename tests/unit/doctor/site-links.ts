/**
 * What a doctor link may point at: guide headings as Astro renders their ids (github-slugger over the MDX
 * headings), and builder fields as the builder specs define them (or the `data-path` an island gives a field).
 */
import GithubSlugger from 'github-slugger';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDER_SPECS } from '../../../src/lib/builders/specs';

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

/**
 * Whether the builder has `field`: a key of its spec's state (`BUILDER_SPECS`), or for an indexed path
 * (`hosts[0].hostname`) a key of the list's rows. The islands mark every state field with the same `data-path`.
 */
export function builderHasField(builder: string, field: string): boolean {
  const spec = BUILDER_SPECS[builder];
  if (!spec) return false;
  const state = spec.defaults as Record<string, unknown>;
  const indexed = /^(\w+)\[0\]\.(\w+)$/.exec(field);
  if (indexed) {
    const rows = state[indexed[1]!];
    const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
    return typeof first === 'object' && first !== null && indexed[2]! in first;
  }
  return Object.hasOwn(state, field) || islandMarks(builder, field);
}

const ISLAND_DIRS: Record<string, string> = {
  tailscale: 'tailscale',
  'internal-dns': 'dns',
  npm: 'npm',
  'authelia-setup': 'authelia',
  access: 'authelia',
  compose: 'compose',
  ssh: 'ssh',
};

/** The source of every .tsx file of the builder's island. */
function islandSources(builder: string): string[] {
  const dir = join(ROOT, 'src', 'components', ISLAND_DIRS[builder] ?? builder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tsx'))
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

/**
 * Whether the builder's island marks a field with this `data-path` where it differs from the state key: written out,
 * or as the `path` of the kit's TextField (which renders it as `data-path`).
 */
function islandMarks(builder: string, field: string): boolean {
  return islandSources(builder).some(
    (source) => source.includes(`data-path="${field}"`) || new RegExp(`<TextField\\b[^>]*\\bpath="${field}"`).test(source),
  );
}

/** Whether the builder's island renders an element with this id (the target of an "open in the builder" link). */
export function islandHasId(builder: string, id: string): boolean {
  return islandSources(builder).some((source) => source.includes(`id="${id}"`));
}
