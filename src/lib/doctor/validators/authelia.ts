/**
 * A pasted Authelia configuration.yml (or its access_control section) through the builders' own validators: the
 * access-control validator with Authelia 4.39's messages, and the session checks (cookie domain, authelia_url,
 * default_redirection_url) the setup builder runs. Each message points at its line in the paste.
 */
import { generateAccessControl } from '../../authelia/access-control';
import { checkSessionUrl } from '../../authelia/config/checks';
import { hasErrors, type Diagnostic } from '../../core';
import { checkCookieDomain } from '../../core/domain';
import { isRecord } from '../../core/guards';
import type { ConfigCheck } from '../types';
import { lineOf, pathSegments, readYaml, type PositionedYaml } from './yaml-lines';

/** At most this many messages per pasted file. */
const MAX_CHECKS = 30;

function toCheck(yaml: PositionedYaml, diagnostic: Diagnostic, prefix: readonly (string | number)[]): ConfigCheck {
  const line = diagnostic.path === undefined ? lineOf(yaml, prefix) : lineOf(yaml, [...prefix, ...pathSegments(diagnostic.path)]);
  return { severity: diagnostic.severity, message: diagnostic.message, ...(line === undefined ? {} : { line }) };
}

interface SessionFacts {
  cookieDomains: string[];
  portalHost?: string;
  checks: ConfigCheck[];
}

function sessionChecks(yaml: PositionedYaml, session: unknown): SessionFacts {
  const facts: SessionFacts = { cookieDomains: [], checks: [] };
  const cookies = isRecord(session) && Array.isArray(session.cookies) ? session.cookies : [];
  cookies.slice(0, 20).forEach((cookie: unknown, index) => {
    if (!isRecord(cookie)) return;
    const at = `session.cookies[${index}]`;
    const domain = typeof cookie.domain === 'string' ? cookie.domain : '';
    const domainChecks = checkCookieDomain(domain, `${at}.domain`);
    const domainOk = !hasErrors(domainChecks);
    if (domainOk) facts.cookieDomains.push(domain);
    const diagnostics = [...domainChecks];
    for (const key of ['authelia_url', 'default_redirection_url'] as const) {
      const value = typeof cookie[key] === 'string' ? cookie[key].trim() : '';
      if (key === 'default_redirection_url' && value === '') continue;
      const checked = checkSessionUrl(value, key, `${at}.${key}`, domain, domainOk);
      if (key === 'authelia_url' && checked.url) facts.portalHost ??= checked.url.hostname;
      diagnostics.push(...checked.diagnostics);
    }
    facts.checks.push(...diagnostics.map((diagnostic) => toCheck(yaml, diagnostic, [])));
  });
  return facts;
}

/**
 * The messages for a pasted Authelia configuration (`full`: the whole file; otherwise the access_control section
 * alone). Never throws on any input the YAML parser accepts.
 */
export function autheliaChecks(text: string, full: boolean): ConfigCheck[] {
  const yaml = readYaml(text);
  if (yaml.errors.length > 0) return yaml.errors;
  if (!isRecord(yaml.value)) return [];
  const session = full ? sessionChecks(yaml, yaml.value.session) : { cookieDomains: [], checks: [] };
  const access = yaml.value.access_control;
  const accessChecks =
    access === undefined
      ? []
      : generateAccessControl(access, {
          ...(session.cookieDomains.length ? { cookieDomains: session.cookieDomains } : {}),
          ...(session.portalHost ? { portalDomain: session.portalHost } : {}),
        }).diagnostics.map((diagnostic) => toCheck(yaml, diagnostic, ['access_control']));
  return [...session.checks, ...accessChecks].slice(0, MAX_CHECKS);
}
