/**
 * Which rule decides a request — the browser twin of `authelia access-control check-policy`. Follows
 * authorization/access_control_rule.go: rules in order, criteria ANDed (domains → resources → query → methods →
 * networks → subjects), the first match wins, and a subject rule counts as a (potential) match for anonymous visitors.
 */
import { error, hasErrors, info, warning, type Diagnostic } from '../../core';
import { normalizeAccessControl } from './decode';
import {
  networkNames,
  sanitizeOptions,
  type AccessControlOptions,
  type AccessControlRuleModel,
  type QueryCondition,
} from './model';
import { validateAccessControl } from './validate';
import { domainEntryMatches, parseDomainEntry, type Identity } from './domain';
import { ruleDescriptor } from './messages';
import { networkContains, parseIp, parseNetwork } from '../../core/ip/go-net';
import { compileRe2 } from './regex';

export interface MatchRequestInput {
  url: string;
  /** Defaults to GET. */
  method?: string;
  /** Empty or absent = an anonymous visitor. */
  username?: string;
  groups?: string[];
  /** The client address Authelia sees (left-most X-Forwarded-For). */
  ip?: string;
}

export type RuleOutcome = 'hit' | 'miss' | 'may-match';

export interface RuleMatch {
  /** 0-based position in `rules`. */
  index: number;
  /** Authelia's descriptor, e.g. `#2 (domain 'app.example.com')`. */
  descriptor: string;
  policy: string;
  outcome: RuleOutcome;
  /** Why, in a sentence. */
  reason: string;
}

export interface MatchResult {
  /** False when the URL could not be read; `rules` is then empty. */
  evaluated: boolean;
  rules: RuleMatch[];
  /** The first rule that hits or may match; undefined when the default policy applies. */
  matchedRule?: number;
  /** True when the deciding rule only may match (anonymous visitor and a subject, unknown IP, regex not evaluable). */
  potential: boolean;
  /** The policy that applies: the deciding rule's, or default_policy. */
  policy: string;
  usedDefault: boolean;
  summary: string;
  diagnostics: Diagnostic[];
}

type Tri = 'yes' | 'no' | 'unknown';

interface Req {
  host: string;
  /** Cleaned path plus `?query`, as Authelia matches `resources`. */
  resource: string;
  params: URLSearchParams;
  method: string;
  who?: Identity;
  ip?: Uint8Array;
  names: Map<string, string[]>;
}

interface Step {
  result: Tri;
  reason: string;
  /** The rule turned out to depend on the user's identity (subjects, or User/Group named groups that matched). */
  identity?: boolean;
}

const list = (items: string[]) => items.map((i) => `'${i}'`).join(', ');

function domainStep(r: AccessControlRuleModel, req: Req): Step {
  if (!r.domain.length && !r.domain_regex.length) return { result: 'yes', reason: 'no domain criterion' };
  const literal = r.domain.find((d) => domainEntryMatches(parseDomainEntry(d), req.host, req.who));
  if (literal) return { result: 'yes', reason: `host '${req.host}' matches domain '${literal}'` };
  let unknown = false;
  for (const p of r.domain_regex) {
    const c = compileRe2(p);
    if (c.error) continue;
    if (!c.regex) {
      unknown = true;
      continue;
    }
    const m = c.regex.exec(req.host);
    if (!m) continue;
    const user = c.names.includes('User');
    const group = c.names.includes('Group');
    if (!user && !group) return { result: 'yes', reason: `host '${req.host}' matches domain_regex '${p}'` };
    if (!req.who)
      return {
        result: 'yes',
        identity: true,
        reason: `host '${req.host}' matches domain_regex '${p}', whose User/Group groups depend on who logs in`,
      };
    const u = m.groups?.User ?? '';
    const g = m.groups?.Group ?? '';
    if (user && u.toLowerCase() !== req.who.username.toLowerCase()) continue;
    if (group && !req.who.groups.some((x) => x.toLowerCase() === g.toLowerCase())) continue;
    return { result: 'yes', reason: `host '${req.host}' matches domain_regex '${p}' for this user` };
  }
  if (unknown) return { result: 'unknown', reason: `host '${req.host}' may match a domain_regex the browser cannot evaluate` };
  return { result: 'no', reason: `host '${req.host}' does not match ${list([...r.domain, ...r.domain_regex])}` };
}

function regexListStep(patterns: string[], input: string, what: string): Step {
  if (!patterns.length) return { result: 'yes', reason: `no ${what} criterion` };
  let unknown = false;
  for (const p of patterns) {
    const c = compileRe2(p);
    if (!c.regex) {
      unknown ||= !c.error;
      continue;
    }
    if (c.regex.test(input)) return { result: 'yes', reason: `'${input}' matches ${what} '${p}'` };
  }
  if (unknown) return { result: 'unknown', reason: `'${input}' may match a ${what} pattern the browser cannot evaluate` };
  return { result: 'no', reason: `'${input}' does not match ${what} ${list(patterns)}` };
}

function conditionMatches(c: QueryCondition, params: URLSearchParams): Tri {
  const value = params.get(c.key) ?? '';
  switch (c.operator) {
    case 'present':
      return params.has(c.key) ? 'yes' : 'no';
    case 'absent':
      return params.has(c.key) ? 'no' : 'yes';
    case 'equal':
      return value === (c.value ?? '') ? 'yes' : 'no';
    case 'not equal':
      return value !== (c.value ?? '') ? 'yes' : 'no';
    case 'pattern':
    case 'not pattern': {
      const re = compileRe2(c.value ?? '').regex;
      if (!re) return 'unknown';
      return re.test(value) === (c.operator === 'pattern') ? 'yes' : 'no';
    }
    default:
      // Authelia skips a condition it cannot build (the configuration would not load anyway).
      return 'yes';
  }
}

function queryStep(r: AccessControlRuleModel, req: Req): Step {
  if (!r.query.length) return { result: 'yes', reason: 'no query criterion' };
  let unknown = false;
  for (const group of r.query) {
    const results = group.map((c) => conditionMatches(c, req.params));
    if (results.every((x) => x === 'yes')) return { result: 'yes', reason: 'the query string satisfies a query group' };
    if (!results.includes('no')) unknown = true;
  }
  if (unknown) return { result: 'unknown', reason: 'a query pattern cannot be evaluated in the browser' };
  return { result: 'no', reason: 'the query string satisfies none of the query groups' };
}

function methodStep(r: AccessControlRuleModel, req: Req): Step {
  if (!r.methods.length) return { result: 'yes', reason: 'no methods criterion' };
  return r.methods.includes(req.method)
    ? { result: 'yes', reason: `method ${req.method} is listed` }
    : { result: 'no', reason: `method ${req.method} is not in ${list(r.methods)}` };
}

function networkStep(r: AccessControlRuleModel, req: Req): Step {
  if (!r.networks.length) return { result: 'yes', reason: 'no networks criterion' };
  if (!req.ip) return { result: 'unknown', reason: `no client IP was given, and the rule requires ${list(r.networks)}` };
  const ip = req.ip;
  const hit = r.networks.find((n) => {
    const nets = parseNetwork(n) ? [n] : (req.names.get(n) ?? []);
    return nets.some((v) => {
      const net = parseNetwork(v);
      return !!net && networkContains(net, ip);
    });
  });
  return hit
    ? { result: 'yes', reason: `the client IP is in '${hit}'` }
    : { result: 'no', reason: `the client IP is not in ${list(r.networks)}` };
}

const subjectValue = (s: string, prefix: string) => s.slice(prefix.length).trim();

function subjectMatches(s: string, who: Identity): boolean {
  if (s.startsWith('user:')) return who.username === subjectValue(s, 'user:');
  if (s.startsWith('group:')) return who.groups.includes(subjectValue(s, 'group:'));
  return false;
}

function subjectStep(r: AccessControlRuleModel, req: Req, identityFromDomain: boolean): Step {
  if (!r.subject.length && !identityFromDomain) return { result: 'yes', reason: 'no subject criterion' };
  if (!req.who)
    return {
      result: 'unknown',
      reason: 'the rule has a subject and the visitor is anonymous: Authelia counts it as a match and asks them to log in',
    };
  if (!r.subject.length) return { result: 'yes', reason: 'the user matches the named groups of the domain_regex' };
  const who = req.who;
  const group = r.subject.find((g) => g.every((s) => subjectMatches(s, who)));
  return group
    ? { result: 'yes', reason: `the user matches subject ${list(group)}` }
    : { result: 'no', reason: `the user matches none of the subjects ${r.subject.map((g) => `[${list(g)}]`).join(' or ')}` };
}

function evaluateRule(r: AccessControlRuleModel, req: Req): { outcome: RuleOutcome; reason: string } {
  const domain = domainStep(r, req);
  const steps = [
    () => domain,
    () => regexListStep(r.resources, req.resource, 'resources'),
    () => queryStep(r, req),
    () => methodStep(r, req),
    () => networkStep(r, req),
    () => subjectStep(r, req, domain.identity === true),
  ];
  const unknowns: string[] = [];
  for (const step of steps) {
    const s = step();
    if (s.result === 'no') return { outcome: 'miss', reason: `Miss: ${s.reason}.` };
    if (s.result === 'unknown') unknowns.push(s.reason);
  }
  if (unknowns.length) return { outcome: 'may-match', reason: `May match: ${unknowns.join('; ')}.` };
  return { outcome: 'hit', reason: `Hit: ${domain.reason}, and every other criterion matches.` };
}

/** Go's `path.Clean` plus Authelia's trailing-slash and `?query` handling (utils.URLPathFullClean). */
function resourceOf(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the encoded form
  }
  const trailing = path.length > 1 && path.endsWith('/');
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  let clean = `/${parts.join('/')}`;
  if (trailing && clean !== '/') clean += '/';
  const query = url.search.replace(/^\?/, '');
  return query ? `${clean}?${query}` : clean;
}

const EFFECT: Record<string, string> = {
  bypass: 'anyone gets through without logging in',
  one_factor: 'a password login is enough',
  two_factor: 'a second factor is required',
  deny: 'access is refused (403)',
};

function parseUrl(raw: string, d: Diagnostic[]): URL | undefined {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const attempt = (s: string) => {
    try {
      return new URL(s);
    } catch {
      return undefined;
    }
  };
  let url = attempt(text);
  if ((!url || !url.hostname) && text && !text.includes('://')) {
    url = attempt(`https://${text}`);
    if (url) d.push(info('url-scheme-assumed', `The URL has no scheme, so https://${text} was checked.`, { path: 'url' }));
  }
  if (!url || !url.hostname) {
    d.push(
      error('url-invalid', `'${text}' is not a valid URL. Enter a full address such as https://app.example.com/path.`, {
        path: 'url',
      }),
    );
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'wss:')
    d.push(
      warning(
        'url-insecure-scheme',
        `Authelia only authorizes https:// and wss:// URLs; for ${url.protocol}// it answers 400 and nginx shows a 500 error.`,
        { path: 'url' },
      ),
    );
  return url;
}

function requestOf(raw: unknown, d: Diagnostic[], names: Map<string, string[]>): Req | undefined {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<MatchRequestInput>;
  const url = parseUrl(typeof r.url === 'string' ? r.url : '', d);
  if (!url) return undefined;
  const username = typeof r.username === 'string' ? r.username.trim() : '';
  const groups = Array.isArray(r.groups)
    ? r.groups.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim())
    : [];
  if (!username && groups.length)
    d.push(
      info('groups-without-user', 'Groups are ignored without a user name: the visitor is treated as anonymous.', {
        path: 'groups',
      }),
    );
  let ip: Uint8Array | undefined;
  if (typeof r.ip === 'string' && r.ip.trim()) {
    ip = parseIp(r.ip.trim())?.bytes;
    if (!ip)
      d.push(
        error('ip-invalid', `'${r.ip}' is not a valid IP address, so network criteria were treated as unknown.`, { path: 'ip' }),
      );
  }
  const method = typeof r.method === 'string' && r.method.trim() ? r.method.trim().toUpperCase() : 'GET';
  return {
    host: url.hostname.toLowerCase().replace(/\.$/, ''),
    resource: resourceOf(url),
    params: url.searchParams,
    method,
    ...(username ? { who: { username, groups } } : {}),
    ...(ip ? { ip } : {}),
    names,
  };
}

function summarize(result: Omit<MatchResult, 'summary'>, anonymous: boolean): string {
  const rule = result.matchedRule === undefined ? undefined : result.rules[result.matchedRule];
  if (!rule)
    return `No rule matches, so the default policy '${result.policy}' applies: ${EFFECT[result.policy] ?? 'the policy is not valid'}.`;
  if (!result.potential)
    return `Rule ${rule.descriptor} matches, so '${rule.policy}' applies: ${EFFECT[rule.policy] ?? 'the policy is not valid'}.`;
  const login = anonymous && /anonymous/.test(rule.reason);
  return login
    ? `Rule ${rule.descriptor} will potentially apply '${rule.policy}': it has a subject, so Authelia sends this anonymous visitor to the login page and checks the rules again once it knows who they are.`
    : `Rule ${rule.descriptor} will potentially apply '${rule.policy}', depending on facts the simulator does not have (see its reason).`;
}

/** Simulates which rule decides `request`. Never throws: a bad URL or IP becomes a diagnostic. */
export function matchRequest(input: unknown, request: MatchRequestInput, rawOptions: AccessControlOptions = {}): MatchResult {
  const options = sanitizeOptions(rawOptions);
  const { model } = normalizeAccessControl(input);
  const diagnostics: Diagnostic[] = [];
  if (hasErrors(validateAccessControl(model, options)))
    diagnostics.push(
      warning(
        'rules-have-errors',
        'Authelia would refuse to start with these rules as they stand; the simulation shows what they would do once the errors are fixed.',
      ),
    );
  const req = requestOf(request, diagnostics, networkNames(model, options));
  const base = { policy: model.default_policy, usedDefault: true, potential: false, diagnostics };
  if (!req)
    return { ...base, evaluated: false, rules: [], summary: 'The request could not be simulated because its URL is not valid.' };
  const rules: RuleMatch[] = model.rules.map((r, index) => ({
    index,
    descriptor: ruleDescriptor(index + 1, r.domain),
    policy: r.policy,
    ...evaluateRule(r, req),
  }));
  const first = rules.find((r) => r.outcome !== 'miss');
  const partial: Omit<MatchResult, 'summary'> = first
    ? {
        ...base,
        evaluated: true,
        rules,
        matchedRule: first.index,
        potential: first.outcome === 'may-match',
        policy: first.policy,
        usedDefault: false,
      }
    : { ...base, evaluated: true, rules };
  return { ...partial, summary: summarize(partial, !req.who) };
}
