/**
 * One domain, one verdict: every builder that takes the homelab's domain and the profile accept or refuse the same
 * strings, the way `checkBaseDomain` (src/lib/core/domain.ts, Authelia's cookie-domain rule) decides.
 */
import { describe, expect, it } from 'vitest';
import { autheliaSetupBuilder } from '../../../src/lib/authelia/builder-setup';
import type { BuilderSpec } from '../../../src/lib/builders/spec';
import { checkBaseDomain, isAcceptedBaseDomain } from '../../../src/lib/core/domain';
import { internalDnsBuilder } from '../../../src/lib/dns/builder';
import { npmBuilder } from '../../../src/lib/npm/builder';
import { defaultProfile } from '../../../src/lib/profile/model';
import { validateProfile } from '../../../src/lib/profile/validate';

const DOMAINS = [
  'example.com',
  'home.example.com',
  'home.arpa',
  'my-lab.duckdns.org',
  'co.uk',
  'duckdns.org',
  'Example.COM',
  '192.168.1.10',
  '.example.com',
  'example.com:8443',
  'localhost',
  '*.example.com',
  ' example.com',
  'https://example.com',
  'exa_mple.com',
  '',
];

/** Whether a builder refuses the domain: an error on the field that carries it. */
function refuses<State extends object, Input>(spec: BuilderSpec<State, Input>, state: State, path: string): boolean {
  const result = spec.generate(spec.toInput(state));
  return result.diagnostics.some((d) => d.severity === 'error' && d.path === path);
}

const judges: Record<string, (domain: string) => boolean> = {
  'authelia-setup': (domain) => refuses(autheliaSetupBuilder, { ...autheliaSetupBuilder.defaults, domain }, 'domain'),
  npm: (domain) => refuses(npmBuilder, { ...npmBuilder.defaults, cookieDomain: domain }, 'cookieDomain'),
  'internal-dns': (domain) => refuses(internalDnsBuilder, { ...internalDnsBuilder.defaults, domain }, 'domain'),
  profile: (domain) =>
    validateProfile({ ...defaultProfile, domain }).diagnostics.some((d) => d.severity === 'error' && d.path === 'domain'),
};

describe('the same domain gets the same verdict everywhere', () => {
  for (const domain of DOMAINS) {
    // An empty cookie domain means "the portal's parent" in the NPM builder: it has no verdict of its own there.
    const judged = Object.entries(judges).filter(([name]) => !(domain === '' && name === 'npm'));
    it(`${JSON.stringify(domain)}: ${isAcceptedBaseDomain(domain) ? 'accepted' : 'refused'} by ${judged.map(([n]) => n).join(', ')}`, () => {
      const expected = !isAcceptedBaseDomain(domain);
      const verdicts = Object.fromEntries(judged.map(([name, judge]) => [name, judge(domain)]));
      expect(verdicts).toEqual(Object.fromEntries(judged.map(([name]) => [name, expected])));
    });
  }

  it('the core verdict itself: Authelia’s rule, plus IP addresses refused as a base domain', () => {
    expect(isAcceptedBaseDomain('example.com')).toBe(true);
    expect(isAcceptedBaseDomain('co.uk')).toBe(false);
    expect(isAcceptedBaseDomain('Example.COM')).toBe(false);
    expect(checkBaseDomain('192.168.1.10').map((d) => d.code)).toContain('domain-ip-address');
  });
});
