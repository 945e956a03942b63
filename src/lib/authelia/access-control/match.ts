/**
 * Which rule decides a request — the browser twin of `authelia access-control check-policy`. Rules are tried in
 * order and the first match wins
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/authorizer.go#L51-L68); a rule that
 * depends on who the visitor is counts as a (potential) match for anonymous visitors, who are then asked to log in.
 * The per-rule steps live in rule-match.ts, the URL reading in request.ts.
 */
import { error, hasErrors, info, warning, type Diagnostic } from '../../core';
import { parseIp, type IpAddress } from '../../core/ip/go-net';
import { normalizeAccessControl } from './decode';
import { asciiHostOf, type Subject } from './domain';
import { ruleDescriptor } from './messages';
import { networkNames, sanitizeOptions, type AccessControlOptions } from './model';
import { fullCleanPath, parseGoQuery, parseGoUrl } from './request';
import { evaluateRule, type RuleOutcome, type SimulatedRequest } from './rule-match';
import { validateAccessControl } from './validate';

export type { RuleOutcome } from './rule-match';

export interface MatchRequestInput {
  url: string;
  /** Defaults to GET. */
  method?: string;
  /** Empty or absent (and no client id) = an anonymous visitor. */
  username?: string;
  groups?: string[];
  /** The OAuth2 client id of a client-credentials access token (such a request is not anonymous since 4.39.20). */
  clientId?: string;
  /** The client address Authelia sees (left-most X-Forwarded-For). */
  ip?: string;
}

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
  /** Where the simulator deliberately answers differently from Authelia, why — to show next to the summary. */
  differs?: string;
  diagnostics: Diagnostic[];
}

const EFFECT: Record<string, string> = {
  bypass: 'anyone gets through without logging in',
  one_factor: 'a password login is enough',
  two_factor: 'a second factor is required',
  deny: 'access is refused (403)',
};

/** The host as Authelia receives it, with a word on what a browser would send instead. */
function hostOf(raw: string, diagnostics: Diagnostic[]): { host: string; rejected: boolean } {
  const ascii = asciiHostOf(raw);
  if (ascii) {
    diagnostics.push(
      info(
        'url-host-punycode',
        `Browsers send '${raw}' as '${ascii}' (punycode), so that is the host simulated. A rule must name '${ascii}' to match it.`,
        { path: 'url' },
      ),
    );
    return { host: ascii, rejected: false };
  }
  if (/[A-Z]/.test(raw))
    diagnostics.push(
      info(
        'url-host-case',
        `The host is simulated as typed, '${raw}': a browser would send it in lower case. Authelia ignores case for literal and *. domains only; domain_regex, {user} and {group} compare the host exactly.`,
        { path: 'url' },
      ),
    );
  if (raw.endsWith('.')) {
    diagnostics.push(
      warning(
        'url-host-trailing-dot',
        `A host ending in a dot ('${raw}') is under no session cookie domain, so Authelia answers 400 before any rule is checked (nginx shows a 500). The table shows how the rules read it: no literal or *. domain matches it.`,
        { path: 'url' },
      ),
    );
    return { host: raw, rejected: true };
  }
  return { host: raw, rejected: false };
}

function requestOf(
  raw: unknown,
  diagnostics: Diagnostic[],
  names: Map<string, string[]>,
): { request: SimulatedRequest; rejected: boolean } | undefined {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<MatchRequestInput>;
  let text = typeof input.url === 'string' ? input.url.trim() : '';
  if (text && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) {
    text = `https://${text}`;
    diagnostics.push(info('url-scheme-assumed', `The URL has no scheme, so ${text} was checked.`, { path: 'url' }));
  }
  const parsed = parseGoUrl(text);
  if (!parsed.url) {
    diagnostics.push(
      error(
        'url-invalid',
        `'${text}' is not a URL Authelia can read (${parsed.error}). Enter a full address such as https://app.example.com/path.`,
        { path: 'url' },
      ),
    );
    return undefined;
  }
  const url = parsed.url;
  if (url.scheme !== 'https' && url.scheme !== 'wss')
    diagnostics.push(
      warning(
        'url-insecure-scheme',
        `Authelia only authorizes https:// and wss:// URLs; for ${url.scheme}:// it answers 400 and nginx shows a 500 error.`,
        { path: 'url' },
      ),
    );
  const host = hostOf(url.host, diagnostics);
  const username = typeof input.username === 'string' ? input.username.trim() : '';
  const clientId = typeof input.clientId === 'string' ? input.clientId : '';
  const groups = Array.isArray(input.groups)
    ? input.groups
        .filter((group): group is string => typeof group === 'string' && group.trim() !== '')
        .map((group) => group.trim())
    : [];
  if (!username && groups.length)
    diagnostics.push(
      info('groups-without-user', 'Groups are ignored without a user name: a session always has one.', { path: 'groups' }),
    );
  let ip: IpAddress | undefined;
  if (typeof input.ip === 'string' && input.ip.trim()) {
    ip = parseIp(input.ip.trim());
    if (!ip)
      diagnostics.push(
        error('ip-invalid', `'${input.ip}' is not a valid IP address, so network criteria were treated as unknown.`, {
          path: 'ip',
        }),
      );
  }
  const method = typeof input.method === 'string' && input.method.trim() ? input.method.trim().toUpperCase() : 'GET';
  const subject: Subject = { username, groups: username ? groups : [], clientId };
  return {
    request: {
      host: host.host,
      resource: fullCleanPath(url),
      query: parseGoQuery(url.rawQuery),
      method,
      subject,
      ...(ip ? { ip } : {}),
      names,
    },
    rejected: host.rejected,
  };
}

function summarize(result: Omit<MatchResult, 'summary'>, rejected: boolean): string {
  if (rejected) return 'Authelia answers 400 Bad Request for this host before checking any rule (see the warning).';
  const rule = result.matchedRule === undefined ? undefined : result.rules[result.matchedRule];
  if (!rule)
    return `No rule matches, so the default policy '${result.policy}' applies: ${EFFECT[result.policy] ?? 'the policy is not valid'}.`;
  if (!result.potential)
    return `Rule ${rule.descriptor} matches, so '${rule.policy}' applies: ${EFFECT[rule.policy] ?? 'the policy is not valid'}.`;
  return /anonymous/.test(rule.reason)
    ? `Rule ${rule.descriptor} will potentially apply '${rule.policy}': it depends on who the visitor is, so Authelia sends this anonymous visitor to the login page and checks the rules again once it knows who they are.`
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
  const built = requestOf(request, diagnostics, networkNames(model, options));
  const base = { policy: model.default_policy, usedDefault: true, potential: false, diagnostics };
  if (!built)
    return { ...base, evaluated: false, rules: [], summary: 'The request could not be simulated because its URL is not valid.' };
  const evaluated = model.rules.map((rule, index) => ({ index, rule, ...evaluateRule(rule, built.request) }));
  const rules: RuleMatch[] = evaluated.map(({ index, rule, outcome, reason }) => ({
    index,
    descriptor: ruleDescriptor(index + 1, rule.domain),
    policy: rule.policy,
    outcome,
    reason,
  }));
  const first = evaluated.find((entry) => entry.outcome !== 'miss');
  const partial: Omit<MatchResult, 'summary'> = first
    ? {
        ...base,
        evaluated: true,
        rules,
        matchedRule: first.index,
        potential: first.outcome === 'may-match',
        policy: first.rule.policy,
        usedDefault: false,
      }
    : { ...base, evaluated: true, rules };
  const differs = first?.missingFact
    ? 'Authelia always knows the client address, so it answers hit or miss here; the simulator says "may match" because no client IP was given. Enter one for a definite answer.'
    : first?.uncertain
      ? 'Authelia evaluates this expression; the simulator could not translate it to the browser with certainty, so it says "may match" rather than guess.'
      : undefined;
  return { ...partial, summary: summarize(partial, built.rejected), ...(differs ? { differs } : {}) };
}
