/**
 * Authelia 4.39's access-control message templates
 * (https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/const.go, the decode hooks in
 * https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/const.go#L36-L49), reproduced word for word so a
 * reader recognises them in their logs. Data only; the checks live in validate.ts and decode.ts.
 */

export const POLICIES = ['bypass', 'one_factor', 'two_factor', 'deny'] as const;
export const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'TRACE',
  'CONNECT',
  'OPTIONS',
  'COPY',
  'LOCK',
  'MKCOL',
  'MOVE',
  'PROPFIND',
  'PROPPATCH',
  'UNLOCK',
] as const;
export const OPERATORS = ['present', 'absent', 'equal', 'not equal', 'pattern', 'not pattern'] as const;
export const SUBJECT_PREFIXES = ['user:', 'group:', 'oauth2:client:'] as const;

/** Authelia's `strJoinComma`: `'a'`, `'a' or 'b'`, `'a', 'b', or 'c'`. */
function joinWith(word: string, items: readonly string[]): string {
  const q = items.map((i) => `'${i}'`);
  if (q.length <= 1) return q.join('');
  if (q.length === 2) return `${q[0]} ${word} ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, ${word} ${q[q.length - 1]}`;
}

export const joinOr = (items: readonly string[]) => joinWith('or', items);
export const joinAnd = (items: readonly string[]) => joinWith('and', items);

/** `#N`, or `#N (domain 'a,b')` when the rule has literal domains; `domain_regex` is never shown. N is 1-based. */
export function ruleDescriptor(position: number, domains: readonly string[]): string {
  return domains.length === 0 ? `#${position}` : `#${position} (domain '${domains.join(',')}')`;
}

const P = 'access_control:';

export const MSG = {
  defaultPolicyInvalid: (v: string) =>
    `${P} option 'default_policy' must be one of ${joinOr(POLICIES)} but it's configured as '${v}'`,
  rulesEmptyBadDefault: (v: string) =>
    `${P} 'default_policy' option '${v}' is invalid: when no rules are specified it must be 'two_factor' or 'one_factor'`,
  rulesEmptyWarn: (v: string) =>
    `${P} no rules have been specified so the 'default_policy' of '${v}' is going to be applied to all requests`,
  ruleNoDomain: (d: string) => `${P} rule ${d}: option 'domain' or 'domain_regex' must be present but are both absent`,
  ruleDomainIneffectiveWildcard: (n: number, m: number, domain: string) =>
    `${P} rule #${n}: domain #${m}: domain '${domain}' is ineffective and should probably be '*.${domain.slice(1)}' instead`,
  rulePolicyMissing: (d: string) => `${P} rule ${d}: option 'policy' must be present but it's absent`,
  rulePolicyInvalid: (d: string, v: string) =>
    `${P} rule ${d}: option 'policy' must be one of ${joinOr(POLICIES)} but it's configured as '${v}'`,
  ruleSubjectPrefix: (d: string, s: string) =>
    `${P} rule ${d}: 'subject' option '${s}' is invalid: must start with ${joinOr(SUBJECT_PREFIXES)}`,
  ruleSubjectOauth2ClientUnknown: (d: string, s: string, id: string) =>
    `${P} rule ${d}: option 'subject' with value '${s}' is invalid: the client id '${id}' does not belong to a registered client`,
  ruleMethodsInvalid: (d: string, invalid: readonly string[]) =>
    `${P} rule ${d}: option 'methods' must only have the values ${joinOr(METHODS)} but the values ${joinAnd(invalid)} are present`,
  ruleMethodsDuplicate: (d: string, dups: readonly string[]) =>
    `${P} rule ${d}: option 'methods' must have unique values but the values ${joinAnd(dups)} are duplicated`,
  ruleQueryOperatorInvalid: (d: string, op: string) =>
    `${P} rule ${d}: query: option 'operator' must be one of ${joinOr(OPERATORS)} but it's configured as '${op}'`,
  ruleQueryKeyMissing: (d: string) => `${P} rule ${d}: query: option 'key' is required but it's absent`,
  ruleQueryValueMissing: (d: string, op: string) =>
    `${P} rule ${d}: query: option 'value' must be present when the option 'operator' is '${op}' but it's absent`,
  ruleQueryValueForbidden: (d: string, op: string) =>
    `${P} rule ${d}: query: option 'value' must not be present when the option 'operator' is '${op}' but it's present`,
  ruleQueryPatternInvalid: (d: string, goError: string) => `${P} rule ${d}: query: option 'value' is invalid: ${goError}`,
  ruleQueryValueType: (d: string, goType: string) =>
    `${P} rule ${d}: query: option 'value' is invalid: expected type was string but got ${goType}`,
  ruleBypassWithSubject: (d: string) =>
    `${P} rule ${d}: 'policy' option 'bypass' is not supported when 'subject' option is configured: see https://www.authelia.com/c/acl#bypass`,
  ruleBypassWithNamedGroupRegex: (d: string) =>
    `${P} rule ${d}: 'policy' option 'bypass' is not supported when 'domain_regex' option contains the user or group named matches. For more information see: https://www.authelia.com/c/acl-match-concept-2`,
  // Decode-time (fatal before the validator runs).
  networkUnparseable: (v: string) => `failed to parse network "${v}": invalid CIDR address: ${v}`,
  networkDuplicateDefinition: (name: string) =>
    `error occurred during unmarshaling definitions configuration: the definition for network with name '${name}' exists in both the definitions section and access control section which is not permitted`,
  regexEmpty: 'could not decode an empty value to a regexp.Regexp: must have a non-empty value',
  regexUnparseable: (pattern: string, goError: string) => `could not decode '${pattern}' to a regexp.Regexp: ${goError}`,
  keyUnknown: (key: string) => `configuration key not expected: ${key}`,
};
