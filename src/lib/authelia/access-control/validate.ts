/**
 * Authelia's decode-time checks and its validator on the canonical model, in Authelia's order and words:
 * https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/access_control.go
 */
import { error, warning, type Diagnostic } from '../../core';
import { parseNetwork } from '../../core/ip/go-net';
import { MSG, METHODS, OPERATORS, POLICIES, SUBJECT_PREFIXES, ruleDescriptor } from './messages';
import { networkNames, type AccessControlModel, type AccessControlOptions, type AccessControlRuleModel } from './model';
import { compileRe2, hasIdentityGroups } from './regex';

type Diags = Diagnostic[];

const LOOKS_LIKE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The regexp decode hook: an empty string is an error, anything else must compile
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/decode_hooks.go#L328-L344). */
function regexChecks(rule: AccessControlRuleModel, index: number, diagnostics: Diags) {
  for (const key of ['domain_regex', 'resources'] as const)
    rule[key].forEach((pattern, position) => {
      const at = { path: `rules[${index}].${key}[${position}]` };
      if (pattern === '') {
        diagnostics.push(
          error('regex-empty', `${MSG.regexEmpty}. Authelia refuses to start: remove the empty entry from '${key}'.`, at),
        );
        return;
      }
      const compiled = compileRe2(pattern);
      if (compiled.error)
        diagnostics.push(
          error(
            'regex-unparseable',
            `${MSG.regexUnparseable(pattern, compiled.error)}. Authelia refuses to start: fix this regular expression (Go RE2 syntax: no lookarounds or backreferences).`,
            at,
          ),
        );
    });
}

function decodeChecks(model: AccessControlModel, options: AccessControlOptions): Diags {
  const diagnostics: Diags = [];
  const defined = new Set(Object.keys(options.networkDefinitions ?? {}));
  model.networks.forEach((named, index) => {
    if (defined.has(named.name))
      diagnostics.push(
        error(
          'networks-duplicate-definition',
          `${MSG.networkDuplicateDefinition(named.name)}. Keep the network in one place (4.39 prefers definitions.network).`,
          { path: `networks[${index}].name` },
        ),
      );
    named.networks.forEach((value, position) => {
      if (!parseNetwork(value))
        diagnostics.push(
          error(
            'networks-unparseable',
            `${MSG.networkUnparseable(value)}. A named network may only list IP addresses and CIDR ranges such as 192.168.1.0/24.`,
            { path: `networks[${index}].networks[${position}]` },
          ),
        );
    });
  });
  const names = networkNames(model, options);
  model.rules.forEach((rule, index) => {
    regexChecks(rule, index, diagnostics);
    rule.networks.forEach((value, position) => {
      if (parseNetwork(value) || names.has(value)) return;
      const at = { path: `rules[${index}].networks[${position}]` };
      if (options.networkDefinitions === undefined && LOOKS_LIKE_NAME.test(value) && !/^[\d.:]+$/.test(value))
        diagnostics.push(
          warning(
            'network-name-unresolved',
            `'${value}' in rule #${index + 1} is not an IP address or CIDR range, so it must be a network name defined under definitions.network; otherwise Authelia refuses to start with: ${MSG.networkUnparseable(value)}.`,
            at,
          ),
        );
      else
        diagnostics.push(
          error(
            'networks-unparseable',
            `${MSG.networkUnparseable(value)}. Use an IP address, a CIDR range such as 10.0.0.0/8, or a defined network name.`,
            at,
          ),
        );
    });
  });
  return diagnostics;
}

const isPolicy = (policy: string) => (POLICIES as readonly string[]).includes(policy);
const isOperator = (operator: string) => (OPERATORS as readonly string[]).includes(operator);

function validateDomains(rule: AccessControlRuleModel, position: number, descriptor: string, diagnostics: Diags) {
  if (rule.domain.length + rule.domain_regex.length === 0)
    diagnostics.push(
      error('rule-no-domain', `${MSG.ruleNoDomain(descriptor)}. Add the host names this rule applies to.`, {
        path: `rules[${position - 1}]`,
      }),
    );
  rule.domain.forEach((domain, index) => {
    if (domain.length > 1 && domain[0] === '*' && domain[1] !== '.')
      diagnostics.push(
        warning(
          'rule-domain-ineffective-wildcard',
          `${MSG.ruleDomainIneffectiveWildcard(position, index + 1, domain)}. As written it matches no real host.`,
          { path: `rules[${position - 1}].domain[${index}]`, fix: `*.${domain.slice(1)}` },
        ),
      );
  });
}

function validatePolicy(rule: AccessControlRuleModel, position: number, descriptor: string, diagnostics: Diags) {
  const path = `rules[${position - 1}].policy`;
  if (rule.policy === '')
    diagnostics.push(
      error('rule-policy-missing', `${MSG.rulePolicyMissing(descriptor)}. Choose bypass, one_factor, two_factor or deny.`, {
        path,
      }),
    );
  else if (!isPolicy(rule.policy)) {
    const fix = POLICIES.find((policy) => policy === rule.policy.toLowerCase().replace(/[\s-]+/g, '_'));
    diagnostics.push(
      error('rule-policy-invalid', `${MSG.rulePolicyInvalid(descriptor, rule.policy)}. Policies are lower-case.`, {
        path,
        ...(fix ? { fix } : {}),
      }),
    );
  }
}

/** `IsSubjectValid` takes the client id with `strings.TrimPrefix` only — no trimming — and skips an empty id:
 * https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/access_control.go#L89-L108 */
function validateSubjects(
  rule: AccessControlRuleModel,
  position: number,
  descriptor: string,
  options: AccessControlOptions,
  diagnostics: Diags,
) {
  rule.subject.forEach((group, groupIndex) =>
    group.forEach((subject, index) => {
      const path = `rules[${position - 1}].subject[${groupIndex}][${index}]`;
      if (!SUBJECT_PREFIXES.some((prefix) => subject.startsWith(prefix))) {
        diagnostics.push(
          error(
            'rule-subject-prefix',
            `${MSG.ruleSubjectPrefix(descriptor, subject)}. For example 'user:john' or 'group:admins'.`,
            { path },
          ),
        );
        return;
      }
      const id = subject.startsWith('oauth2:client:') ? subject.slice('oauth2:client:'.length) : '';
      if (id !== '' && options.oidcClientIds && !options.oidcClientIds.includes(id))
        diagnostics.push(
          error(
            'rule-subject-oauth2-client-unknown',
            `${MSG.ruleSubjectOauth2ClientUnknown(descriptor, subject, id)}. Register the client under identity_providers.oidc.clients first${id.trim() !== id ? ', and write the id without spaces: Authelia does not trim it here' : ''}.`,
            { path, ...(id.trim() !== id ? { fix: `oauth2:client:${id.trim()}` } : {}) },
          ),
        );
    }),
  );
}

/** Authelia's `validateList`: invalid values in order (repeats kept), valid duplicates once each. */
function validateMethods(rule: AccessControlRuleModel, position: number, descriptor: string, diagnostics: Diags) {
  const invalid: string[] = [];
  const duplicates: string[] = [];
  rule.methods.forEach((method, index) => {
    if (!(METHODS as readonly string[]).includes(method)) invalid.push(method);
    else if (rule.methods.some((other, otherIndex) => otherIndex !== index && other === method) && !duplicates.includes(method))
      duplicates.push(method);
  });
  const first = (listed: string[]) =>
    `rules[${position - 1}].methods[${Math.max(
      0,
      rule.methods.findIndex((method) => listed.includes(method)),
    )}]`;
  if (invalid.length) {
    const upper = invalid.map((method) => method.toUpperCase());
    const fix = upper.every((method) => (METHODS as readonly string[]).includes(method)) ? upper[0] : undefined;
    diagnostics.push(
      error('rule-methods-invalid', `${MSG.ruleMethodsInvalid(descriptor, invalid)}. Methods are upper-case HTTP verbs.`, {
        path: first(invalid),
        ...(fix ? { fix } : {}),
      }),
    );
  }
  if (duplicates.length)
    diagnostics.push(
      error('rule-methods-duplicate', `${MSG.ruleMethodsDuplicate(descriptor, duplicates)}. List each method once.`, {
        path: first(duplicates),
      }),
    );
}

/**
 * Authelia's `validateQuery`: the operator is checked case-insensitively but kept as written, and the value checks
 * switch on the exact lower-case operator
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/access_control.go#L123-L176).
 * The matcher then builds only exact lower-case operators and silently drops any other condition
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/access_control_query.go#L16-L31,#L51-L69),
 * so `Equal` validates and is then ignored: a group left empty matches every request.
 */
function validateQuery(rule: AccessControlRuleModel, position: number, descriptor: string, diagnostics: Diags) {
  rule.query.forEach((group, groupIndex) => {
    group.forEach((condition, index) => {
      const path = `rules[${position - 1}].query[${groupIndex}][${index}]`;
      const operator = condition.operator;
      if (operator !== '' && !isOperator(operator.toLowerCase()))
        diagnostics.push(
          error('rule-query-operator-invalid', `${MSG.ruleQueryOperatorInvalid(descriptor, operator)}.`, {
            path: `${path}.operator`,
          }),
        );
      if (condition.key === '')
        diagnostics.push(
          error('rule-query-key-missing', `${MSG.ruleQueryKeyMissing(descriptor)}. Name the query parameter to test.`, {
            path: `${path}.key`,
          }),
        );
      if (operator === '') return;
      if (condition.value === undefined) {
        if (operator !== 'absent' && operator !== 'present')
          diagnostics.push(
            error('rule-query-value-missing', `${MSG.ruleQueryValueMissing(descriptor, operator)}.`, { path: `${path}.value` }),
          );
      } else if ((operator === 'present' || operator === 'absent') && condition.value !== '') {
        diagnostics.push(
          error(
            'rule-query-value-forbidden',
            `${MSG.ruleQueryValueForbidden(descriptor, operator)}. Remove the value or use 'equal'.`,
            { path: `${path}.value` },
          ),
        );
      } else if (operator === 'pattern' || operator === 'not pattern') {
        const compiled = compileRe2(condition.value);
        if (compiled.error)
          diagnostics.push(
            error('rule-query-pattern-invalid', `${MSG.ruleQueryPatternInvalid(descriptor, compiled.error)}.`, {
              path: `${path}.value`,
            }),
          );
      }
    });
    const skipped = group.filter((condition) => !isOperator(condition.operator));
    const cased = skipped.filter((condition) => isOperator(condition.operator.toLowerCase()));
    cased.forEach((condition) => {
      const index = group.indexOf(condition);
      const emptied = skipped.length === group.length;
      diagnostics.push(
        warning(
          'rule-query-operator-case',
          `Rule ${descriptor}: Authelia accepts the operator '${condition.operator}' but its matcher only knows '${condition.operator.toLowerCase()}', so it silently drops this condition${emptied ? `; this group then has no condition left and matches EVERY request${rule.policy === 'bypass' ? ', so this bypass rule lets everyone in' : ''}` : ' and checks the rest of the group without it'}. Write the operator in lower case.`,
          { path: `rules[${position - 1}].query[${groupIndex}][${index}].operator`, fix: condition.operator.toLowerCase() },
        ),
      );
    });
  });
}

function validateBypass(rule: AccessControlRuleModel, position: number, descriptor: string, diagnostics: Diags) {
  if (rule.policy !== 'bypass') return;
  if (rule.subject.length)
    diagnostics.push(
      error(
        'rule-bypass-with-subject',
        `${MSG.ruleBypassWithSubject(descriptor)}. Remove the subject, or use one_factor for these users.`,
        { path: `rules[${position - 1}].subject` },
      ),
    );
  const index = rule.domain_regex.findIndex((pattern) => hasIdentityGroups(pattern));
  if (index >= 0)
    diagnostics.push(
      error('rule-bypass-with-named-group-regex', `${MSG.ruleBypassWithNamedGroupRegex(descriptor)}.`, {
        path: `rules[${position - 1}].domain_regex[${index}]`,
      }),
    );
}

/** Authelia 4.39's decode-time and validator checks on the canonical model, with Authelia's own messages. */
export function validateAccessControl(model: AccessControlModel, options: AccessControlOptions = {}): Diagnostic[] {
  const diagnostics = decodeChecks(model, options);
  const defaultPolicy = model.default_policy;
  if (!isPolicy(defaultPolicy))
    diagnostics.push(
      error('default-policy-invalid', `${MSG.defaultPolicyInvalid(defaultPolicy)}. Use 'deny' and open up access with rules.`, {
        path: 'default_policy',
        fix: 'deny',
      }),
    );
  if (model.rules.length === 0) {
    if (defaultPolicy !== 'one_factor' && defaultPolicy !== 'two_factor')
      diagnostics.push(
        error(
          'rules-empty-bad-default',
          `${MSG.rulesEmptyBadDefault(defaultPolicy)}. Add at least one rule, or set default_policy to two_factor.`,
          { path: 'default_policy', fix: 'two_factor' },
        ),
      );
    else
      diagnostics.push(
        warning('rules-empty-warn', `${MSG.rulesEmptyWarn(defaultPolicy)}. Every protected site gets the same policy.`, {
          path: 'default_policy',
        }),
      );
    return diagnostics;
  }
  model.rules.forEach((rule, index) => {
    const position = index + 1;
    const descriptor = ruleDescriptor(position, rule.domain);
    validateDomains(rule, position, descriptor, diagnostics);
    validatePolicy(rule, position, descriptor, diagnostics);
    validateSubjects(rule, position, descriptor, options, diagnostics);
    validateMethods(rule, position, descriptor, diagnostics);
    validateQuery(rule, position, descriptor, diagnostics);
    validateBypass(rule, position, descriptor, diagnostics);
  });
  return diagnostics;
}
