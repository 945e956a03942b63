/**
 * The access-control builder's spec: its state (the form as typed), defaults, the profile's part, the policy choice,
 * field texts, the generator and its fixes. The island (src/components/authelia/AccessControlBuilder.tsx) and the
 * simulator (Simulator.tsx) lay these out and nothing more.
 */
import { defineBuilder, type Choice } from '../builders/spec';
import type { Diagnostic, GeneratorResult } from '../core';
import { toAccessControlForm } from '../profile/model';
import { AUTHELIA_TARGET, generateAccessControl, POLICIES, type AccessControlOptions } from './access-control';
import type { MatchResult, RuleOutcome } from './access-control/match';
import { accessControlFromForm, defaultAccessControlForm, emptyRule, type AccessControlForm, type RuleForm } from './form';

/** The portal host the lints check rules against (the guide's example setup). */
export const DEFAULT_PORTAL = 'auth.example.com';

export interface AccessControlBuilderInput {
  /** The `access_control` section as Authelia's YAML accepts it (what the simulator reads too). */
  accessControl: ReturnType<typeof accessControlFromForm>;
  options: AccessControlOptions;
}

const POLICY_LABELS: Record<(typeof POLICIES)[number], string> = {
  deny: 'deny — refuse (403)',
  bypass: 'bypass — no login',
  one_factor: 'one_factor — password',
  two_factor: 'two_factor — password and second factor',
};

/** The policies in the order the form offers them (deny first: the recommended default). */
export const POLICY_CHOICES: readonly Choice[] = (['deny', 'bypass', 'one_factor', 'two_factor'] as const).map((value) => ({
  value,
  label: POLICY_LABELS[value],
}));

export type RuleTextField = Exclude<keyof RuleForm, 'policy'>;

/** Label, hint and shape of each text field of a rule; `path` is the model key diagnostics point at. */
export const RULE_TEXT_FIELDS: Record<RuleTextField, { label: string; hint: string; path: string; multiline: boolean }> = {
  domain: {
    label: 'Domains',
    hint: 'One per line, e.g. app.example.com or *.example.com',
    path: 'domain',
    multiline: true,
  },
  subject: {
    label: 'Subjects (optional)',
    hint: 'One alternative per line: user:name, group:name or oauth2:client:id; join with & when all must hold',
    path: 'subject',
    multiline: true,
  },
  domainRegex: {
    label: 'Domain regular expressions',
    hint: 'One per line (Go RE2 syntax)',
    path: 'domain_regex',
    multiline: true,
  },
  networks: {
    label: 'Networks',
    hint: 'CIDRs or named networks, one per line, e.g. 192.168.1.0/24',
    path: 'networks',
    multiline: true,
  },
  resources: {
    label: 'Resources (path regular expressions)',
    hint: 'One per line, e.g. ^/api([/?].*)?$',
    path: 'resources',
    multiline: true,
  },
  methods: { label: 'HTTP methods', hint: 'Comma-separated, e.g. GET, HEAD', path: 'methods', multiline: false },
};

/** How the simulator names each outcome. */
export const OUTCOME_LABELS: Record<RuleOutcome, string> = { hit: 'Matches', miss: 'No match', 'may-match': 'May match' };

export type PolicyTone = 'deny' | 'open' | 'login';

/** What each policy means for the visitor, as the simulator shows it: a tone (colour class) and words, never colour alone. */
export const POLICY_VERDICTS: Record<(typeof POLICIES)[number], { tone: PolicyTone; icon: string; label: string }> = {
  deny: { tone: 'deny', icon: '✕', label: 'Refused' },
  bypass: { tone: 'open', icon: '✓', label: 'Open without login' },
  one_factor: { tone: 'login', icon: '✓', label: 'Allowed after password' },
  two_factor: { tone: 'login', icon: '✓', label: 'Allowed after password and second factor' },
};

export interface PolicyVerdict {
  tone: PolicyTone;
  icon: string;
  label: string;
}

/** The verdict of a policy name, or undefined for a name Authelia does not know. */
export function policyVerdict(policy: string): PolicyVerdict | undefined {
  return Object.hasOwn(POLICY_VERDICTS, policy) ? POLICY_VERDICTS[policy as keyof typeof POLICY_VERDICTS] : undefined;
}

/** Hosts and schemes Authelia answers with 400 before any rule (see access-control/match.ts). */
const REJECTED_REQUEST = new Set(['url-host-trailing-dot', 'url-insecure-scheme']);

/** The simulator's verdict badge for a result: undefined when nothing was simulated or the policy is unknown. */
export function simulatorVerdict(result: MatchResult): PolicyVerdict | undefined {
  if (!result.evaluated) return undefined;
  if (result.diagnostics.some((d) => REJECTED_REQUEST.has(d.code))) return { tone: 'deny', icon: '✕', label: 'Refused (400)' };
  const verdict = policyVerdict(result.policy);
  return verdict && result.potential ? { ...verdict, label: `Possibly: ${verdict.label}` } : verdict;
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/** The form as typed, with anything a hand-made link left out or spelled with the wrong type defaulted. */
export function completeAccessControlForm(state: AccessControlForm): AccessControlForm {
  const raw = state as Partial<Record<keyof AccessControlForm, unknown>>;
  const rules = Array.isArray(raw.rules) ? raw.rules : defaultAccessControlForm.rules;
  return {
    defaultPolicy: text(raw.defaultPolicy, defaultAccessControlForm.defaultPolicy),
    rules: rules.map((rule: unknown) => {
      const fields = (typeof rule === 'object' && rule !== null ? rule : {}) as Record<string, unknown>;
      const out = { ...emptyRule };
      for (const key of Object.keys(emptyRule) as (keyof RuleForm)[]) out[key] = text(fields[key], emptyRule[key]);
      return out;
    }),
  };
}

const split = (value: string, separators: RegExp) =>
  value
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);

/** Replaces the nth non-empty item of a list field (as the form splits it) with `fix`. */
function replaceItem(value: string, index: number, fix: string, separators: RegExp, joiner: string): string | undefined {
  const items = split(value, separators);
  if (index >= items.length) return undefined;
  items[index] = fix;
  return items.join(joiner);
}

const FIX_PATH = /^rules\[(\d+)\]\.(policy|domain|methods|networks|subject)(?:\[(\d+)\])?(?:\[(\d+)\])?$/;

/** A diagnostic's fix applied to the form field it points at (the apex of a wildcard is added next to it). */
export function applyAccessControlFix(state: AccessControlForm, diagnostic: Diagnostic): AccessControlForm | undefined {
  const { path, fix } = diagnostic;
  if (fix === undefined || path === undefined) return undefined;
  if (path === 'default_policy') return { ...state, defaultPolicy: fix };
  const match = FIX_PATH.exec(path);
  const rule = match ? state.rules[Number(match[1])] : undefined;
  if (!match || !rule) return undefined;
  const [, , key, first, second] = match;
  const position = Number(first ?? 0);
  let patch: Partial<RuleForm> | undefined;
  if (key === 'policy') patch = { policy: fix };
  else if (key === 'domain' && diagnostic.code === 'wildcard-without-apex')
    patch = { domain: [...split(rule.domain, /[\n,]/), fix].join('\n') };
  else if (key === 'domain') patch = maybe('domain', replaceItem(rule.domain, position, fix, /[\n,]/, '\n'));
  else if (key === 'networks') patch = maybe('networks', replaceItem(rule.networks, position, fix, /[\n,]/, '\n'));
  else if (key === 'methods') patch = maybe('methods', replaceItem(rule.methods, position, fix, /[\n,]/, ', '));
  else if (key === 'subject' && second !== undefined) {
    const lines = split(rule.subject, /\n/);
    const line = lines[position];
    const replaced = line === undefined ? undefined : replaceItem(line, Number(second), fix, /&/, ' & ');
    if (replaced !== undefined) lines[position] = replaced;
    patch = replaced === undefined ? undefined : { subject: lines.join('\n') };
  }
  if (!patch) return undefined;
  return { ...state, rules: state.rules.map((item, index) => (index === Number(match[1]) ? { ...item, ...patch } : item)) };
}

function maybe(key: RuleTextField, value: string | undefined): Partial<RuleForm> | undefined {
  return value === undefined ? undefined : { [key]: value };
}

export const accessControlBuilder = defineBuilder<AccessControlForm, AccessControlBuilderInput>({
  id: 'access',
  title: 'Authelia access-control builder',
  schema: { version: 1, secretKeys: [] },
  target: AUTHELIA_TARGET,
  defaults: defaultAccessControlForm,
  fromProfile: (profile) => toAccessControlForm(profile),
  toInput: (state) => ({
    accessControl: accessControlFromForm(completeAccessControlForm(state)),
    options: { portalDomain: DEFAULT_PORTAL },
  }),
  generate: (input): GeneratorResult => generateAccessControl(input.accessControl, input.options),
  choices: { defaultPolicy: POLICY_CHOICES, policy: POLICY_CHOICES },
  applyFix: applyAccessControlFix,
});
