/**
 * Literal `domain` entries as Authelia 4.39.20 reads and matches them:
 * https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/access_control_domain.go#L12-L31 (reading)
 * and #L63-L84 (matching). The entry is lower-cased when read; the request's host is compared as it arrives
 * (`URL.Hostname()`, never lower-cased — https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/types.go#L93).
 *
 * - `*.x` is the suffix `.x`, compared case-insensitively at any depth, never the apex.
 * - `{user}x` / `{group}x`: the placeholder is a raw prefix — what follows it (`.example.com`, or `-files.example.com`)
 *   is the suffix. An anonymous visitor matches any longer host ending in the suffix (case-insensitively), and is then
 *   asked to log in. A logged-in user matches `{user}x` only when the host is exactly `<username>x` (case-sensitive),
 *   and `{group}x` only when the host after its first dot equals the suffix (case-sensitive) and the label before it is
 *   one of the user's groups (case-insensitive).
 * - anything else is an exact, case-insensitive host (so `*example.com` and a trailing-dot entry match no real host).
 */

export type DomainEntry =
  | { kind: 'literal'; name: string }
  | { kind: 'wildcard'; suffix: string }
  | { kind: 'user'; suffix: string }
  | { kind: 'group'; suffix: string };

export function parseDomainEntry(raw: string): DomainEntry {
  const lower = raw.toLowerCase();
  if (lower.startsWith('*.')) return { kind: 'wildcard', suffix: lower.slice(1) };
  if (lower.startsWith('{user}')) return { kind: 'user', suffix: lower.slice('{user}'.length) };
  if (lower.startsWith('{group}')) return { kind: 'group', suffix: lower.slice('{group}'.length) };
  return { kind: 'literal', name: lower };
}

/** Who makes the request, as Authelia's `authorization.Subject` holds it. */
export interface Subject {
  username: string;
  groups: string[];
  /** The OAuth2 client id of a client-credentials access token ('' for a browser session). */
  clientId: string;
}

/** `Subject.IsAnonymous`: no username, no groups and no client id. */
export const isAnonymous = (subject: Subject) =>
  subject.username === '' && subject.groups.length === 0 && subject.clientId === '';

/** Go's `utils.StringHasSuffixFold` (ASCII and Unicode simple folding; lower-casing both is close enough here). */
export const hasSuffixFold = (text: string, suffix: string) =>
  text.length >= suffix.length && text.slice(text.length - suffix.length).toLowerCase() === suffix.toLowerCase();

const equalFold = (first: string, second: string) => first.toLowerCase() === second.toLowerCase();

/** Whether the entry matches `host` (exactly as it arrives) for this subject. */
export function domainEntryMatches(entry: DomainEntry, host: string, subject: Subject): boolean {
  switch (entry.kind) {
    case 'wildcard':
      return hasSuffixFold(host, entry.suffix);
    case 'user':
      if (isAnonymous(subject) && hasSuffixFold(host, entry.suffix)) return host.length > entry.suffix.length;
      return host === `${subject.username}${entry.suffix}`;
    case 'group': {
      if (isAnonymous(subject) && hasSuffixFold(host, entry.suffix)) return host.length > entry.suffix.length;
      const firstDot = host.indexOf('.');
      // Go slices host[-1:] here and panics; no match is the closest safe answer.
      if (firstDot < 0) return false;
      const label = host.slice(0, firstDot);
      return host.slice(firstDot) === entry.suffix && subject.groups.some((group) => equalFold(group, label));
    }
    default:
      return equalFold(host, entry.name);
  }
}

/** A host name as typed in a rule or option: lower-case, no trailing dot; a URL is reduced to its host. */
export function hostOf(value: string): string | undefined {
  let text = value.trim();
  if (text.includes('://')) {
    try {
      text = new URL(text).hostname;
    } catch {
      return undefined;
    }
  }
  text = text.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9_*{}.-]+$/.test(text) && text !== '' ? text : undefined;
}

/** The punycode (A-label) form browsers send for a host with non-ASCII letters, or undefined when there is none. */
export function asciiHostOf(host: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(host)) return undefined;
  try {
    const ascii = new URL(`http://${host.replace(/^\*\./, 'wildcard.')}/`).hostname;
    return host.startsWith('*.') ? `*.${ascii.slice('wildcard.'.length)}` : ascii;
  } catch {
    return undefined;
  }
}
