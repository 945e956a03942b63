/**
 * The request the simulator starts with: a host the current rules name, so a reader whose rules (or homelab profile)
 * use their own domain sees a verdict for that domain rather than for example.com.
 */
import { isRecord } from '../../core/guards';

const FALLBACK_HOST = 'example.com';

/** Literal host names of a rule's `domain` list (a string or a list), lower-cased; placeholders are left out. */
function hostsOf(rule: unknown): string[] {
  if (!isRecord(rule)) return [];
  const domains = typeof rule.domain === 'string' ? [rule.domain] : Array.isArray(rule.domain) ? rule.domain : [];
  return domains
    .filter((domain): domain is string => typeof domain === 'string')
    .map((domain) => domain.trim().toLowerCase())
    .filter((domain) => /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain));
}

/**
 * `https://<host>/` for the first host a rule that is not bypassed names (the portal rule usually comes first), a
 * literal host before a wildcard, `*.example.net` standing for `app.example.net`; then the bypassed rules' hosts.
 * Without a usable domain in the rules: example.com.
 */
export function exampleRequestUrl(accessControl: unknown): string {
  const rules = isRecord(accessControl) && Array.isArray(accessControl.rules) ? accessControl.rules : [];
  const bypassed = (rule: unknown) => isRecord(rule) && rule.policy === 'bypass';
  const prefer = (hosts: string[]) => hosts.find((host) => !host.startsWith('*.')) ?? hosts[0];
  const host =
    prefer(rules.filter((rule) => !bypassed(rule)).flatMap(hostsOf)) ?? prefer(rules.flatMap(hostsOf)) ?? FALLBACK_HOST;
  return `https://${host.replace(/^\*\./, 'app.')}/`;
}
