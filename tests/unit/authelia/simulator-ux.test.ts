import { describe, expect, it } from 'vitest';
import { exampleRequestUrl } from '../../../src/lib/authelia/access-control/example-request';
import { accessControlBuilder, POLICY_VERDICTS, simulatorVerdict } from '../../../src/lib/authelia/builder-access';
import { accessControlFromForm, defaultAccessControlForm } from '../../../src/lib/authelia/form';
import { matchRequest } from '../../../src/lib/authelia/match';
import { defaultProfile } from '../../../src/lib/profile/model';

describe("the simulator's first request uses the rules' own domain", () => {
  it('the default rules: the first protected host, not the bypassed portal', () => {
    expect(exampleRequestUrl(accessControlFromForm(defaultAccessControlForm))).toBe('https://proxmox.example.com/');
  });

  it("a profile's rules: a host under the profile's domain", () => {
    const profile = { ...defaultProfile, domain: 'home.example.net' };
    const form = accessControlBuilder.fromProfile!(profile, defaultAccessControlForm);
    const url = exampleRequestUrl(accessControlBuilder.toInput(form).accessControl);
    expect(new URL(url).hostname.endsWith('.home.example.net')).toBe(true);
  });

  it('a wildcard stands for a host under it; literal hosts come first; bypassed hosts only when nothing else', () => {
    expect(exampleRequestUrl({ rules: [{ domain: ['*.lab.example.org'], policy: 'one_factor' }] })).toBe(
      'https://app.lab.example.org/',
    );
    expect(exampleRequestUrl({ rules: [{ domain: ['*.lab.example.org', 'nas.lab.example.org'], policy: 'two_factor' }] })).toBe(
      'https://nas.lab.example.org/',
    );
    expect(exampleRequestUrl({ rules: [{ domain: 'Auth.Lab.Example.org', policy: 'bypass' }] })).toBe(
      'https://auth.lab.example.org/',
    );
  });

  it('placeholders, regex-only rules and junk fall back to example.com without throwing', () => {
    expect(exampleRequestUrl({ rules: [{ domain: ['{user}.example.net'], policy: 'one_factor' }] })).toBe('https://example.com/');
    expect(exampleRequestUrl({ rules: [{ domain_regex: ['^x$'], policy: 'deny' }] })).toBe('https://example.com/');
    expect(exampleRequestUrl(undefined)).toBe('https://example.com/');
    expect(exampleRequestUrl({ rules: [null, 3, { domain: [4] }] })).toBe('https://example.com/');
  });
});

describe('allow and deny are shown in colour and in words', () => {
  const input = accessControlFromForm(defaultAccessControlForm);
  const verdictFor = (url: string, extra = {}) => simulatorVerdict(matchRequest(input, { url, ...extra }));

  it('every policy has a tone and words; deny is the only refusal', () => {
    expect(Object.keys(POLICY_VERDICTS).toSorted()).toEqual(['bypass', 'deny', 'one_factor', 'two_factor']);
    for (const verdict of Object.values(POLICY_VERDICTS)) expect(verdict.label.length).toBeGreaterThan(3);
    expect(POLICY_VERDICTS.deny.tone).toBe('deny');
    expect(POLICY_VERDICTS.bypass.tone).toBe('open');
    expect(POLICY_VERDICTS.two_factor.tone).toBe('login');
  });

  it('the verdict follows the deciding policy', () => {
    expect(verdictFor('https://proxmox.example.com/')).toMatchObject({
      tone: 'login',
      label: expect.stringMatching(/second factor/),
    });
    // The example has no bypass rule (a clean start, issue 21 item 7): a rule set with one shows the open verdict.
    const withBypass = { default_policy: 'deny', rules: [{ domain: ['status.example.com'], policy: 'bypass' }] };
    expect(simulatorVerdict(matchRequest(withBypass, { url: 'https://status.example.com/' }))).toMatchObject({ tone: 'open' });
    expect(verdictFor('https://example.com/')).toMatchObject({ tone: 'deny', label: 'Refused' });
  });

  it('a request Authelia answers with 400 is refused whatever the rules; an unreadable URL has no verdict', () => {
    expect(verdictFor('https://proxmox.example.com./')).toMatchObject({ tone: 'deny', label: 'Refused (400)' });
    expect(verdictFor('not a url at all')).toBeUndefined();
  });

  it('a rule that only may match says so', () => {
    const rules = {
      default_policy: 'deny',
      rules: [{ domain: ['app.example.com'], subject: [['group:admins']], policy: 'two_factor' }],
    };
    expect(simulatorVerdict(matchRequest(rules, { url: 'https://app.example.com/' }))?.label).toMatch(/^Possibly: /);
  });
});
