/**
 * The `access_control` section of Authelia 4.39: the input as Authelia's YAML accepts it, the canonical model the
 * checks, the renderer and the simulator share, and the builder's options.
 * Upstream shape: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/schema/access_control.go#L5-L40
 */

/** The upstream version every access-control output targets (provenance, builder spec). */
export const AUTHELIA_TARGET = 'Authelia 4.39';

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

const stringList = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Options from an untyped caller (a UI, a share link), with anything of the wrong type left out. */
export function sanitizeOptions(options: unknown): AccessControlOptions {
  if (!isObject(options)) return {};
  const out: AccessControlOptions = {};
  if (typeof options.portalDomain === 'string') out.portalDomain = options.portalDomain;
  const cookies = stringList(options.cookieDomains);
  if (cookies) out.cookieDomains = cookies;
  const clients = stringList(options.oidcClientIds);
  if (clients) out.oidcClientIds = clients;
  if (isObject(options.networkDefinitions)) {
    const defs: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(options.networkDefinitions)) {
      defs[name] = typeof value === 'string' ? [value] : (stringList(value) ?? []);
    }
    out.networkDefinitions = defs;
  }
  return out;
}

/** Network names known from `definitions.network` and the legacy `access_control.networks` list. */
export function networkNames(model: AccessControlModel, options: AccessControlOptions): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [name, value] of Object.entries(options.networkDefinitions ?? {}))
    names.set(name, Array.isArray(value) ? value : [value]);
  for (const network of model.networks) if (network.name) names.set(network.name, network.networks);
  return names;
}
