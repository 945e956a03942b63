/**
 * Whether one rule hides another (covers every request it could match) or can share a request with it — the
 * provable cases only: when in doubt, no. Host entries follow Authelia's matchers
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/access_control_domain.go#L63-L84):
 * for an anonymous visitor a `{user}` / `{group}` entry behaves like a suffix wildcard; for a logged-in user it matches
 * only hosts under its suffix. Networks follow Go's family rule (../../core/ip/go-net.ts).
 */
import { networkCovers, networksOverlap, parseNetwork, type IpNetwork } from '../../core/ip/go-net';
import { parseDomainEntry, type DomainEntry } from './domain';
import { METHODS } from './messages';
import type { AccessControlRuleModel, QueryCondition } from './model';
import { compileRe2, hasIdentityGroups } from './regex';

/** Patterns that match every host name. */
export const MATCH_ALL_HOST = new Set(['', '.', '.+', '.*', '^.*', '.*$', '^.*$', '^.+$', '^.+', '(?i).*', '(?i)^.*$']);
/** Patterns that match every cleaned path (paths always start with `/`). */
export const MATCH_ALL_PATH = new Set([...MATCH_ALL_HOST, '/', '^/', '^/.*', '^/.*$', '/.*', '^/.+|^/$']);

/** `key` is the comparison key: lower-case for literals (Authelia lower-cases them), verbatim for regexes. */
export type HostEntry =
  | { type: 'literal'; raw: string; key: string; entry: DomainEntry }
  | { type: 'regex'; raw: string; key: string; identity: boolean };

const entryCache = new WeakMap<AccessControlRuleModel, HostEntry[]>();

export function hostEntries(rule: AccessControlRuleModel): HostEntry[] {
  let list = entryCache.get(rule);
  if (!list) {
    list = [
      ...rule.domain.map((raw): HostEntry => ({ type: 'literal', raw, key: raw.toLowerCase(), entry: parseDomainEntry(raw) })),
      ...rule.domain_regex.map((raw): HostEntry => ({ type: 'regex', raw, key: raw, identity: hasIdentityGroups(raw) })),
    ];
    entryCache.set(rule, list);
  }
  return list;
}

export const regexTest = (pattern: string, host: string) => compileRe2(pattern).regex?.test(host) ?? false;

const isPlaceholder = (entry: DomainEntry) => entry.kind === 'user' || entry.kind === 'group';
const identityDependent = (entry: HostEntry) => (entry.type === 'regex' ? entry.identity : isPlaceholder(entry.entry));
const sameEntry = (first: HostEntry, second: HostEntry) => first.type === second.type && first.key === second.key;

/** The suffix a wildcard or placeholder entry needs (placeholders: as an anonymous visitor meets them). */
const suffixOf = (entry: DomainEntry) => (entry.kind === 'literal' ? undefined : entry.suffix);

/** Whether `earlier` matches every host `later` could match, for every visitor. */
function entryCovers(earlier: HostEntry, later: HostEntry): boolean {
  if (sameEntry(earlier, later)) return true;
  if (identityDependent(earlier)) return false;
  if (earlier.type === 'regex') {
    if (MATCH_ALL_HOST.has(earlier.raw)) return true;
    return later.type === 'literal' && later.entry.kind === 'literal' && regexTest(earlier.raw, later.entry.name);
  }
  if (later.type === 'regex') return false;
  const outer = earlier.entry;
  const inner = later.entry;
  if (outer.kind === 'literal') return inner.kind === 'literal' && inner.name === outer.name;
  if (outer.kind !== 'wildcard') return false;
  if (inner.kind === 'literal') return inner.name.endsWith(outer.suffix);
  return inner.suffix.endsWith(outer.suffix);
}

/** Whether some host could match both entries for an anonymous visitor — only when it can be shown. */
function entriesOverlap(first: HostEntry, second: HostEntry): boolean {
  if (sameEntry(first, second)) return true;
  if (first.type === 'regex' || second.type === 'regex') {
    const [regex, other] = first.type === 'regex' ? [first, second] : [second, first];
    if (MATCH_ALL_HOST.has(regex.raw)) return true;
    return other.type === 'literal' && other.entry.kind === 'literal' && regexTest(regex.raw, other.entry.name);
  }
  const firstSuffix = suffixOf(first.entry);
  const secondSuffix = suffixOf(second.entry);
  if (first.entry.kind === 'literal' && secondSuffix !== undefined)
    return first.entry.name.endsWith(secondSuffix) && first.entry.name.length > secondSuffix.length;
  if (second.entry.kind === 'literal' && firstSuffix !== undefined)
    return second.entry.name.endsWith(firstSuffix) && second.entry.name.length > firstSuffix.length;
  if (firstSuffix !== undefined && secondSuffix !== undefined)
    return firstSuffix.endsWith(secondSuffix) || secondSuffix.endsWith(firstSuffix);
  return false;
}

const sameCondition = (first: QueryCondition, second: QueryCondition) =>
  first.key === second.key && first.operator === second.operator && first.value === second.value;
const subset = <T>(small: T[], big: T[], equal: (first: T, second: T) => boolean) =>
  small.every((item) => big.some((other) => equal(item, other)));
const trimSubject = (subject: string) => subject.replace(/^(user:|group:|oauth2:client:) */, '$1').replace(/ +$/, '');

/** A rule's network entry as ranges; names resolve first, as in Authelia's decode hook. */
function resolveNetworks(value: string, names: Map<string, string[]>): IpNetwork[] | undefined {
  const named = names.get(value);
  const list = (named ?? [value]).map(parseNetwork);
  return list.length && list.every((network) => network) ? (list as IpNetwork[]) : undefined;
}

export interface OverlapContext {
  names: Map<string, string[]>;
}

function networksCover(earlier: string[], later: string[], context: OverlapContext): boolean {
  if (earlier.length === 0) return true;
  if (later.length === 0) return false;
  return later.every((laterValue) => {
    if (earlier.includes(laterValue)) return true;
    const laterNetworks = resolveNetworks(laterValue, context.names);
    if (!laterNetworks) return false;
    const earlierNetworks = earlier.flatMap((value) => resolveNetworks(value, context.names) ?? []);
    return laterNetworks.every((inner) => earlierNetworks.some((outer) => networkCovers(outer, inner)));
  });
}

function networksMayOverlap(first: string[], second: string[], context: OverlapContext): boolean {
  if (first.length === 0 || second.length === 0) return true;
  return first.some((firstValue) =>
    second.some((secondValue) => {
      if (firstValue === secondValue) return true;
      const firstNetworks = resolveNetworks(firstValue, context.names);
      const secondNetworks = resolveNetworks(secondValue, context.names);
      return (
        !!firstNetworks &&
        !!secondNetworks &&
        firstNetworks.some((one) => secondNetworks.some((other) => networksOverlap(one, other)))
      );
    }),
  );
}

function resourcesMayOverlap(first: string[], second: string[]): boolean {
  if (first.length === 0 || second.length === 0) return true;
  const matchesAll = (list: string[]) => list.some((pattern) => MATCH_ALL_PATH.has(pattern));
  return matchesAll(first) || matchesAll(second) || first.some((pattern) => second.includes(pattern));
}

const allMethods = (methods: string[]) => METHODS.every((method) => methods.includes(method));

/** Earlier rule matches every request the later rule could match. */
export function covers(earlier: AccessControlRuleModel, later: AccessControlRuleModel, context: OverlapContext): boolean {
  const laterEntries = hostEntries(later);
  const earlierEntries = hostEntries(earlier);
  if (laterEntries.length === 0 || earlierEntries.length === 0) return false;
  if (!laterEntries.every((inner) => earlierEntries.some((outer) => entryCovers(outer, inner)))) return false;
  if (earlier.resources.length && !earlier.resources.some((pattern) => MATCH_ALL_PATH.has(pattern))) {
    if (earlier.resources.some(hasIdentityGroups)) return false;
    if (!later.resources.length || !subset(later.resources, earlier.resources, (first, second) => first === second)) return false;
  }
  if (
    earlier.query.length &&
    (!later.query.length ||
      !later.query.every((laterGroup) => earlier.query.some((earlierGroup) => subset(earlierGroup, laterGroup, sameCondition))))
  )
    return false;
  if (
    earlier.methods.length &&
    !allMethods(earlier.methods) &&
    (!later.methods.length || !subset(later.methods, earlier.methods, (first, second) => first === second))
  )
    return false;
  if (!networksCover(earlier.networks, later.networks, context)) return false;
  if (earlier.subject.some((group) => group.length)) {
    const equal = (first: string, second: string) => trimSubject(first) === trimSubject(second);
    if (
      !later.subject.length ||
      !later.subject.every((laterGroup) => earlier.subject.some((earlierGroup) => subset(earlierGroup, laterGroup, equal)))
    )
      return false;
  }
  return true;
}

/** Some request could match both rules, as far as can be shown (subjects aside). */
export function mayOverlap(first: AccessControlRuleModel, second: AccessControlRuleModel, context: OverlapContext): boolean {
  const firstEntries = hostEntries(first);
  const secondEntries = hostEntries(second);
  if (!firstEntries.some((one) => secondEntries.some((other) => entriesOverlap(one, other)))) return false;
  if (first.methods.length && second.methods.length && !first.methods.some((method) => second.methods.includes(method)))
    return false;
  if (!networksMayOverlap(first.networks, second.networks, context)) return false;
  if (!resourcesMayOverlap(first.resources, second.resources)) return false;
  if (
    first.query.length &&
    second.query.length &&
    !first.query.some((group) =>
      second.query.some((other) => subset(group, other, sameCondition) && subset(other, group, sameCondition)),
    )
  )
    return false;
  return true;
}

/**
 * Authelia's `HasSubjects`: subjects, a `{user}` / `{group}` domain, or `User` / `Group` groups in `domain_regex` or
 * `resources` (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/util.go#L79-L113).
 */
export const hasSubjects = (rule: AccessControlRuleModel) =>
  rule.subject.some((group) => group.length > 0) ||
  rule.domain.some((raw) => isPlaceholder(parseDomainEntry(raw))) ||
  rule.domain_regex.some(hasIdentityGroups) ||
  rule.resources.some(hasIdentityGroups);
