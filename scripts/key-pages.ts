// The pages that stand for each page type, read from the registry (src/lib/builders/registry.ts), which is the one
// page list: the Lighthouse gate (scripts/lighthouse-report.ts), the bench (scripts/bench.ts) and the offline and
// budget tests read their pages from here. A builder added to the registry is audited, benched and tested offline
// without another list to edit.
import { BUILDERS, OTHER_KEY_PAGES, builderPages, keyPages, type BuilderEntry } from '../src/lib/builders/registry.ts';

export type PageKind = 'home' | 'prose guide' | 'builder' | 'checklist' | 'search' | 'doctor';

export interface KeyPage {
  path: string;
  kind: PageKind;
  /** How tables name the page: its type, or the builders it hosts. */
  label: string;
  /** The builders on the page (its own first, then those it embeds); empty for other pages. */
  builders: BuilderEntry[];
}

/** The search page with a query, so the audited or measured state shows Pagefind's results, not an empty field. */
export const SEARCH_WITH_RESULTS = '/search/?q=tailscale';

/** The type of one of the registry's OTHER_KEY_PAGES: a page at /guides/… is the prose guide. */
function otherKind(path: string): Exclude<PageKind, 'builder'> {
  if (path === '/') return 'home';
  if (path === '/checklist/') return 'checklist';
  if (path === '/search/') return 'search';
  if (path === '/doctor/') return 'doctor';
  if (path.startsWith('/guides/')) return 'prose guide';
  throw new Error(`registry: no page type for ${path} in OTHER_KEY_PAGES`);
}

/** The builders a page hosts: the ones whose page it is, then the ones it embeds. */
export function buildersOn(path: string): BuilderEntry[] {
  return [...BUILDERS.filter((b) => b.page === path), ...BUILDERS.filter((b) => b.alsoOn?.includes(path))];
}

/** "builder: Tailscale", "builders: Authelia setup + Nginx Proxy Manager snippets". */
function builderLabel(builders: readonly BuilderEntry[]): string {
  const names = builders.map((b) => b.title.replace(/ builder$/, ''));
  return `${names.length > 1 ? 'builders' : 'builder'}: ${names.join(' + ')}`;
}

const ORDER: PageKind[] = ['home', 'prose guide', 'builder', 'checklist', 'search', 'doctor'];

/**
 * Every key page once, home first, then the prose guide, every builder page, the checklist and search. A page in
 * both lists (a guide that gained a builder) counts as a builder page.
 */
export function keyPageList(): KeyPage[] {
  const builderPaths = new Set(builderPages());
  return keyPages()
    .map((path): KeyPage => {
      if (builderPaths.has(path)) {
        const builders = buildersOn(path);
        return { path, kind: 'builder', label: builderLabel(builders), builders };
      }
      const kind = otherKind(path);
      return { path, kind, label: kind, builders: [] };
    })
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/** The prose guide that stands for every page without a builder (a guide page in OTHER_KEY_PAGES). */
export function proseGuide(): string {
  const path = OTHER_KEY_PAGES.find((p) => otherKind(p) === 'prose guide' && !builderPages().includes(p));
  if (!path) throw new Error('registry: OTHER_KEY_PAGES names no prose guide without a builder');
  return path;
}
