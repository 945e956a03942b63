/**
 * Literal `domain` entries as Authelia reads them (authorization/access_control_domain.go): lower-cased; `*.x` is the
 * suffix `.x` (any depth, never the apex); `{user}.x` / `{group}.x` are identity placeholders; anything else is an
 * exact, case-insensitive host (so `*example.com` matches no real host).
 */

export type DomainEntry =
  | { kind: 'literal'; host: string }
  | { kind: 'wildcard'; suffix: string }
  | { kind: 'user'; name: string }
  | { kind: 'group'; name: string };

export function parseDomainEntry(raw: string): DomainEntry {
  const d = raw.toLowerCase();
  if (d.startsWith('*.')) return { kind: 'wildcard', suffix: d.slice(1) };
  if (d.startsWith('{user}')) return { kind: 'user', name: d.slice(7) };
  if (d.startsWith('{group}')) return { kind: 'group', name: d.slice(8) };
  return { kind: 'literal', host: d };
}

export interface Identity {
  username: string;
  groups: string[];
}

/** Whether the entry matches `host` (already lower-case) for this identity (undefined = anonymous). */
export function domainEntryMatches(entry: DomainEntry, host: string, who: Identity | undefined): boolean {
  switch (entry.kind) {
    case 'wildcard':
      return host.endsWith(entry.suffix);
    case 'user':
      return host === `${who?.username ?? ''}.${entry.name}`;
    case 'group': {
      const dot = host.indexOf('.');
      if (dot < 0) return false;
      const prefix = host.slice(0, dot);
      return host.slice(dot + 1) === entry.name && (who?.groups ?? []).some((g) => g.toLowerCase() === prefix);
    }
    default:
      return host === entry.host;
  }
}

/** A host name as typed in a rule or option: lower-case, no trailing dot; a URL is reduced to its host. */
export function hostOf(value: string): string | undefined {
  let v = value.trim();
  if (v.includes('://')) {
    try {
      v = new URL(v).hostname;
    } catch {
      return undefined;
    }
  }
  v = v.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9_*{}.-]+$/.test(v) && v !== '' ? v : undefined;
}
