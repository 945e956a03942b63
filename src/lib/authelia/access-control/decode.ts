/**
 * Decoding an `access_control` value into the canonical model the way Authelia 4.39 decodes its YAML: koanf hands the
 * parsed YAML to go-viper/mapstructure with `WeaklyTypedInput` and Authelia's hooks
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/provider.go#L137-L147,
 * https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/decode_hooks.go#L29-L49). What follows:
 * - `domain`, `domain_regex`, `resources`, `methods` are named slice types, so the comma hook
 *   (`StringToSliceHookFunc(",")`, which only fires for a plain `[]string`:
 *   https://github.com/go-viper/mapstructure/blob/v2.4.0/decode_hooks.go#L142-L162) leaves them alone and a string
 *   becomes a one-entry list, kept verbatim — `domain: ''` is one empty domain, not "absent";
 * - `subject` ([][]string) lifts a string into one inner `[]string`, which the comma hook does split: `'group:a,group:b'`
 *   is one AND group; a string inside the outer list is split the same way; strings inside an inner list are not;
 * - `query` lifts a mapping into a list (`decodeSlice`, https://github.com/go-viper/mapstructure/blob/v2.4.0/mapstructure.go#L1240;
 *   Authelia pins v2.5.0, whose hook and lift read the same),
 *   so a flat list of conditions is a list of one-condition groups — OR-ed; an empty or null group matches everything;
 * - weak typing turns numbers into their decimal text and booleans into '1' / '0';
 * - unknown keys are found one level into lists of mappings only
 *   (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/koanf_util.go#L15-L42) and reported as
 *   `access_control.rules[].x`; keys inside query conditions are never checked (mapstructure ignores them, and matches
 *   `Key` / `KEY` to `key` case-insensitively).
 * Never throws.
 */
import { error, info, warning, type Diagnostic } from '../../core';
import { MSG, ruleDescriptor } from './messages';
import {
  RULE_KEYS,
  emptyRuleModel,
  type AccessControlModel,
  type AccessControlRuleModel,
  type NamedNetwork,
  type QueryCondition,
} from './model';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typeName = (value: unknown) =>
  Array.isArray(value) ? 'a list' : value === null ? 'empty' : typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;

/** Go's `%T` of a YAML value decoded into `interface{}`. */
function goType(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  if (isRecord(value)) return 'map[string]interface {}';
  return typeof value;
}

/** mapstructure's weak `decodeString` for a number or boolean. */
const weakString = (value: number | boolean | bigint) => (typeof value === 'boolean' ? (value ? '1' : '0') : String(value));

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A scalar as a string (null → ''); a number or boolean is converted as Go converts it, with a warning. */
function scalar(value: unknown, path: string, label: string, diagnostics: Diags): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    const text = weakString(value);
    diagnostics.push(
      warning('type-converted', `The value ${String(value)} of ${label} is not a string; Authelia reads it as '${text}'.`, {
        path,
        fix: text,
      }),
    );
    return text;
  }
  diagnostics.push(
    error('type-invalid', `${capitalize(label)} must be a string, but it's ${typeName(value)}; it was left out.`, { path }),
  );
  return undefined;
}

/** A named string-slice option: a string is one entry (kept verbatim, even empty); null entries read as ''. */
function strings(value: unknown, path: string, label: string, diagnostics: Diags): string[] {
  if (value === undefined || value === null) return [];
  if (isRecord(value) && Object.keys(value).length === 0) return [];
  if (!Array.isArray(value)) {
    const one = scalar(value, path, label, diagnostics);
    return one === undefined ? [] : [one];
  }
  const out: string[] = [];
  value.forEach((item, index) => {
    const text = item === null ? '' : scalar(item, `${path}[${index}]`, `entry ${index + 1} of ${label}`, diagnostics);
    if (text !== undefined) out.push(text);
  });
  return out;
}

/** `[][]string` with the comma hook on the inner level (see the module comment). */
function subjects(value: unknown, path: string, label: string, diagnostics: Diags): string[][] {
  if (value === undefined || value === null) return [];
  const split = (text: string) => (text === '' ? [] : text.split(','));
  if (!Array.isArray(value)) {
    const one = scalar(value, path, label, diagnostics);
    return one === undefined ? [] : [split(one)];
  }
  const out: string[][] = [];
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (Array.isArray(item)) out.push(strings(item, at, label, diagnostics));
    else if (item === null) out.push([]);
    else {
      const one = scalar(item, at, `entry ${index + 1} of ${label}`, diagnostics);
      if (one !== undefined) out.push(split(one));
    }
  });
  return out;
}

interface RuleContext {
  index: number;
  descriptor: string;
  path: string;
  diagnostics: Diags;
}

function unknownKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  keyPrefix: string,
  path: string,
  where: string,
  diagnostics: Diags,
) {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const suggestion = KEY_SUGGESTIONS[key.toLowerCase()] ?? allowed.find((name) => name === key.toLowerCase());
    const hint = suggestion
      ? ` Did you mean '${suggestion}'?`
      : ` Valid options are ${allowed.map((name) => `'${name}'`).join(', ')}.`;
    diagnostics.push(
      error(
        'key-unknown',
        `${MSG.keyUnknown(`${keyPrefix}${key}`)}. Authelia refuses to start when ${where} has an option it does not know.${hint}`,
        { path: path ? `${path}.${key}` : key, ...(suggestion ? { fix: suggestion } : {}) },
      ),
    );
  }
}

/** mapstructure's field lookup: the exact name first, then any case. */
function field(object: Record<string, unknown>, name: string): unknown {
  if (name in object) return object[name];
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : object[key];
}

function condition(value: unknown, group: number, position: number, context: RuleContext): QueryCondition | undefined {
  const path = `${context.path}.query[${group}][${position}]`;
  if (value === null || value === undefined) return { key: '', operator: '' };
  if (!isRecord(value)) {
    context.diagnostics.push(
      error(
        'type-invalid',
        `Query condition ${position + 1} of group ${group + 1} in rule #${context.index + 1} must be a mapping with 'key', 'operator' and 'value', but it's ${typeName(value)}; it was left out.`,
        { path },
      ),
    );
    return undefined;
  }
  for (const key of Object.keys(value))
    if (!['key', 'operator', 'value'].includes(key.toLowerCase()))
      context.diagnostics.push(
        warning(
          'query-key-ignored',
          `Authelia ignores '${key}' in query condition ${position + 1} of rule #${context.index + 1} without a word: only 'key', 'operator' and 'value' mean something there.`,
          { path: `${path}.${key}` },
        ),
      );
  const key = scalar(field(value, 'key'), `${path}.key`, `the query 'key'`, context.diagnostics) ?? '';
  const operator = scalar(field(value, 'operator'), `${path}.operator`, `the query 'operator'`, context.diagnostics) ?? '';
  const raw = field(value, 'value');
  const out: QueryCondition = { key, operator };
  // Authelia fills the operator in (`present` without a value or with '', `equal` otherwise) when a key is given:
  // https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/access_control.go#L126-L134
  if (operator === '' && key !== '') out.operator = raw === undefined || raw === null || raw === '' ? 'present' : 'equal';
  if (typeof raw === 'string') out.value = raw;
  else if (raw !== undefined && raw !== null && out.operator !== '') {
    const converted = typeof raw === 'number' || typeof raw === 'boolean';
    context.diagnostics.push(
      error(
        'rule-query-value-type',
        `${MSG.ruleQueryValueType(context.descriptor, goType(raw))}. Quote the value so it is a string${converted ? `; the builder wrote '${String(raw)}'` : ''}.`,
        { path: `${path}.value`, ...(converted ? { fix: String(raw) } : {}) },
      ),
    );
    if (converted) out.value = String(raw);
  }
  return out;
}

function query(value: unknown, context: RuleContext): QueryCondition[][] {
  const path = `${context.path}.query`;
  if (value === undefined || value === null) return [];
  const groups = Array.isArray(value) ? value : isRecord(value) && Object.keys(value).length === 0 ? [] : [value];
  const out: QueryCondition[][] = [];
  let flat = false;
  groups.forEach((group, index) => {
    if (Array.isArray(group)) {
      out.push(
        group
          .map((item, position) => condition(item, index, position, context))
          .filter((item): item is QueryCondition => item !== undefined),
      );
    } else if (group === null) out.push([]);
    else if (isRecord(group)) {
      flat = true;
      const one = condition(group, index, 0, context);
      out.push(one ? [one] : []);
    } else
      context.diagnostics.push(
        error(
          'type-invalid',
          `Entry ${index + 1} of option 'query' in rule #${context.index + 1} must be a list of conditions, but it's ${typeName(group)}; it was left out.`,
          { path: `${path}[${index}]` },
        ),
      );
  });
  if (flat)
    context.diagnostics.push(
      info(
        'query-flat-list',
        `Option 'query' of rule #${context.index + 1} lists conditions without inner lists. Authelia accepts this and reads each such condition as a group of its own, so any one of them is enough (OR); the builder writes them as one-condition groups. Put conditions that must all hold in one inner list.`,
        { path },
      ),
    );
  return out;
}

function rule(value: unknown, index: number, diagnostics: Diags): AccessControlRuleModel {
  const path = `rules[${index}]`;
  const model = emptyRuleModel();
  if (value === null || value === undefined) return model;
  if (!isRecord(value)) {
    diagnostics.push(
      error(
        'rule-not-object',
        `Rule #${index + 1} must be a mapping of options such as 'domain' and 'policy', but it's ${typeName(value)}; it was replaced by an empty rule.`,
        { path },
      ),
    );
    return model;
  }
  const label = (key: string) => `option '${key}' of rule #${index + 1}`;
  unknownKeys(value, RULE_KEYS, 'access_control.rules[].', path, 'a rule', diagnostics);
  model.domain = strings(value.domain, `${path}.domain`, label('domain'), diagnostics);
  model.domain_regex = strings(value.domain_regex, `${path}.domain_regex`, label('domain_regex'), diagnostics);
  model.policy = scalar(value.policy, `${path}.policy`, label('policy'), diagnostics) ?? '';
  model.subject = subjects(value.subject, `${path}.subject`, label('subject'), diagnostics);
  model.networks = strings(value.networks, `${path}.networks`, label('networks'), diagnostics);
  model.resources = strings(value.resources, `${path}.resources`, label('resources'), diagnostics);
  model.methods = strings(value.methods, `${path}.methods`, label('methods'), diagnostics);
  const descriptor = ruleDescriptor(index + 1, model.domain);
  model.query = query(value.query, { index, descriptor, path, diagnostics });
  return model;
}

function namedNetworks(value: unknown, diagnostics: Diags): NamedNetwork[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    diagnostics.push(
      error(
        'type-invalid',
        `Option 'networks' of access_control must be a list of {name, networks} entries, but it's ${typeName(value)}; it was left out.`,
        { path: 'networks' },
      ),
    );
    return [];
  }
  const out: NamedNetwork[] = [];
  value.forEach((item, index) => {
    const path = `networks[${index}]`;
    if (!isRecord(item)) {
      diagnostics.push(
        error(
          'type-invalid',
          `Entry ${index + 1} of the named networks must be a mapping with 'name' and 'networks', but it's ${typeName(item)}; it was left out.`,
          { path },
        ),
      );
      return;
    }
    unknownKeys(item, ['name', 'networks'], 'access_control.networks[].', path, 'a named network', diagnostics);
    out.push({
      name: scalar(item.name, `${path}.name`, `the name of named network ${index + 1}`, diagnostics) ?? '',
      networks: strings(item.networks, `${path}.networks`, `the networks of named network ${index + 1}`, diagnostics),
    });
  });
  return out;
}

/**
 * Turns any input (Authelia-shaped or not) into the canonical model, reporting decode problems: wrong types, unknown
 * keys, a query value that is not a string, a flat query list. Accepts `{ access_control: {...} }` too. Never throws.
 */
export function normalizeAccessControl(input: unknown): { model: AccessControlModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diags = [];
  let section: unknown = input;
  if (isRecord(section) && isRecord(section.access_control)) section = section.access_control;
  const model: AccessControlModel = { default_policy: 'deny', networks: [], rules: [] };
  if (section === undefined || section === null) return { model, diagnostics: diagnostics };
  if (!isRecord(section)) {
    diagnostics.push(
      error(
        'input-not-object',
        `The access_control section must be a mapping with 'default_policy' and 'rules', but it's ${typeName(section)}.`,
      ),
    );
    return { model, diagnostics: diagnostics };
  }
  unknownKeys(section, SECTION_KEYS, 'access_control.', '', 'the access_control section', diagnostics);
  model.default_policy = scalar(section.default_policy, 'default_policy', "option 'default_policy'", diagnostics) || 'deny';
  model.networks = namedNetworks(section.networks, diagnostics);
  if (Array.isArray(section.rules)) model.rules = section.rules.map((item, index) => rule(item, index, diagnostics));
  else if (section.rules !== undefined && section.rules !== null)
    diagnostics.push(
      error('type-invalid', `Option 'rules' must be a list of rules, but it's ${typeName(section.rules)}; it was left out.`, {
        path: 'rules',
      }),
    );
  return { model, diagnostics: diagnostics };
}
