/**
 * The `access_control` section of Authelia 4.39: input as Authelia's YAML accepts it, a canonical model, the checks
 * Authelia's decoder and validator make (same wording), and the section rendered in canonical form.
 */
import { error, warning, type Diagnostic, type GeneratorResult } from '../core';
import { quoteYaml } from '../core/yaml';
import { MSG, METHODS, OPERATORS, POLICIES, SUBJECT_PREFIXES, ruleDescriptor } from './acl-messages';
import { parseNetwork } from './acl-network';
import { compileRe2, hasIdentityGroups } from './acl-regex';
import { lintAccessControl } from './acl-lint';

// ---------------------------------------------------------------------------------------------------------------
// Input: mirrors Authelia's YAML (string-or-list forms accepted where Authelia accepts them).

export interface QueryInput {
  key?: string;
  operator?: string;
  value?: unknown;
}

export interface RuleInput {
  domain?: string | string[];
  domain_regex?: string | string[];
  policy?: string;
  /** A string, a list of strings, or a list mixing strings and lists (outer = OR, inner = AND). */
  subject?: string | (string | string[])[];
  networks?: string | string[];
  resources?: string | string[];
  methods?: string | string[];
  /** A list of lists (outer = OR, inner = AND) of conditions. */
  query?: QueryInput[][];
}

/** Authelia 4.38's named networks list; still accepted by 4.39 (4.39 prefers `definitions.network`). */
export interface NamedNetworkInput {
  name?: string;
  networks?: string | string[];
}

export interface AccessControlInput {
  default_policy?: string;
  networks?: NamedNetworkInput[];
  rules?: RuleInput[];
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical model: every list present, subjects and queries as lists of lists, operators filled in.

export interface QueryCondition {
  key: string;
  /** Lower-case when valid; filled in when omitted (`equal` with a value, `present` without). */
  operator: string;
  value?: string;
}

export interface AccessControlRuleModel {
  domain: string[];
  domain_regex: string[];
  policy: string;
  subject: string[][];
  networks: string[];
  resources: string[];
  methods: string[];
  query: QueryCondition[][];
}

export interface NamedNetwork {
  name: string;
  networks: string[];
}

export interface AccessControlModel {
  default_policy: string;
  networks: NamedNetwork[];
  rules: AccessControlRuleModel[];
}

export interface AccessControlOptions {
  /** The portal host (or its URL), e.g. `auth.example.com` — used to flag rules that name it. */
  portalDomain?: string;
  /** `session.cookies[].domain` values; rules outside all of them make Authelia answer 400. */
  cookieDomains?: string[];
  /** `definitions.network` (name → CIDRs). When given, a network name not found here is an error. */
  networkDefinitions?: Record<string, string | string[]>;
  /** Registered OAuth2 client ids; when given, `oauth2:client:<id>` subjects are checked against them. */
  oidcClientIds?: string[];
}

export const RULE_KEYS = ['domain', 'domain_regex', 'policy', 'subject', 'networks', 'resources', 'methods', 'query'] as const;
const QUERY_KEYS = ['key', 'operator', 'value'];
const SECTION_KEYS = ['default_policy', 'networks', 'rules'];
/** Likely misspellings → the key Authelia expects. */
const KEY_SUGGESTIONS: Record<string, string> = {
  domains: 'domain',
  domain_regexes: 'domain_regex',
  domains_regex: 'domain_regex',
  regex: 'domain_regex',
  policies: 'policy',
  subjects: 'subject',
  network: 'networks',
  resource: 'resources',
  ressources: 'resources',
  path: 'resources',
  paths: 'resources',
  method: 'methods',
  queries: 'query',
  defaultpolicy: 'default_policy',
  default: 'default_policy',
  rule: 'rules',
};

export const emptyRuleModel = (): AccessControlRuleModel => ({
  domain: [],
  domain_regex: [],
  policy: '',
  subject: [],
  networks: [],
  resources: [],
  methods: [],
  query: [],
});

// ---------------------------------------------------------------------------------------------------------------
// Decoding (never throws).

type Diags = Diagnostic[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const typeName = (v: unknown) =>
  Array.isArray(v) ? 'a list' : v === null ? 'empty' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;

/** Go's `%T` of a YAML value decoded into `interface{}`. */
function goType(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (isRecord(v)) return 'map[string]interface {}';
  return typeof v;
}

/** A scalar as a string; a number or boolean is converted with a warning, anything else is dropped with an error. */
function scalar(v: unknown, path: string, label: string, d: Diags): string | undefined {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    d.push(
      warning('type-converted', `The value ${String(v)} of ${label} is not a string; it is written as '${String(v)}'.`, {
        path,
        fix: String(v),
      }),
    );
    return String(v);
  }
  d.push(error('type-invalid', `${cap(label)} must be a string, but it's ${typeName(v)}; it was left out.`, { path }));
  return undefined;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A string or a list of strings. Empty entries are dropped (with a warning inside a list). */
function strings(v: unknown, path: string, label: string, d: Diags): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.trim() === '' ? [] : [v];
  if (!Array.isArray(v)) {
    const one = scalar(v, path, label, d);
    return one === undefined ? [] : [one];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    const s = scalar(item, `${path}[${i}]`, `entry ${i + 1} of ${label}`, d);
    if (s !== undefined && s.trim() !== '') out.push(s);
    else if (s !== undefined || item === null)
      d.push(warning('value-empty', `Entry ${i + 1} of ${label} is empty; it was left out.`, { path: `${path}[${i}]` }));
  });
  return out;
}

function subjects(v: unknown, path: string, label: string, d: Diags): string[][] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return strings(v, path, label, d).map((s) => [s]);
  const out: string[][] = [];
  v.forEach((item, i) => {
    const group = Array.isArray(item)
      ? strings(item, `${path}[${i}]`, label, d)
      : strings(item, `${path}[${i}]`, `entry ${i + 1} of ${label}`, d);
    if (group.length) out.push(group);
  });
  return out;
}

interface RuleCtx {
  index: number;
  descriptor: string;
  path: string;
  d: Diags;
}

function unknownKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  keyPrefix: string,
  path: string,
  where: string,
  d: Diags,
) {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const suggestion = KEY_SUGGESTIONS[key.toLowerCase()] ?? allowed.find((a) => a === key.toLowerCase());
    const hint = suggestion ? ` Did you mean '${suggestion}'?` : ` Valid options are ${allowed.map((a) => `'${a}'`).join(', ')}.`;
    d.push(
      error(
        'key-unknown',
        `${MSG.keyUnknown(`${keyPrefix}${key}`)}. Authelia refuses to start when ${where} has an option it does not know.${hint}`,
        {
          path: path ? `${path}.${key}` : key,
          ...(suggestion ? { fix: suggestion } : {}),
        },
      ),
    );
  }
}

function condition(v: unknown, j: number, k: number, ctx: RuleCtx): QueryCondition | undefined {
  const path = `${ctx.path}.query[${j}][${k}]`;
  if (!isRecord(v)) {
    ctx.d.push(
      error(
        'type-invalid',
        `Query condition ${k + 1} of group ${j + 1} in rule #${ctx.index + 1} must be a mapping with 'key', 'operator' and 'value', but it's ${typeName(v)}; it was left out.`,
        { path },
      ),
    );
    return undefined;
  }
  unknownKeys(v, QUERY_KEYS, `access_control.rules[${ctx.index}].query[${j}][${k}].`, path, `a query condition`, ctx.d);
  const key = scalar(v.key, `${path}.key`, `the query 'key'`, ctx.d) ?? '';
  const rawOp = scalar(v.operator, `${path}.operator`, `the query 'operator'`, ctx.d) ?? '';
  const raw = v.value;
  const hasValue = raw !== undefined && raw !== null && raw !== '';
  let operator = rawOp;
  if (rawOp === '') operator = key === '' ? '' : hasValue ? 'equal' : 'present';
  else if ((OPERATORS as readonly string[]).includes(rawOp.toLowerCase())) operator = rawOp.toLowerCase();
  const out: QueryCondition = { key, operator };
  if (typeof raw === 'string') {
    if (!(raw === '' && (operator === 'present' || operator === 'absent'))) out.value = raw;
  } else if (raw !== undefined && raw !== null && operator !== '') {
    const converted = typeof raw === 'number' || typeof raw === 'boolean';
    ctx.d.push(
      error(
        'rule-query-value-type',
        `${MSG.ruleQueryValueType(ctx.descriptor, goType(raw))}. Quote the value so it is a string${converted ? `; the builder wrote '${String(raw)}'` : ''}.`,
        { path: `${path}.value`, ...(converted ? { fix: String(raw) } : {}) },
      ),
    );
    if (converted) out.value = String(raw);
  }
  return out;
}

function query(v: unknown, ctx: RuleCtx): QueryCondition[][] {
  const path = `${ctx.path}.query`;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    ctx.d.push(
      error(
        'type-invalid',
        `Option 'query' of rule #${ctx.index + 1} must be a list of lists of conditions, but it's ${typeName(v)}; it was left out.`,
        { path },
      ),
    );
    return [];
  }
  const out: QueryCondition[][] = [];
  const flat: QueryCondition[] = [];
  v.forEach((group, j) => {
    if (Array.isArray(group)) {
      const conds = group.map((c, k) => condition(c, j, k, ctx)).filter((c): c is QueryCondition => c !== undefined);
      if (conds.length) out.push(conds);
    } else if (isRecord(group)) {
      const c = condition(group, j, 0, ctx);
      if (c) flat.push(c);
    } else if (group !== null && group !== undefined) {
      ctx.d.push(
        error(
          'type-invalid',
          `Entry ${j + 1} of option 'query' in rule #${ctx.index + 1} must be a list of conditions, but it's ${typeName(group)}; it was left out.`,
          { path: `${path}[${j}]` },
        ),
      );
    }
  });
  if (flat.length) {
    ctx.d.push(
      error(
        'query-not-list-of-lists',
        `Option 'query' of rule #${ctx.index + 1} must be a list of lists (each inner list is a group of conditions that must all hold), but it is a flat list of conditions. The builder wrote them as one group, all of which must hold.`,
        { path },
      ),
    );
    out.push(flat);
  }
  return out;
}

function rule(v: unknown, index: number, d: Diags): AccessControlRuleModel {
  const path = `rules[${index}]`;
  const r = emptyRuleModel();
  if (v === null || v === undefined) return r;
  if (!isRecord(v)) {
    d.push(
      error(
        'rule-not-object',
        `Rule #${index + 1} must be a mapping of options such as 'domain' and 'policy', but it's ${typeName(v)}; it was replaced by an empty rule.`,
        { path },
      ),
    );
    return r;
  }
  const label = (key: string) => `option '${key}' of rule #${index + 1}`;
  unknownKeys(v, RULE_KEYS, `access_control.rules[${index}].`, path, `a rule`, d);
  r.domain = strings(v.domain, `${path}.domain`, label('domain'), d);
  r.domain_regex = strings(v.domain_regex, `${path}.domain_regex`, label('domain_regex'), d);
  r.policy = scalar(v.policy, `${path}.policy`, label('policy'), d) ?? '';
  r.subject = subjects(v.subject, `${path}.subject`, label('subject'), d);
  r.networks = strings(v.networks, `${path}.networks`, label('networks'), d);
  r.resources = strings(v.resources, `${path}.resources`, label('resources'), d);
  r.methods = strings(v.methods, `${path}.methods`, label('methods'), d);
  r.query = query(v.query, { index, descriptor: ruleDescriptor(index + 1, r.domain), path, d });
  return r;
}

function namedNetworks(v: unknown, d: Diags): NamedNetwork[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    d.push(
      error(
        'type-invalid',
        `Option 'networks' of access_control must be a list of {name, networks} entries, but it's ${typeName(v)}; it was left out.`,
        { path: 'networks' },
      ),
    );
    return [];
  }
  const out: NamedNetwork[] = [];
  v.forEach((item, i) => {
    const path = `networks[${i}]`;
    if (!isRecord(item)) {
      d.push(
        error(
          'type-invalid',
          `Entry ${i + 1} of the named networks must be a mapping with 'name' and 'networks', but it's ${typeName(item)}; it was left out.`,
          { path },
        ),
      );
      return;
    }
    unknownKeys(item, ['name', 'networks'], `access_control.networks[${i}].`, path, 'a named network', d);
    out.push({
      name: scalar(item.name, `${path}.name`, `the name of named network ${i + 1}`, d) ?? '',
      networks: strings(item.networks, `${path}.networks`, `the networks of named network ${i + 1}`, d),
    });
  });
  return out;
}

/**
 * Turns any input (Authelia-shaped or not) into the canonical model, reporting decode problems: wrong types, unknown
 * keys, a query value that is not a string, a flat query list. Accepts `{ access_control: {...} }` too. Never throws.
 */
export function normalizeAccessControl(input: unknown): { model: AccessControlModel; diagnostics: Diagnostic[] } {
  const d: Diags = [];
  let src: unknown = input;
  if (isRecord(src) && isRecord(src.access_control)) src = src.access_control;
  const model: AccessControlModel = { default_policy: 'deny', networks: [], rules: [] };
  if (src === undefined || src === null) return { model, diagnostics: d };
  if (!isRecord(src)) {
    d.push(
      error(
        'input-not-object',
        `The access_control section must be a mapping with 'default_policy' and 'rules', but it's ${typeName(src)}.`,
      ),
    );
    return { model, diagnostics: d };
  }
  unknownKeys(src, SECTION_KEYS, 'access_control.', '', 'the access_control section', d);
  model.default_policy = scalar(src.default_policy, 'default_policy', "option 'default_policy'", d) || 'deny';
  model.networks = namedNetworks(src.networks, d);
  if (Array.isArray(src.rules)) model.rules = src.rules.map((r, i) => rule(r, i, d));
  else if (src.rules !== undefined && src.rules !== null)
    d.push(
      error('type-invalid', `Option 'rules' must be a list of rules, but it's ${typeName(src.rules)}; it was left out.`, {
        path: 'rules',
      }),
    );
  return { model, diagnostics: d };
}

// ---------------------------------------------------------------------------------------------------------------
// Authelia's decode-time checks and validator (validator/access_control.go), in its order.

/** Network names known from `definitions.network` and the legacy `access_control.networks` list. */
export function networkNames(model: AccessControlModel, options: AccessControlOptions): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [name, value] of Object.entries(options.networkDefinitions ?? {}))
    names.set(name, Array.isArray(value) ? value : [value]);
  for (const n of model.networks) if (n.name) names.set(n.name, n.networks);
  return names;
}

const LOOKS_LIKE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function decodeChecks(model: AccessControlModel, options: AccessControlOptions): Diags {
  const d: Diags = [];
  const defined = new Set(Object.keys(options.networkDefinitions ?? {}));
  model.networks.forEach((n, i) => {
    if (defined.has(n.name))
      d.push(
        error(
          'networks-duplicate-definition',
          `${MSG.networkDuplicateDefinition(n.name)}. Keep the network in one place (4.39 prefers definitions.network).`,
          { path: `networks[${i}].name` },
        ),
      );
    n.networks.forEach((v, j) => {
      if (!parseNetwork(v))
        d.push(
          error(
            'networks-unparseable',
            `${MSG.networkUnparseable(v)}. A named network may only list IP addresses and CIDR ranges such as 192.168.1.0/24.`,
            { path: `networks[${i}].networks[${j}]` },
          ),
        );
    });
  });
  const names = networkNames(model, options);
  model.rules.forEach((r, i) => {
    const path = `rules[${i}]`;
    for (const key of ['domain_regex', 'resources'] as const) {
      r[key].forEach((p, j) => {
        const c = compileRe2(p);
        if (c.error)
          d.push(
            error(
              'regex-unparseable',
              `${MSG.regexUnparseable(p, c.error)}. Authelia refuses to start: fix this regular expression (Go RE2 syntax: no lookarounds or backreferences).`,
              { path: `${path}.${key}[${j}]` },
            ),
          );
      });
    }
    r.networks.forEach((v, j) => {
      if (parseNetwork(v) || names.has(v)) return;
      const at = { path: `${path}.networks[${j}]` };
      if (options.networkDefinitions === undefined && LOOKS_LIKE_NAME.test(v) && !/^[\d.:]+$/.test(v))
        d.push(
          warning(
            'network-name-unresolved',
            `'${v}' in rule #${i + 1} is not an IP address or CIDR range, so it must be a network name defined under definitions.network; otherwise Authelia refuses to start with: ${MSG.networkUnparseable(v)}.`,
            at,
          ),
        );
      else
        d.push(
          error(
            'networks-unparseable',
            `${MSG.networkUnparseable(v)}. Use an IP address, a CIDR range such as 10.0.0.0/8, or a defined network name.`,
            at,
          ),
        );
    });
  });
  return d;
}

const isPolicy = (p: string) => (POLICIES as readonly string[]).includes(p);

function validateDomains(r: AccessControlRuleModel, n: number, desc: string, d: Diags) {
  if (r.domain.length + r.domain_regex.length === 0)
    d.push(
      error('rule-no-domain', `${MSG.ruleNoDomain(desc)}. Add the host names this rule applies to.`, { path: `rules[${n - 1}]` }),
    );
  r.domain.forEach((domain, j) => {
    if (domain.length > 1 && domain[0] === '*' && domain[1] !== '.')
      d.push(
        warning(
          'rule-domain-ineffective-wildcard',
          `${MSG.ruleDomainIneffectiveWildcard(n, j + 1, domain)}. As written it matches no real host.`,
          {
            path: `rules[${n - 1}].domain[${j}]`,
            fix: `*.${domain.slice(1)}`,
          },
        ),
      );
  });
}

function validatePolicy(r: AccessControlRuleModel, n: number, desc: string, d: Diags) {
  const path = `rules[${n - 1}].policy`;
  if (r.policy === '')
    d.push(
      error('rule-policy-missing', `${MSG.rulePolicyMissing(desc)}. Choose bypass, one_factor, two_factor or deny.`, { path }),
    );
  else if (!isPolicy(r.policy)) {
    const fix = POLICIES.find((p) => p === r.policy.toLowerCase().replace(/[\s-]+/g, '_'));
    d.push(
      error('rule-policy-invalid', `${MSG.rulePolicyInvalid(desc, r.policy)}. Policies are lower-case.`, {
        path,
        ...(fix ? { fix } : {}),
      }),
    );
  }
}

function validateSubjects(r: AccessControlRuleModel, n: number, desc: string, options: AccessControlOptions, d: Diags) {
  r.subject.forEach((group, g) =>
    group.forEach((s, k) => {
      const path = `rules[${n - 1}].subject[${g}][${k}]`;
      if (!SUBJECT_PREFIXES.some((p) => s.startsWith(p))) {
        d.push(
          error('rule-subject-prefix', `${MSG.ruleSubjectPrefix(desc, s)}. For example 'user:john' or 'group:admins'.`, { path }),
        );
      } else if (s.startsWith('oauth2:client:') && options.oidcClientIds) {
        const id = s.slice('oauth2:client:'.length).trim();
        if (!options.oidcClientIds.includes(id))
          d.push(
            error(
              'rule-subject-oauth2-client-unknown',
              `${MSG.ruleSubjectOauth2ClientUnknown(desc, s, id)}. Register the client under identity_providers.oidc.clients first.`,
              { path },
            ),
          );
      }
    }),
  );
}

/** Authelia's `validateList`: invalid values in order (repeats kept), valid duplicates once each. */
function validateMethods(r: AccessControlRuleModel, n: number, desc: string, d: Diags) {
  const invalid: string[] = [];
  const dups: string[] = [];
  r.methods.forEach((m, i) => {
    if (!(METHODS as readonly string[]).includes(m)) invalid.push(m);
    else if (r.methods.some((o, j) => j !== i && o === m) && !dups.includes(m)) dups.push(m);
  });
  const first = (pred: (m: string) => boolean) => `rules[${n - 1}].methods[${Math.max(0, r.methods.findIndex(pred))}]`;
  if (invalid.length) {
    const fix = invalid.map((m) => m.toUpperCase()).every((m) => (METHODS as readonly string[]).includes(m))
      ? invalid[0]?.toUpperCase()
      : undefined;
    d.push(
      error('rule-methods-invalid', `${MSG.ruleMethodsInvalid(desc, invalid)}. Methods are upper-case HTTP verbs.`, {
        path: first((m) => invalid.includes(m)),
        ...(fix ? { fix } : {}),
      }),
    );
  }
  if (dups.length)
    d.push(
      error('rule-methods-duplicate', `${MSG.ruleMethodsDuplicate(desc, dups)}. List each method once.`, {
        path: first((m) => dups.includes(m)),
      }),
    );
}

function validateQuery(r: AccessControlRuleModel, n: number, desc: string, d: Diags) {
  r.query.forEach((group, j) =>
    group.forEach((c, k) => {
      const path = `rules[${n - 1}].query[${j}][${k}]`;
      if (c.operator !== '' && !(OPERATORS as readonly string[]).includes(c.operator))
        d.push(
          error('rule-query-operator-invalid', `${MSG.ruleQueryOperatorInvalid(desc, c.operator)}.`, {
            path: `${path}.operator`,
          }),
        );
      if (c.key === '')
        d.push(
          error('rule-query-key-missing', `${MSG.ruleQueryKeyMissing(desc)}. Name the query parameter to test.`, {
            path: `${path}.key`,
          }),
        );
      const op = c.operator;
      if (op === '') return;
      if (c.value === undefined) {
        if (op !== 'absent' && op !== 'present')
          d.push(error('rule-query-value-missing', `${MSG.ruleQueryValueMissing(desc, op)}.`, { path: `${path}.value` }));
      } else if ((op === 'present' || op === 'absent') && c.value !== '') {
        d.push(
          error('rule-query-value-forbidden', `${MSG.ruleQueryValueForbidden(desc, op)}. Remove the value or use 'equal'.`, {
            path: `${path}.value`,
          }),
        );
      } else if (op === 'pattern' || op === 'not pattern') {
        const compiled = compileRe2(c.value);
        if (compiled.error)
          d.push(
            error('rule-query-pattern-invalid', `${MSG.ruleQueryPatternInvalid(desc, compiled.error)}.`, {
              path: `${path}.value`,
            }),
          );
      }
    }),
  );
}

function validateBypass(r: AccessControlRuleModel, n: number, desc: string, d: Diags) {
  if (r.policy !== 'bypass') return;
  if (r.subject.length)
    d.push(
      error(
        'rule-bypass-with-subject',
        `${MSG.ruleBypassWithSubject(desc)}. Remove the subject, or use one_factor for these users.`,
        { path: `rules[${n - 1}].subject` },
      ),
    );
  const j = r.domain_regex.findIndex((p) => hasIdentityGroups(p));
  if (j >= 0)
    d.push(
      error('rule-bypass-with-named-group-regex', `${MSG.ruleBypassWithNamedGroupRegex(desc)}.`, {
        path: `rules[${n - 1}].domain_regex[${j}]`,
      }),
    );
}

/** Authelia 4.39's decode-time and validator checks on the canonical model, with Authelia's own messages. */
export function validateAccessControl(model: AccessControlModel, options: AccessControlOptions = {}): Diagnostic[] {
  const d = decodeChecks(model, options);
  const dp = model.default_policy;
  if (!isPolicy(dp))
    d.push(
      error('default-policy-invalid', `${MSG.defaultPolicyInvalid(dp)}. Use 'deny' and open up access with rules.`, {
        path: 'default_policy',
        fix: 'deny',
      }),
    );
  if (model.rules.length === 0) {
    if (dp !== 'one_factor' && dp !== 'two_factor')
      d.push(
        error(
          'rules-empty-bad-default',
          `${MSG.rulesEmptyBadDefault(dp)}. Add at least one rule, or set default_policy to two_factor.`,
          { path: 'default_policy', fix: 'two_factor' },
        ),
      );
    else
      d.push(
        warning('rules-empty-warn', `${MSG.rulesEmptyWarn(dp)}. Every protected site gets the same policy.`, {
          path: 'default_policy',
        }),
      );
    return d;
  }
  model.rules.forEach((r, i) => {
    const n = i + 1;
    const desc = ruleDescriptor(n, r.domain);
    validateDomains(r, n, desc, d);
    validatePolicy(r, n, desc, d);
    validateSubjects(r, n, desc, options, d);
    validateMethods(r, n, desc, d);
    validateQuery(r, n, desc, d);
    validateBypass(r, n, desc, d);
  });
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering: single-quoted strings, lists everywhere, subjects as flow lists of lists. The structure is fixed, so it is
// written directly (the `yaml` library's general emitter alone takes ~1.5 ms for 50 rules, over the 2 ms budget); every
// emitted file is parsed back with `yaml` in the tests. Strings are quoted by the shared core writer's `quoteYaml`.

const block = (items: string[], indent: string) => items.map((i) => `${indent}- ${quoteYaml(i)}`);

function renderQuery(query: QueryCondition[][], indent: string): string[] {
  const lines: string[] = [];
  for (const group of query) {
    group.forEach((c, k) => {
      const lead = k === 0 ? `${indent}- - ` : `${indent}  - `;
      const pad = `${indent}    `;
      lines.push(`${lead}key: ${quoteYaml(c.key)}`);
      if (c.operator) lines.push(`${pad}operator: ${quoteYaml(c.operator)}`);
      if (c.value !== undefined) lines.push(`${pad}value: ${quoteYaml(c.value)}`);
    });
  }
  return lines;
}

function renderRule(r: AccessControlRuleModel): string[] {
  const fields: string[] = [];
  const list = (key: string, items: string[]) => {
    if (items.length) fields.push(`${key}:`, ...block(items, '  '));
  };
  list('domain', r.domain);
  list('domain_regex', r.domain_regex);
  if (r.policy !== '') fields.push(`policy: ${quoteYaml(r.policy)}`);
  if (r.subject.length) fields.push('subject:', ...r.subject.map((g) => `  - [${g.map(quoteYaml).join(', ')}]`));
  list('networks', r.networks);
  list('resources', r.resources);
  list('methods', r.methods);
  if (r.query.length) fields.push('query:', ...renderQuery(r.query, '  '));
  if (!fields.length) return ['    - {}'];
  return fields.map((f, i) => `${i === 0 ? '    - ' : '      '}${f}`);
}

/** The `access_control:` YAML section for a model. */
export function renderAccessControl(model: AccessControlModel): string {
  const lines = ['access_control:', `  default_policy: ${quoteYaml(model.default_policy)}`];
  if (model.networks.length) {
    lines.push('  networks:');
    for (const n of model.networks) {
      lines.push(`    - name: ${quoteYaml(n.name)}`);
      lines.push(n.networks.length ? '      networks:' : '      networks: []', ...block(n.networks, '        '));
    }
  }
  lines.push(model.rules.length ? '  rules:' : '  rules: []');
  for (const r of model.rules) lines.push(...renderRule(r));
  return `${lines.join('\n')}\n`;
}

const stringList = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** Options from an untyped caller (a UI, a share link), with anything of the wrong type left out. */
export function sanitizeOptions(options: unknown): AccessControlOptions {
  if (!isRecord(options)) return {};
  const out: AccessControlOptions = {};
  if (typeof options.portalDomain === 'string') out.portalDomain = options.portalDomain;
  const cookies = stringList(options.cookieDomains);
  if (cookies) out.cookieDomains = cookies;
  const clients = stringList(options.oidcClientIds);
  if (clients) out.oidcClientIds = clients;
  if (isRecord(options.networkDefinitions)) {
    const defs: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(options.networkDefinitions)) {
      defs[name] = typeof value === 'string' ? [value] : (stringList(value) ?? []);
    }
    out.networkDefinitions = defs;
  }
  return out;
}

/** The `access_control` section of configuration.yml in canonical form, with Authelia's checks and the builder's lints. */
export function generateAccessControl(input: unknown, options: AccessControlOptions = {}): GeneratorResult {
  const { model, diagnostics } = normalizeAccessControl(input);
  const safe = sanitizeOptions(options);
  diagnostics.push(...validateAccessControl(model, safe), ...lintAccessControl(model, safe));
  return { files: [{ name: 'access_control.yml', language: 'yaml', content: renderAccessControl(model) }], diagnostics };
}
