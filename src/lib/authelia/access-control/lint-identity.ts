/**
 * Lints for Authelia's surprising corners around identity and query groups — each one a case where Authelia
 * accepts the configuration and then does something a reader would not guess.
 */
import { warning, type Diagnostic } from '../../core';
import { ruleDescriptor } from './messages';
import type { AccessControlModel } from './model';
import { hasIdentityGroups } from './regex';

export function identityLints(model: AccessControlModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  model.rules.forEach((rule, ruleIndex) => {
    const name = ruleDescriptor(ruleIndex + 1, rule.domain);
    const path = `rules[${ruleIndex}]`;
    // An empty AND group has no matcher to fail, so it matches every request:
    // https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/access_control_query.go#L40-L48
    rule.query.forEach((group, groupIndex) => {
      if (group.length === 0)
        diagnostics.push(
          warning(
            'query-group-empty',
            `Query group ${groupIndex + 1} of rule ${name} is empty, and Authelia treats an empty group as matching every request, so this rule's query criterion always holds. Remove the empty group.`,
            { path: `${path}.query[${groupIndex}]` },
          ),
        );
    });
    // `oauth2:client:` with an empty id is not checked against the clients, and the matcher compares it with the
    // request's client id, which is empty for every browser session:
    // https://github.com/authelia/authelia/blob/v4.39.20/internal/authorization/access_control_subjects.go#L59-L61
    rule.subject.forEach((group, groupIndex) =>
      group.forEach((subject, index) => {
        if (subject.startsWith('oauth2:client:') && subject.slice('oauth2:client:'.length).trim() === '')
          diagnostics.push(
            warning(
              'subject-oauth2-client-empty',
              `'${subject}' in rule ${name} has no client id. Authelia accepts it and then matches it against the request's client id, which is empty for every logged-in user: this subject matches every logged-in user, not a client. Add the client id.`,
              { path: `${path}.subject[${groupIndex}][${index}]` },
            ),
          );
      }),
    );
    // The validator refuses User/Group groups in domain_regex for bypass, but not in resources:
    // https://github.com/authelia/authelia/blob/v4.39.20/internal/configuration/validator/access_control.go#L64-L75
    const identityResource = rule.resources.findIndex(hasIdentityGroups);
    if (rule.policy === 'bypass' && identityResource >= 0)
      diagnostics.push(
        warning(
          'bypass-with-identity-resources',
          `Bypass rule ${name} has User / Group named groups in 'resources'. Authelia accepts this, and then lets every anonymous visitor through on any matching path, while a logged-in user is let through only on their own path and falls to the next rules elsewhere. Use one_factor with these named groups instead.`,
          { path: `${path}.resources[${identityResource}]` },
        ),
      );
  });
  return diagnostics;
}
