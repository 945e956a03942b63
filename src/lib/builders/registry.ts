/**
 * Every config builder and the pages that host it. The Lighthouse gate, the bench, the offline test and the byte
 * budgets read their page lists from here, so a new builder is listed once.
 */

export interface BuilderEntry {
  /** The spec id: share-link parameter and storage key. */
  id: string;
  title: string;
  /** The page whose main subject the builder is. */
  page: string;
  /** Other pages that embed it. */
  alsoOn?: readonly string[];
}

export const BUILDERS: readonly BuilderEntry[] = [
  { id: 'tailscale', title: 'Tailscale builder', page: '/guides/tailscale/' },
  { id: 'internal-dns', title: 'Internal DNS builder', page: '/guides/internal-dns/' },
  { id: 'npm', title: 'Nginx Proxy Manager snippets', page: '/guides/nginx-proxy-manager/', alsoOn: ['/guides/authelia-setup/'] },
  { id: 'authelia-setup', title: 'Authelia setup builder', page: '/guides/authelia-setup/' },
  { id: 'access', title: 'Authelia access-control builder', page: '/guides/authelia-forward-auth/' },
  { id: 'compose', title: 'Compose secrets splitter', page: '/guides/secrets/' },
  { id: 'ssh', title: 'SSH hardening builder', page: '/guides/ssh-keys/' },
  { id: 'kit', title: 'Front-door kit', page: '/kit/' },
];

/** Pages that are not builders but stand for a page type in the gates: home, a prose guide, checklist, search. */
export const OTHER_KEY_PAGES: readonly string[] = ['/', '/guides/close-the-ports/', '/checklist/', '/search/', '/doctor/'];

/** Every page that hosts a builder, once. */
export function builderPages(): string[] {
  return [...new Set(BUILDERS.flatMap((b) => [b.page, ...(b.alsoOn ?? [])]))];
}

/** The pages the gates measure: one of each type, and every builder page. */
export function keyPages(): string[] {
  return [...new Set([...OTHER_KEY_PAGES, ...builderPages()])];
}
