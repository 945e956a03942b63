/**
 * The access-control builder's form: text fields as a person types them, turned into the
 * input model that mirrors Authelia's YAML. Kept here (pure) so the island holds no rule logic.
 */

export interface RuleForm {
  /** One domain per line (or comma-separated). */
  domain: string;
  /** One regular expression per line. */
  domainRegex: string;
  policy: string;
  /** One alternative per line; inside a line, `&` joins criteria that must all hold. */
  subject: string;
  /** One CIDR or network name per line (or comma-separated). */
  networks: string;
  /** One regular expression per line. */
  resources: string;
  /** Comma-separated HTTP methods. */
  methods: string;
}

export interface AccessControlForm {
  defaultPolicy: string;
  rules: RuleForm[];
}

export const emptyRule: RuleForm = {
  domain: '',
  domainRegex: '',
  policy: 'one_factor',
  subject: '',
  networks: '',
  resources: '',
  methods: '',
};

const list = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);

/** Regexes may contain commas, so only newlines separate them. */
const lines = (text: string) => list(text, /\n/);
const items = (text: string) => list(text, /[\n,]/);

export interface RuleInputFromForm {
  domain?: string[];
  domain_regex?: string[];
  policy: string;
  subject?: string[][];
  networks?: string[];
  resources?: string[];
  methods?: string[];
}

export function ruleFromForm(form: RuleForm): RuleInputFromForm {
  const rule: RuleInputFromForm = { policy: form.policy };
  const domain = items(form.domain);
  if (domain.length) rule.domain = domain;
  const regex = lines(form.domainRegex);
  if (regex.length) rule.domain_regex = regex;
  const subject = lines(form.subject).map((line) => list(line, /&/));
  if (subject.length) rule.subject = subject;
  const networks = items(form.networks);
  if (networks.length) rule.networks = networks;
  const resources = lines(form.resources);
  if (resources.length) rule.resources = resources;
  const methods = items(form.methods).map((m) => m.toUpperCase());
  if (methods.length) rule.methods = methods;
  return rule;
}

export function accessControlFromForm(form: AccessControlForm): { default_policy: string; rules: RuleInputFromForm[] } {
  return { default_policy: form.defaultPolicy, rules: form.rules.map(ruleFromForm) };
}

const rule = (partial: Partial<RuleForm>): RuleForm => ({ ...emptyRule, ...partial });

/** Starting points offered by the builder. */
export const accessControlPresets: { id: string; label: string; form: AccessControlForm }[] = [
  {
    id: 'article',
    // No rule for the portal: since Authelia 4.38 it needs none (the guide's "No bypass rule for the portal").
    label: 'Two rules: Proxmox with 2FA, everything else with one login',
    form: {
      defaultPolicy: 'deny',
      rules: [
        rule({ domain: 'proxmox.example.com', policy: 'two_factor' }),
        rule({ domain: '*.example.com', policy: 'one_factor' }),
      ],
    },
  },
  {
    id: 'family',
    label: 'Family server: admins with 2FA, family with one login',
    form: {
      defaultPolicy: 'deny',
      rules: [
        rule({ domain: 'proxmox.example.com\nnpm.example.com', policy: 'two_factor', subject: 'group:admins' }),
        rule({ domain: 'jellyfin.example.com\nphotos.example.com', policy: 'one_factor', subject: 'group:family\ngroup:admins' }),
        rule({ domain: '*.example.com', policy: 'two_factor', subject: 'group:admins' }),
      ],
    },
  },
  {
    id: 'single',
    label: 'Single user: one account, 2FA everywhere',
    form: {
      defaultPolicy: 'deny',
      rules: [rule({ domain: 'example.com\n*.example.com', policy: 'two_factor', subject: 'user:me' })],
    },
  },
];

export const defaultAccessControlForm: AccessControlForm = accessControlPresets[0]!.form;
