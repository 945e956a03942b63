/**
 * Nginx Proxy Manager (2.15) Advanced-tab snippets for Authelia forward-auth (AuthRequest, Authelia 4.38+).
 * Pure functions: no DOM, no I/O.
 */

/** Options: the Authelia upstream, the portal URL, the cookie domain and one entry per NPM proxy host. */
export type { NpmHost, NpmOptions, RealIpMode, RealIpOptions } from './types';

/** The default example (portal https://auth.example.com, upstream http://authelia:9091, two protected apps) and a new host row. */
export { NPM_TARGET, defaultNpmHost, defaultNpmOptions, defaultRealIp } from './defaults';

/** The builder spec (id `npm`): defaults, profile mapping, generator, choices, fields and one-click fixes. */
export { REAL_IP_MODE_LABELS, npmBuilder } from './builder';

/** Real client IP: Cloudflare's published ranges (dated), the tailnet ranges, NPM's default trust. */
export { CLOUDFLARE_RANGES, NPM_DEFAULT_TRUST, TAILNET_RANGES } from './realip-data';

/**
 * One `<hostname>.advanced.conf` file (language `nginx`) per proxy host, the portal's first, plus `npm-checklist.md`
 * (what to set in the Details/SSL tabs). Bad input becomes error diagnostics on the field and is never written into a snippet.
 */
export { CHECKLIST_FILE, REAL_IP_FILE, generateNpmSnippets } from './generate';

/** The internal location the snippet reserves for the Authelia subrequest, and Authelia's AuthRequest endpoint path. */
export { AUTHZ_LOCATION } from './validate';
export { AUTHZ_ENDPOINT, FORGED_HEADERS, hstsValue } from './render';

/** The builder's form (raw text as typed, one path per line) and its conversion to options. */
export {
  NPM_TOGGLES,
  REAL_IP_MODES,
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
  type RealIpForm,
} from './form';
