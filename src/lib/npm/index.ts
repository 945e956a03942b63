/**
 * Nginx Proxy Manager (2.15) Advanced-tab snippets for Authelia forward-auth (AuthRequest, Authelia 4.38+).
 * Pure functions: no DOM, no I/O.
 */

/** Options: the Authelia upstream, the portal URL, the cookie domain and one entry per NPM proxy host. */
export type { NpmHost, NpmOptions } from './types';

/** The default example (portal https://auth.example.com, upstream http://authelia:9091, two protected apps) and a new host row. */
export { defaultNpmHost, defaultNpmOptions } from './defaults';

/**
 * One `<hostname>.advanced.conf` file (language `nginx`) per proxy host, the portal's first, plus `npm-checklist.md`
 * (what to set in the Details/SSL tabs). Bad input becomes error diagnostics on the field and is never written into a snippet.
 */
export { CHECKLIST_FILE, generateNpmSnippets } from './generate';

/** The internal location the snippet reserves for the Authelia subrequest, and Authelia's AuthRequest endpoint path. */
export { AUTHZ_LOCATION } from './validate';
export { AUTHZ_ENDPOINT } from './render';

/** The builder's form (raw text as typed, one path per line) and its conversion to options. */
export {
  NPM_TOGGLES,
  defaultNpmForm,
  emptyNpmHostForm,
  entryLines,
  fieldDiagnostics,
  fieldOf,
  normalizeNpmForm,
  npmFormFromOptions,
  npmOptionsFromForm,
  replaceEntry,
  textLines,
  type FieldTarget,
  type NpmForm,
  type NpmHostForm,
  type NpmToggle,
} from './form';
