/**
 * Checks Authelia does not make (fact sheet §5, §7): rules that can never match, subject rules ahead of bypass rules,
 * wildcards that miss the apex, rules naming the portal, hosts outside the cookie domains, networks rules and
 * X-Forwarded-For, a default policy other than deny, unanchored regexes and schema divergences.
 * Every "covers" / "overlaps" test here must be provable: when in doubt, no warning.
 */
import { info, warning, type Diagnostic } from '../../core';
import type { AccessControlModel, AccessControlOptions, AccessControlRuleModel, QueryCondition } from './model';
import { METHODS, ruleDescriptor } from './messages';
import { hostOf, parseDomainEntry, type DomainEntry } from './domain';
import { networkCovers, networksOverlap, parseNetwork, type IpNetwork } from '../../core/ip/go-net';
import { compileRe2, hasIdentityGroups } from './regex';

/** Patterns that match every host name. */
const MATCH_ALL_HOST = new Set(['', '.', '.+', '.*', '^.*', '.*$', '^.*$', '^.+$', '^.+', '(?i).*', '(?i)^.*$']);
/** Patterns that match every cleaned path (paths always start with `/`). */
const MATCH_ALL_PATH = new Set([...MATCH_ALL_HOST, '/', '^/', '^/.*', '^/.*$', '/.*', '^/.+|^/$']);
const POLICY_RANK: Record<string, number> = { bypass: 0, one_factor: 1, two_factor: 2, deny: 3 };

/** `norm` is the comparison key: lower-case for literals (Authelia lower-cases them), verbatim for regexes. */
type Entry =
  | { type: 'literal'; raw: string; norm: string; entry: DomainEntry }
  | { type: 'regex'; raw: string; norm: string; identity: boolean };

const entryCache = new WeakMap<AccessControlRuleModel, Entry[]>();

function entries(r: AccessControlRuleModel): Entry[] {
  let list = entryCache.get(r);
  if (!list) {
    list = [
      ...r.domain.map((raw): Entry => ({ type: 'literal', raw, norm: raw.toLowerCase(), entry: parseDomainEntry(raw) })),
      ...r.domain_regex.map((raw): Entry => ({ type: 'regex', raw, norm: raw, identity: hasIdentityGroups(raw) })),
    ];
    entryCache.set(r, list);
  }
  return list;
}

const regexTest = (pattern: string, host: string) => compileRe2(pattern).regex?.test(host) ?? false;
const identityDependent = (e: Entry) => (e.type === 'regex' ? e.identity : e.entry.kind === 'user' || e.entry.kind === 'group');

/** Whether entry `e` (of the earlier rule) matches every host entry `l` (of the later rule) could match. */
const sameEntry = (a: Entry, b: Entry) => a.type === b.type && a.norm === b.norm;

function entryCovers(e: Entry, l: Entry): boolean {
  if (sameEntry(e, l)) return true;
  if (identityDependent(e)) return false;
  if (e.type === 'regex') {
    if (MATCH_ALL_HOST.has(e.raw)) return true;
    return l.type === 'literal' && l.entry.kind === 'literal' && regexTest(e.raw, l.entry.host);
  }
  if (l.type === 'regex') return false;
  const le = l.entry;
  const ee = e.entry;
  if (ee.kind === 'literal') return le.kind === 'literal' && le.host === ee.host;
  if (ee.kind !== 'wildcard') return false;
  if (le.kind === 'literal') return le.host.endsWith(ee.suffix);
  if (le.kind === 'wildcard') return le.suffix.endsWith(ee.suffix);
  return `.${le.name}`.endsWith(ee.suffix);
}

/** Whether some host could match both entries — only when it can be shown. */
function entriesOverlap(a: Entry, b: Entry): boolean {
  if (sameEntry(a, b)) return true;
  if (a.type === 'regex' || b.type === 'regex') {
    const [re, other] = a.type === 'regex' ? [a, b] : [b, a];
    if (MATCH_ALL_HOST.has(re.raw)) return true;
    return other.type === 'literal' && other.entry.kind === 'literal' && regexTest(re.raw, other.entry.host);
  }
  const x = a.entry;
  const y = b.entry;
  if (x.kind === 'literal' && y.kind === 'wildcard') return x.host.endsWith(y.suffix);
  if (y.kind === 'literal' && x.kind === 'wildcard') return y.host.endsWith(x.suffix);
  if (x.kind === 'wildcard' && y.kind === 'wildcard') return x.suffix.endsWith(y.suffix) || y.suffix.endsWith(x.suffix);
  return false;
}

const sameCondition = (a: QueryCondition, b: QueryCondition) =>
  a.key === b.key && a.operator === b.operator && a.value === b.value;
const subset = <T>(small: T[], big: T[], eq: (a: T, b: T) => boolean) => small.every((s) => big.some((b) => eq(s, b)));
const trimSubject = (s: string) => s.replace(/^(user:|group:|oauth2:client:)\s*/, '$1');

function resolveNetworks(value: string, names: Map<string, string[]>): IpNetwork[] | undefined {
  const one = parseNetwork(value);
  if (one) return [one];
  const list = names.get(value)?.map(parseNetwork);
  return list && list.length && list.every((n) => n) ? (list as IpNetwork[]) : undefined;
}

interface Ctx {
  names: Map<string, string[]>;
}

function networksCover(e: string[], l: string[], ctx: Ctx): boolean {
  if (e.length === 0) return true;
  if (l.length === 0) return false;
  return l.every((lv) => {
    if (e.includes(lv)) return true;
    const lnets = resolveNetworks(lv, ctx.names);
    if (!lnets) return false;
    const enets = e.flatMap((ev) => resolveNetworks(ev, ctx.names) ?? []);
    return lnets.every((ln) => enets.some((en) => networkCovers(en, ln)));
  });
}

function networksMayOverlap(a: string[], b: string[], ctx: Ctx): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((av) =>
    b.some((bv) => {
      if (av === bv) return true;
      const an = resolveNetworks(av, ctx.names);
      const bn = resolveNetworks(bv, ctx.names);
      return !!an && !!bn && an.some((x) => bn.some((y) => networksOverlap(x, y)));
    }),
  );
}

function resourcesMayOverlap(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const all = (list: string[]) => list.some((p) => MATCH_ALL_PATH.has(p));
  return all(a) || all(b) || a.some((p) => b.includes(p));
}

const allMethods = (m: string[]) => METHODS.every((x) => m.includes(x));

/** Earlier rule `e` matches every request later rule `l` could match. */
function covers(e: AccessControlRuleModel, l: AccessControlRuleModel, ctx: Ctx): boolean {
  const le = entries(l);
  const ee = entries(e);
  if (le.length === 0 || ee.length === 0) return false;
  if (!le.every((x) => ee.some((y) => entryCovers(y, x)))) return false;
  if (e.resources.length && !e.resources.some((p) => MATCH_ALL_PATH.has(p))) {
    if (!l.resources.length || !subset(l.resources, e.resources, (a, b) => a === b)) return false;
  }
  if (e.query.length && (!l.query.length || !l.query.every((lg) => e.query.some((eg) => subset(eg, lg, sameCondition)))))
    return false;
  if (e.methods.length && !allMethods(e.methods) && (!l.methods.length || !subset(l.methods, e.methods, (a, b) => a === b)))
    return false;
  if (!networksCover(e.networks, l.networks, ctx)) return false;
  if (e.subject.length) {
    const eq = (a: string, b: string) => trimSubject(a) === trimSubject(b);
    if (!l.subject.length || !l.subject.every((lg) => e.subject.some((eg) => subset(eg, lg, eq)))) return false;
  }
  return true;
}

/** Some request could match both rules, as far as can be shown (subjects aside). */
function mayOverlap(a: AccessControlRuleModel, b: AccessControlRuleModel, ctx: Ctx): boolean {
  const ae = entries(a);
  const be = entries(b);
  if (!ae.some((x) => be.some((y) => entriesOverlap(x, y)))) return false;
  if (a.methods.length && b.methods.length && !a.methods.some((m) => b.methods.includes(m))) return false;
  if (!networksMayOverlap(a.networks, b.networks, ctx)) return false;
  if (!resourcesMayOverlap(a.resources, b.resources)) return false;
  if (
    a.query.length &&
    b.query.length &&
    !a.query.some((g) => b.query.some((h) => subset(g, h, sameCondition) && subset(h, g, sameCondition)))
  )
    return false;
  return true;
}

const describe = (model: AccessControlModel, i: number) => ruleDescriptor(i + 1, model.rules[i]?.domain ?? []);
const hasSubjects = (r: AccessControlRuleModel) => r.subject.length > 0 || r.domain_regex.some(hasIdentityGroups);

function orderLints(model: AccessControlModel, ctx: Ctx): Diagnostic[] {
  const d: Diagnostic[] = [];
  model.rules.forEach((l, j) => {
    const i = model.rules.findIndex((e, k) => k < j && covers(e, l, ctx));
    const later = describe(model, j);
    if (i >= 0) {
      const earlier = describe(model, i);
      d.push(
        warning(
          'rule-shadowed',
          `Rule ${later} can never match: rule ${earlier} comes first and matches every request rule #${j + 1} could match, and Authelia applies the first matching rule. Move rule #${j + 1} above rule #${i + 1}, or remove it.`,
          { path: `rules[${j}]` },
        ),
      );
      return;
    }
    if (l.policy !== 'bypass') return;
    const s = model.rules.findIndex((e, k) => k < j && hasSubjects(e) && mayOverlap(e, l, ctx));
    if (s >= 0)
      d.push(
        warning(
          'subject-before-bypass',
          `Bypass rule ${later} comes after rule ${describe(model, s)}, which has a subject and can match the same requests: Authelia treats a subject rule as matching for anonymous visitors and sends them to the login page, so they never reach the bypass (Rule Matching Concept 2). Move rule #${j + 1} above rule #${s + 1}.`,
          { path: `rules[${j}]` },
        ),
      );
  });
  return d;
}

/** Answers "does any rule match this host for an anonymous visitor?" with the rules' entries gathered once. */
function hostMatcher(model: AccessControlModel): (host: string) => boolean {
  const all = model.rules.flatMap(entries);
  const literals = new Set<string>();
  const suffixes: string[] = [];
  const regexes: string[] = [];
  for (const e of all) {
    if (e.type === 'regex') {
      if (!e.identity) regexes.push(e.raw);
    } else if (e.entry.kind === 'literal') literals.add(e.entry.host);
    else if (e.entry.kind === 'wildcard') suffixes.push(e.entry.suffix);
  }
  return (host) => literals.has(host) || suffixes.some((s) => host.endsWith(s)) || regexes.some((p) => regexTest(p, host));
}

function apexLints(model: AccessControlModel): Diagnostic[] {
  const d: Diagnostic[] = [];
  const seen = new Set<string>();
  const matched = hostMatcher(model);
  model.rules.forEach((r, i) => {
    r.domain.forEach((raw, j) => {
      const e = parseDomainEntry(raw);
      if (e.kind !== 'wildcard') return;
      const apex = e.suffix.slice(1);
      if (!apex.includes('.') || seen.has(apex) || matched(apex)) return;
      seen.add(apex);
      const weaker = (POLICY_RANK[model.default_policy] ?? 3) < (POLICY_RANK[r.policy] ?? -1);
      const text = `Rule ${describe(model, i)} covers every subdomain of ${apex} but not ${apex} itself ('*.' never matches the bare domain), so requests to ${apex} get the default policy '${model.default_policy}'. If you serve anything at ${apex}, add '${apex}' to this rule's domain list.`;
      d.push((weaker ? warning : info)('wildcard-without-apex', text, { path: `rules[${i}].domain[${j}]`, fix: apex }));
    });
  });
  return d;
}

function portalLints(model: AccessControlModel, options: AccessControlOptions): Diagnostic[] {
  const portal = options.portalDomain ? hostOf(options.portalDomain) : undefined;
  if (!portal) return [];
  const d: Diagnostic[] = [];
  model.rules.forEach((r, i) => {
    const j = r.domain.findIndex((raw) => raw.toLowerCase() === portal);
    if (j < 0) return;
    const path = `rules[${i}].domain[${j}]`;
    if (r.policy === 'bypass')
      d.push(
        info(
          'portal-rule-unneeded',
          `Rule ${describe(model, i)} bypasses the portal ${portal}. Since Authelia 4.38 the portal needs no rule: its proxy host must simply not use the auth snippets. If the portal redirects to itself, a bypass rule only hides that misconfiguration.`,
          { path },
        ),
      );
    else
      d.push(
        warning(
          'portal-rule-unneeded',
          `Rule ${describe(model, i)} protects the portal ${portal} with '${r.policy}'. The portal must not be behind forward-auth; if its proxy host used the auth snippets, this rule would cause a redirect loop. Remove ${portal} from this rule and leave the portal's proxy host without the auth snippets.`,
          { path },
        ),
      );
  });
  return d;
}

function cookieDomainLints(model: AccessControlModel, options: AccessControlOptions): Diagnostic[] {
  const cookies = (options.cookieDomains ?? []).map((c) => c.toLowerCase().replace(/^\./, '')).filter(Boolean);
  if (!cookies.length) return [];
  const d: Diagnostic[] = [];
  model.rules.forEach((r, i) =>
    r.domain.forEach((raw, j) => {
      const e = parseDomainEntry(raw);
      const host = e.kind === 'literal' ? e.host : e.kind === 'wildcard' ? e.suffix.slice(1) : e.name;
      if (cookies.some((c) => host === c || host.endsWith(`.${c}`))) return;
      d.push(
        warning(
          'domain-outside-cookie-domain',
          `'${raw}' in rule #${i + 1} is not under any session cookie domain (${cookies.join(', ')}). Authelia answers 400 for such hosts and nginx shows a 500 error; add a session cookie for it or fix the domain.`,
          { path: `rules[${i}].domain[${j}]` },
        ),
      );
    }),
  );
  return d;
}

const ANCHORED = /^(\(\?[imsU-]+\))?(\^|\\A)/;

function ruleLints(model: AccessControlModel): Diagnostic[] {
  const d: Diagnostic[] = [];
  model.rules.forEach((r, i) => {
    const path = `rules[${i}]`;
    const n = i + 1;
    r.domain.forEach((raw, j) => {
      const e = parseDomainEntry(raw);
      if (e.kind === 'user' || e.kind === 'group')
        d.push(
          warning(
            'domain-placeholder-deprecated',
            `The {${e.kind}} placeholder in '${raw}' (rule #${n}) is deprecated and will probably be removed in Authelia 5; use domain_regex with a (?P<${e.kind === 'user' ? 'User' : 'Group'}>…) named group instead.`,
            { path: `${path}.domain[${j}]` },
          ),
        );
      else if (raw === '*')
        d.push(
          warning(
            'domain-not-hostname',
            `'*' in rule #${n} is not a wildcard: Authelia compares it literally, so it matches no host. Use '*.example.com' for every subdomain.`,
            { path: `${path}.domain[${j}]` },
          ),
        );
      else if (raw.length > 1 && raw.endsWith('.') && /^[A-Za-z0-9_*.-]+$/.test(raw))
        d.push(
          warning(
            'domain-not-hostname',
            `'${raw}' in rule #${n} ends with a dot: Authelia compares it literally with the request's host, which never has one, so it will not match. Use '${raw.slice(0, -1)}'.`,
            { path: `${path}.domain[${j}]`, fix: raw.slice(0, -1) },
          ),
        );
      else if (!/^[A-Za-z0-9_*.-]+$/.test(raw)) {
        const host = hostOf(raw.replace(/^[a-z]+:\/\//i, 'https://'));
        const fix = host && host !== raw.toLowerCase() ? host : undefined;
        d.push(
          warning(
            'domain-not-hostname',
            `'${raw}' in rule #${n} is not a plain host name: Authelia compares domains with the request's host only (no scheme, port, path or spaces), so it will not match.${fix ? ` Use '${fix}'.` : ''}`,
            { path: `${path}.domain[${j}]`, ...(fix ? { fix } : {}) },
          ),
        );
      }
    });
    if (r.domain.length && r.domain_regex.length)
      d.push(
        info(
          'schema-domain-and-regex',
          `Rule #${n} uses both 'domain' and 'domain_regex'. Authelia accepts this (either may match), but the 4.39 JSON schema used by editors flags it as an error; you can ignore that editor warning.`,
          { path },
        ),
      );
    for (const key of ['domain_regex', 'resources'] as const)
      r[key].forEach((p, j) => {
        const c = compileRe2(p);
        const at = { path: `${path}.${key}[${j}]` };
        if (c.error) return;
        if (!c.regex)
          d.push(
            info(
              'regex-not-simulated',
              `The regular expression '${p}' in rule #${n} is valid for Authelia but cannot be evaluated in the browser, so the simulator treats it as unknown.`,
              at,
            ),
          );
        if (!ANCHORED.test(p) && !MATCH_ALL_PATH.has(p))
          d.push(
            info(
              'regex-unanchored',
              `The regular expression '${p}' in rule #${n} is not anchored: Authelia matches it anywhere in the ${key === 'resources' ? 'path' : 'host name'}. Start it with ^ (and end it with $) unless you mean that.`,
              at,
            ),
          );
      });
    if (r.networks.length)
      d.push(
        info(
          'networks-xff',
          `Rule #${n} matches on networks. Authelia takes the client address from the left-most X-Forwarded-For entry, so your proxy must overwrite that header on the auth request (not append to it); otherwise anyone can claim an allowed address. Test it with curl -H 'X-Forwarded-For: <an allowed IP>' from outside.`,
          { path: `${path}.networks` },
        ),
      );
  });
  return d;
}

function defaultPolicyLint(model: AccessControlModel): Diagnostic[] {
  const p = model.default_policy;
  if (!model.rules.length || p === 'deny' || !(p in POLICY_RANK)) return [];
  const extra = p === 'bypass' ? " The 4.39 JSON schema does not even allow 'bypass' here." : '';
  return [
    warning(
      'default-policy-not-deny',
      `default_policy is '${p}', so every host without a matching rule is reachable with ${p === 'bypass' ? 'no login at all' : `a ${p === 'one_factor' ? 'password' : 'two-factor'} login`}. Authelia recommends 'deny' and rules for each site you want to open.${extra}`,
      { path: 'default_policy', fix: 'deny' },
    ),
  ];
}

/** The builder's own checks, beyond Authelia's validator. */
export function lintAccessControl(model: AccessControlModel, options: AccessControlOptions = {}): Diagnostic[] {
  const names = new Map<string, string[]>();
  for (const [k, v] of Object.entries(options.networkDefinitions ?? {})) names.set(k, Array.isArray(v) ? v : [v]);
  for (const n of model.networks) names.set(n.name, n.networks);
  const ctx: Ctx = { names };
  return [
    ...defaultPolicyLint(model),
    ...orderLints(model, ctx),
    ...apexLints(model),
    ...portalLints(model, options),
    ...cookieDomainLints(model, options),
    ...ruleLints(model),
  ];
}
