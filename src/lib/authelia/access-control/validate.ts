/**
 * Authelia's decode-time checks and its validator on the canonical model, in Authelia's order and words.
 * Upstream: https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/access_control.go
 */
import { error, warning, type Diagnostic } from '../../core';
import { parseNetwork } from '../../core/ip/go-net';
import { MSG, METHODS, OPERATORS, POLICIES, SUBJECT_PREFIXES, ruleDescriptor } from './messages';
import { compileRe2, hasIdentityGroups } from './regex';
import { networkNames, type AccessControlModel, type AccessControlOptions, type AccessControlRuleModel } from './model';

type Diags = Diagnostic[];

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
