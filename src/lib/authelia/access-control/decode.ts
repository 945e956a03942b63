/**
 * Decoding an `access_control` value into the canonical model, reporting what Authelia's decoder reports (wrong
 * types, unknown keys) and never throwing.
 */
import { error, warning, type Diagnostic } from '../../core';
import { MSG, OPERATORS, ruleDescriptor } from './messages';
import {
  RULE_KEYS,
  emptyRuleModel,
  type AccessControlModel,
  type AccessControlRuleModel,
  type NamedNetwork,
  type QueryCondition,
} from './model';

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
