/**
 * One rule against one request, criterion by criterion, as Authelia 4.39.20's `AccessControlRule.IsMatch` does
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/access_control_rule.go#L54-L80): domains →
 * resources → query → methods → networks → subjects, all ANDed, an absent criterion matching. Each step answers
 * yes / no / unknown (the simulator lacks a fact, or cannot evaluate an expression with certainty).
 */
import { networkContains, parseNetwork, type IpAddress } from '../../core/ip/go-net';
import { domainEntryMatches, isAnonymous, parseDomainEntry, type Subject } from './domain';
import { OPERATORS } from './messages';
import type { AccessControlRuleModel, QueryCondition } from './model';
import { compileRe2 } from './regex';

export type Tri = 'yes' | 'no' | 'unknown';

export interface SimulatedRequest {
  /** As received: case and trailing dot kept. */
  host: string;
  /** Cleaned path plus `?query`, what `resources` see. */
  resource: string;
  /** `URL.Query()` as Go parses it: first value per key. */
  query: Map<string, string>;
  method: string;
  subject: Subject;
  ip?: IpAddress;
  names: Map<string, string[]>;
}

export interface Step {
  result: Tri;
  reason: string;
  /** The step matched only because the visitor is anonymous and the entry depends on who logs in. */
  identity?: boolean;
  /** The step is unknown because the simulator was not told something Authelia always knows. */
  missingFact?: boolean;
}

const list = (items: string[]) => items.map((item) => `'${item}'`).join(', ');
const equalFold = (first: string, second: string) => first.toLowerCase() === second.toLowerCase();

/**
 * `RegexpGroupStringSubjectMatcher` for patterns with `User` / `Group` groups, `RegexpStringSubjectMatcher` otherwise
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/regexp.go#L18-L52): an anonymous visitor
 * matches whenever the pattern does; a user must equal the `User` capture and hold the `Group` one (both ignoring case).
 */
function regexStep(patterns: string[], input: string, subject: Subject, what: string): Step {
  if (!patterns.length) return { result: 'yes', reason: `no ${what} criterion` };
  let unknown = false;
  for (const pattern of patterns) {
    const compiled = compileRe2(pattern);
    if (compiled.error || pattern === '') continue;
    if (!compiled.regex) {
      unknown = true;
      continue;
    }
    const match = compiled.regex.exec(input);
    if (!match) continue;
    const userGroup = compiled.groupNames.User;
    const groupGroup = compiled.groupNames.Group;
    if (!userGroup && !groupGroup) return { result: 'yes', reason: `'${input}' matches ${what} '${pattern}'` };
    if (isAnonymous(subject))
      return {
        result: 'yes',
        identity: true,
        reason: `'${input}' matches ${what} '${pattern}', whose User/Group groups depend on who logs in`,
      };
    const captured = (name: string | undefined) => (name ? (match.groups?.[name] ?? '') : '');
    if (userGroup && !equalFold(subject.username, captured(userGroup))) continue;
    if (groupGroup && !subject.groups.some((group) => equalFold(group, captured(groupGroup)))) continue;
    return { result: 'yes', reason: `'${input}' matches ${what} '${pattern}' for this user` };
  }
  if (unknown)
    return { result: 'unknown', reason: `'${input}' may match a ${what} pattern the browser cannot evaluate with certainty` };
  return { result: 'no', reason: `'${input}' does not match ${what} ${list(patterns)}` };
}

function domainStep(rule: AccessControlRuleModel, request: SimulatedRequest): Step {
  if (!rule.domain.length && !rule.domain_regex.length) return { result: 'yes', reason: 'no domain criterion' };
  for (const raw of rule.domain) {
    const entry = parseDomainEntry(raw);
    if (!domainEntryMatches(entry, request.host, request.subject)) continue;
    const placeholder = entry.kind === 'user' || entry.kind === 'group';
    if (placeholder && isAnonymous(request.subject))
      return {
        result: 'yes',
        identity: true,
        reason: `host '${request.host}' ends in '${entry.suffix}', so the placeholder domain '${raw}' matches this anonymous visitor`,
      };
    return { result: 'yes', reason: `host '${request.host}' matches domain '${raw}'` };
  }
  const regex = rule.domain_regex.length
    ? regexStep(rule.domain_regex, request.host, request.subject, 'domain_regex')
    : undefined;
  if (regex && (regex.result !== 'no' || !rule.domain.length)) return regex;
  return { result: 'no', reason: `host '${request.host}' does not match ${list([...rule.domain, ...rule.domain_regex])}` };
}

/** The conditions Authelia's matcher builds; any other one is dropped without a word. */
function buildable(condition: QueryCondition): boolean {
  if (!(OPERATORS as readonly string[]).includes(condition.operator)) return false;
  if (condition.operator === 'present' || condition.operator === 'absent') return true;
  if (condition.value === undefined) return false;
  if (condition.operator === 'equal' || condition.operator === 'not equal') return true;
  return !compileRe2(condition.value).error;
}

function conditionMatches(condition: QueryCondition, query: Map<string, string>): Tri {
  const value = query.get(condition.key) ?? '';
  switch (condition.operator) {
    case 'present':
      return query.has(condition.key) ? 'yes' : 'no';
    case 'absent':
      return query.has(condition.key) ? 'no' : 'yes';
    case 'equal':
      return value === condition.value ? 'yes' : 'no';
    case 'not equal':
      return value !== condition.value ? 'yes' : 'no';
    default: {
      const regex = compileRe2(condition.value ?? '').regex;
      if (!regex) return 'unknown';
      return regex.test(value) === (condition.operator === 'pattern') ? 'yes' : 'no';
    }
  }
}

function queryStep(rule: AccessControlRuleModel, request: SimulatedRequest): Step {
  if (!rule.query.length) return { result: 'yes', reason: 'no query criterion' };
  let unknown = false;
  for (const group of rule.query) {
    const built = group.filter(buildable);
    const results = built.map((condition) => conditionMatches(condition, request.query));
    if (results.every((result) => result === 'yes'))
      return {
        result: 'yes',
        reason:
          built.length === 0
            ? 'a query group has no condition Authelia can use (an empty group, or only conditions it drops), and such a group matches every request'
            : 'the query string satisfies a query group',
      };
    if (!results.includes('no')) unknown = true;
  }
  if (unknown) return { result: 'unknown', reason: 'a query pattern cannot be evaluated in the browser with certainty' };
  return { result: 'no', reason: 'the query string satisfies none of the query groups' };
}

function methodStep(rule: AccessControlRuleModel, request: SimulatedRequest): Step {
  if (!rule.methods.length) return { result: 'yes', reason: 'no methods criterion' };
  const methods = rule.methods.map((method) => method.toUpperCase());
  return methods.includes(request.method)
    ? { result: 'yes', reason: `method ${request.method} is listed` }
    : { result: 'no', reason: `method ${request.method} is not in ${list(rule.methods)}` };
}

/** Names resolve before addresses, as in the decode hook
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/decode_hooks.go#L840-L854). */
function networkStep(rule: AccessControlRuleModel, request: SimulatedRequest): Step {
  if (!rule.networks.length) return { result: 'yes', reason: 'no networks criterion' };
  const address = request.ip;
  if (!address)
    return {
      result: 'unknown',
      missingFact: true,
      reason: `no client IP was given, and the rule requires ${list(rule.networks)}`,
    };
  const hit = rule.networks.find((value) =>
    (request.names.get(value) ?? [value]).some((text) => {
      const network = parseNetwork(text);
      return !!network && networkContains(network, address);
    }),
  );
  return hit
    ? { result: 'yes', reason: `the client IP is in '${hit}'` }
    : {
        result: 'no',
        reason: `the client IP is not in ${list(rule.networks)}${address.v4 ? ' (an IPv4 client is only inside IPv4 networks and ::ffff:… IPv6 prefixes of /96 or longer, as in Go)' : ''}`,
      };
}

/** `schemaSubjectToACLSubject`: prefix, then the name trimmed of spaces; anything else is dropped
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/util.go#L57-L77). */
function subjectMatches(text: string, subject: Subject): boolean | undefined {
  const name = (prefix: string) => text.slice(prefix.length).replace(/^ +| +$/g, '');
  if (text.startsWith('user:')) return subject.username === name('user:');
  if (text.startsWith('group:')) return subject.groups.includes(name('group:'));
  if (text.startsWith('oauth2:client:')) return subject.clientId === name('oauth2:client:');
  return undefined;
}

function subjectStep(rule: AccessControlRuleModel, request: SimulatedRequest, identity: boolean): Step {
  const groups = rule.subject
    .map((group) => group.filter((text) => subjectMatches(text, request.subject) !== undefined))
    .filter((group) => group.length > 0);
  if (!groups.length && !identity) return { result: 'yes', reason: 'no subject criterion' };
  if (isAnonymous(request.subject))
    return {
      result: 'unknown',
      reason:
        'the rule depends on who the visitor is and the visitor is anonymous: Authelia counts it as a match and asks them to log in',
    };
  if (!groups.length) return { result: 'yes', reason: 'the user matches the named groups or placeholder of the rule' };
  const matched = groups.find((group) => group.every((text) => subjectMatches(text, request.subject)));
  return matched
    ? { result: 'yes', reason: `the ${request.subject.username ? 'user' : 'client'} matches subject ${list(matched)}` }
    : {
        result: 'no',
        reason: `the ${request.subject.username ? 'user' : 'client'} matches none of the subjects ${groups.map((group) => `[${list(group)}]`).join(' or ')}`,
      };
}

export type RuleOutcome = 'hit' | 'miss' | 'may-match';

export function evaluateRule(
  rule: AccessControlRuleModel,
  request: SimulatedRequest,
): { outcome: RuleOutcome; reason: string; missingFact: boolean; uncertain: boolean } {
  const domain = domainStep(rule, request);
  const resources = () => regexStep(rule.resources, request.resource, request.subject, 'resources');
  let identity = domain.identity === true;
  const steps: (() => Step)[] = [
    () => domain,
    () => {
      const step = resources();
      identity ||= step.identity === true;
      return step;
    },
    () => queryStep(rule, request),
    () => methodStep(rule, request),
    () => networkStep(rule, request),
    () => subjectStep(rule, request, identity),
  ];
  const unknowns: Step[] = [];
  for (const run of steps) {
    const step = run();
    if (step.result === 'no') return { outcome: 'miss', reason: `Miss: ${step.reason}.`, missingFact: false, uncertain: false };
    if (step.result === 'unknown') unknowns.push(step);
  }
  if (unknowns.length)
    return {
      outcome: 'may-match',
      reason: `May match: ${unknowns.map((step) => step.reason).join('; ')}.`,
      missingFact: unknowns.some((step) => step.missingFact),
      uncertain: unknowns.some((step) => /cannot evaluate|cannot be evaluated/.test(step.reason)),
    };
  return {
    outcome: 'hit',
    reason: `Hit: ${domain.reason}, and every other criterion matches.`,
    missingFact: false,
    uncertain: false,
  };
}
