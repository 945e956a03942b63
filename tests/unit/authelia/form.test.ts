import { describe, expect, it } from 'vitest';
import { accessControlFromForm, accessControlPresets, emptyRule, ruleFromForm } from '../../../src/lib/authelia/form';

describe('ruleFromForm', () => {
  it('splits domains and networks on lines and commas, trimming blanks', () => {
    const rule = ruleFromForm({
      ...emptyRule,
      domain: ' a.example.com ,\n\n*.example.com ',
      networks: '10.0.0.0/8, 192.168.1.0/24',
    });
    expect(rule.domain).toEqual(['a.example.com', '*.example.com']);
    expect(rule.networks).toEqual(['10.0.0.0/8', '192.168.1.0/24']);
  });

  it('keeps commas inside regular expressions (only newlines separate them)', () => {
    const rule = ruleFromForm({ ...emptyRule, resources: '^/api/v{1,2}/.*$\n^/health$' });
    expect(rule.resources).toEqual(['^/api/v{1,2}/.*$', '^/health$']);
  });

  it('turns subject lines into alternatives and & into criteria that must all hold', () => {
    const rule = ruleFromForm({ ...emptyRule, subject: 'group:admins\nuser:ana & group:family' });
    expect(rule.subject).toEqual([['group:admins'], ['user:ana', 'group:family']]);
  });

  it('upper-cases methods and omits empty criteria', () => {
    expect(ruleFromForm({ ...emptyRule, domain: 'x.example.com', methods: 'get, head' })).toEqual({
      domain: ['x.example.com'],
      policy: 'one_factor',
      methods: ['GET', 'HEAD'],
    });
  });
});

describe('presets', () => {
  it('each preset converts to an input with default_policy deny and at least one rule', () => {
    for (const preset of accessControlPresets) {
      const input = accessControlFromForm(preset.form);
      expect(input.default_policy, preset.id).toBe('deny');
      expect(input.rules.length, preset.id).toBeGreaterThan(0);
    }
  });

  it('the guide example puts the specific host before the wildcard, with no rule for the portal', () => {
    const rules = accessControlFromForm(accessControlPresets.find((p) => p.id === 'article')!.form).rules;
    expect(rules.map((r) => [r.domain, r.policy])).toEqual([
      [['proxmox.example.com'], 'two_factor'],
      [['*.example.com'], 'one_factor'],
    ]);
  });
});
