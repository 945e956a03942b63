/**
 * Checks Authelia does not make: rules that can never match, rules with subjects ahead of bypass rules (Authelia's
 * "Rule Matching Concept 2": https://github.com/authelia/authelia/blob/v4.39.20/docs/content/configuration/security/access-control.md),
 * wildcards that miss the apex, rules naming the portal, hosts outside the cookie domains, networks rules and
 * X-Forwarded-For, a default policy other than deny, unanchored regexes, schema divergences, and Authelia's surprising
 * corners (Unicode or empty domains, empty query groups, an empty OAuth2 client id, bypass with identity groups).
 * Every "covers" / "overlaps" test here must be provable: when in doubt, no warning.
 */
import { info, warning, type Diagnostic } from '../../core';
import { asciiHostOf, hostOf, parseDomainEntry } from './domain';
import { covers, hasSubjects, hostEntries, mayOverlap, MATCH_ALL_PATH, regexTest, type OverlapContext } from './lint-overlap';
import { identityLints } from './lint-identity';
import { ruleDescriptor } from './messages';
import { networkNames, type AccessControlModel, type AccessControlOptions } from './model';
import { compileRe2 } from './regex';

const POLICY_RANK: Record<string, number> = { bypass: 0, one_factor: 1, two_factor: 2, deny: 3 };

const describe = (model: AccessControlModel, index: number) => ruleDescriptor(index + 1, model.rules[index]?.domain ?? []);

function orderLints(model: AccessControlModel, context: OverlapContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  model.rules.forEach((later, laterIndex) => {
    const coveringIndex = model.rules.findIndex(
      (earlier, earlierIndex) => earlierIndex < laterIndex && covers(earlier, later, context),
    );
    const laterName = describe(model, laterIndex);
    if (coveringIndex >= 0) {
      diagnostics.push(
        warning(
          'rule-shadowed',
          `Rule ${laterName} can never match: rule ${describe(model, coveringIndex)} comes first and matches every request rule #${laterIndex + 1} could match, and Authelia applies the first matching rule. Move rule #${laterIndex + 1} above rule #${coveringIndex + 1}, or remove it.`,
          { path: `rules[${laterIndex}]` },
        ),
      );
      return;
    }
    if (later.policy !== 'bypass') return;
    const subjectIndex = model.rules.findIndex(
      (earlier, earlierIndex) => earlierIndex < laterIndex && hasSubjects(earlier) && mayOverlap(earlier, later, context),
    );
    if (subjectIndex >= 0)
      diagnostics.push(
        warning(
          'subject-before-bypass',
          `Bypass rule ${laterName} comes after rule ${describe(model, subjectIndex)}, which depends on who the visitor is (a subject, a {user} / {group} domain, or User / Group groups in domain_regex or resources) and can match the same requests: Authelia treats such a rule as matching for anonymous visitors and sends them to the login page, so they never reach the bypass (Rule Matching Concept 2). Move rule #${laterIndex + 1} above rule #${subjectIndex + 1}.`,
          { path: `rules[${laterIndex}]` },
        ),
      );
  });
  return diagnostics;
}

/** Answers "does any rule match this host for an anonymous visitor?" with the rules' entries gathered once. */
function hostMatcher(model: AccessControlModel): (host: string) => boolean {
  const all = model.rules.flatMap(hostEntries);
  const literals = new Set<string>();
  const suffixes: string[] = [];
  const regexes: string[] = [];
  for (const entry of all) {
    if (entry.type === 'regex') {
      if (!entry.identity) regexes.push(entry.raw);
    } else if (entry.entry.kind === 'literal') literals.add(entry.entry.name);
    else if (entry.entry.kind === 'wildcard') suffixes.push(entry.entry.suffix);
  }
  return (host) =>
    literals.has(host) || suffixes.some((suffix) => host.endsWith(suffix)) || regexes.some((pattern) => regexTest(pattern, host));
}

function apexLints(model: AccessControlModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const matched = hostMatcher(model);
  model.rules.forEach((rule, ruleIndex) => {
    rule.domain.forEach((raw, index) => {
      const entry = parseDomainEntry(raw);
      if (entry.kind !== 'wildcard') return;
      const apex = entry.suffix.slice(1);
      if (!apex.includes('.') || seen.has(apex) || matched(apex)) return;
      seen.add(apex);
      const weaker = (POLICY_RANK[model.default_policy] ?? 3) < (POLICY_RANK[rule.policy] ?? -1);
      const text = `Rule ${describe(model, ruleIndex)} covers every subdomain of ${apex} but not ${apex} itself ('*.' never matches the bare domain), so requests to ${apex} get the default policy '${model.default_policy}'. If you serve anything at ${apex}, add '${apex}' to this rule's domain list.`;
      diagnostics.push(
        (weaker ? warning : info)('wildcard-without-apex', text, { path: `rules[${ruleIndex}].domain[${index}]`, fix: apex }),
      );
    });
  });
  return diagnostics;
}

function portalLints(model: AccessControlModel, options: AccessControlOptions): Diagnostic[] {
  const portal = options.portalDomain ? hostOf(options.portalDomain) : undefined;
  if (!portal) return [];
  const diagnostics: Diagnostic[] = [];
  model.rules.forEach((rule, ruleIndex) => {
    const index = rule.domain.findIndex((raw) => raw.toLowerCase() === portal);
    if (index < 0) return;
    const path = `rules[${ruleIndex}].domain[${index}]`;
    if (rule.policy === 'bypass')
      diagnostics.push(
        info(
          'portal-rule-unneeded',
          `Rule ${describe(model, ruleIndex)} bypasses the portal ${portal}. Since Authelia 4.38 the portal needs no rule: its proxy host must simply not use the auth snippets. If the portal redirects to itself, a bypass rule only hides that misconfiguration.`,
          { path },
        ),
      );
    else
      diagnostics.push(
        warning(
          'portal-rule-unneeded',
          `Rule ${describe(model, ruleIndex)} protects the portal ${portal} with '${rule.policy}'. The portal must not be behind forward-auth; if its proxy host used the auth snippets, this rule would cause a redirect loop. Remove ${portal} from this rule and leave the portal's proxy host without the auth snippets.`,
          { path },
        ),
      );
  });
  return diagnostics;
}

function cookieDomainLints(model: AccessControlModel, options: AccessControlOptions): Diagnostic[] {
  const cookies = (options.cookieDomains ?? []).map((cookie) => cookie.toLowerCase().replace(/^\./, '')).filter(Boolean);
  if (!cookies.length) return [];
  const diagnostics: Diagnostic[] = [];
  model.rules.forEach((rule, ruleIndex) =>
    rule.domain.forEach((raw, index) => {
      const entry = parseDomainEntry(raw);
      const host = entry.kind === 'literal' ? entry.name : entry.suffix.replace(/^\./, '');
      if (cookies.some((cookie) => host === cookie || host.endsWith(`.${cookie}`))) return;
      diagnostics.push(
        warning(
          'domain-outside-cookie-domain',
          `'${raw}' in rule #${ruleIndex + 1} is not under any session cookie domain (${cookies.join(', ')}). Authelia answers 400 for such hosts and nginx shows a 500 error; add a session cookie for it or fix the domain.`,
          { path: `rules[${ruleIndex}].domain[${index}]` },
        ),
      );
    }),
  );
  return diagnostics;
}

const ANCHORED = /^(\(\?[imsU-]+\))?(\^|\\A)/;
const PLAIN_HOST = /^[A-Za-z0-9_*.-]+$/;

/** Domain entries that match no request Authelia will see. */
function domainLint(raw: string, ruleIndex: number, position: number): Diagnostic | undefined {
  const at = { path: `rules[${ruleIndex}].domain[${position}]` };
  const rule = `rule #${ruleIndex + 1}`;
  const entry = parseDomainEntry(raw);
  const ascii = asciiHostOf(raw);
  if (entry.kind === 'user' || entry.kind === 'group')
    return warning(
      'domain-placeholder-deprecated',
      `The {${entry.kind}} placeholder in '${raw}' (${rule}) is deprecated and will probably be removed in Authelia 5; use domain_regex with a (?P<${entry.kind === 'user' ? 'User' : 'Group'}>…) named group instead. Note how Authelia reads it: what follows the placeholder ('${entry.suffix}') is a raw suffix; an anonymous visitor to any host ending in it is sent to log in, and a user matches only the host spelled exactly as ${entry.kind === 'user' ? 'their username' : 'one of their groups'} followed by it (case-sensitive).`,
      at,
    );
  if (raw === '') return warning('domain-empty', `An empty domain in ${rule} matches no host; remove it.`, at);
  if (ascii)
    return warning(
      'domain-unicode',
      `'${raw}' in ${rule} never matches live traffic: browsers send the host as '${ascii}' (punycode), and Authelia compares it as received. Use '${ascii}'.`,
      { ...at, fix: ascii },
    );
  if (raw === '*')
    return warning(
      'domain-not-hostname',
      `'*' in ${rule} is not a wildcard: Authelia compares it literally, so it matches no host. Use '*.example.com' for every subdomain.`,
      at,
    );
  if (raw.length > 1 && raw.endsWith('.') && PLAIN_HOST.test(raw))
    return warning(
      'domain-not-hostname',
      `'${raw}' in ${rule} ends with a dot: Authelia compares it with the request's host, and a request whose host ends in a dot gets a 400 before any rule is checked, so this entry never matches. Use '${raw.slice(0, -1)}'.`,
      { ...at, fix: raw.slice(0, -1) },
    );
  if (PLAIN_HOST.test(raw)) return undefined;
  const host = hostOf(raw.replace(/^[a-z]+:\/\//i, 'https://'));
  const fix = host && host !== raw.toLowerCase() ? host : undefined;
  return warning(
    'domain-not-hostname',
    `'${raw}' in ${rule} is not a plain host name: Authelia compares domains with the request's host only (no scheme, port, path or spaces), so it will not match.${fix ? ` Use '${fix}'.` : ''}`,
    { ...at, ...(fix ? { fix } : {}) },
  );
}

function ruleLints(model: AccessControlModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  model.rules.forEach((rule, ruleIndex) => {
    const path = `rules[${ruleIndex}]`;
    const position = ruleIndex + 1;
    rule.domain.forEach((raw, index) => {
      const lint = domainLint(raw, ruleIndex, index);
      if (lint) diagnostics.push(lint);
    });
    if (rule.domain.length && rule.domain_regex.length)
      diagnostics.push(
        info(
          'schema-domain-and-regex',
          `Rule #${position} uses both 'domain' and 'domain_regex'. Authelia accepts this (either may match), but the 4.39 JSON schema used by editors flags it as an error; you can ignore that editor warning.`,
          { path },
        ),
      );
    for (const key of ['domain_regex', 'resources'] as const)
      rule[key].forEach((pattern, index) => {
        const compiled = compileRe2(pattern);
        const at = { path: `${path}.${key}[${index}]` };
        if (compiled.error || pattern === '') return;
        if (!compiled.regex)
          diagnostics.push(
            info(
              'regex-not-simulated',
              `The regular expression '${pattern}' in rule #${position} is valid for Authelia, but ${compiled.unknown ?? 'it cannot be evaluated in the browser'}, so the simulator answers "may match" for it instead of guessing.`,
              at,
            ),
          );
        if (!ANCHORED.test(pattern) && !MATCH_ALL_PATH.has(pattern))
          diagnostics.push(
            info(
              'regex-unanchored',
              `The regular expression '${pattern}' in rule #${position} is not anchored: Authelia matches it anywhere in the ${key === 'resources' ? 'path' : 'host name'}. Start it with ^ (and end it with $) unless you mean that.`,
              at,
            ),
          );
      });
    if (rule.networks.length)
      diagnostics.push(
        info(
          'networks-xff',
          `Rule #${position} matches on networks. Authelia takes the client address from the left-most X-Forwarded-For entry, so your proxy must overwrite that header on the auth request (not append to it); otherwise anyone can claim an allowed address. Test it with curl -H 'X-Forwarded-For: <an allowed IP>' from outside.`,
          { path: `${path}.networks` },
        ),
      );
  });
  return diagnostics;
}

function defaultPolicyLint(model: AccessControlModel): Diagnostic[] {
  const policy = model.default_policy;
  if (!model.rules.length || policy === 'deny' || !(policy in POLICY_RANK)) return [];
  const extra = policy === 'bypass' ? " The 4.39 JSON schema does not even allow 'bypass' here." : '';
  const login = policy === 'bypass' ? 'no login at all' : `a ${policy === 'one_factor' ? 'password' : 'two-factor'} login`;
  return [
    warning(
      'default-policy-not-deny',
      `default_policy is '${policy}', so every host without a matching rule is reachable with ${login}. Authelia recommends 'deny' and rules for each site you want to open.${extra}`,
      { path: 'default_policy', fix: 'deny' },
    ),
  ];
}

/** The builder's own checks, beyond Authelia's validator. */
export function lintAccessControl(model: AccessControlModel, options: AccessControlOptions = {}): Diagnostic[] {
  const context: OverlapContext = { names: networkNames(model, options) };
  return [
    ...defaultPolicyLint(model),
    ...orderLints(model, context),
    ...apexLints(model),
    ...portalLints(model, options),
    ...cookieDomainLints(model, options),
    ...ruleLints(model),
    ...identityLints(model),
  ];
}
