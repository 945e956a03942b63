import { describe, expect, it } from 'vitest';
import { warning } from '../../../src/lib/core';
import { AUTHELIA_TARGET, generateAccessControl } from '../../../src/lib/authelia';
import { accessControlBuilder, applyAccessControlFix } from '../../../src/lib/authelia/builder-access';
import { accessControlFromForm, defaultAccessControlForm, emptyRule } from '../../../src/lib/authelia/form';
import { defaultProfile, toAccessControlForm } from '../../../src/lib/profile/model';

const form = (rule: Partial<typeof emptyRule>) => ({ defaultPolicy: 'deny', rules: [{ ...emptyRule, ...rule }] });

describe('accessControlBuilder (the spec the island runs)', () => {
  it('keeps the published id, schema and target: share links and the builder:access storage key keep working', () => {
    expect(accessControlBuilder.id).toBe('access');
    expect(accessControlBuilder.schema).toEqual({ version: 1, secretKeys: [] });
    expect(accessControlBuilder.target).toBe(AUTHELIA_TARGET);
    expect(AUTHELIA_TARGET).toBe('Authelia 4.39');
    expect(accessControlBuilder.defaults).toBe(defaultAccessControlForm);
  });

  it('generates what generateAccessControl generates for the form, with the portal lint on', () => {
    const input = accessControlBuilder.toInput(form({ domain: 'auth.example.com', policy: 'two_factor' }));
    const result = accessControlBuilder.generate(input);
    expect(result).toEqual(
      generateAccessControl(accessControlFromForm(form({ domain: 'auth.example.com', policy: 'two_factor' })), {
        portalDomain: 'auth.example.com',
      }),
    );
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('portal-rule-unneeded');
  });

  it('a hand-made link with wrong types still generates, from the defaults for those fields', () => {
    const input = accessControlBuilder.toInput({
      defaultPolicy: 7,
      rules: [{ domain: 'a.example.com', policy: null }, 'x'],
    } as never);
    expect(input.accessControl.default_policy).toBe('deny');
    expect(input.accessControl.rules[0]).toMatchObject({ domain: ['a.example.com'], policy: emptyRule.policy });
    expect(accessControlBuilder.generate(input).files).toHaveLength(1);
    expect(accessControlBuilder.toInput({} as never).accessControl.rules).toHaveLength(defaultAccessControlForm.rules.length);
  });

  it('derives its state from the profile with toAccessControlForm', () => {
    expect(accessControlBuilder.fromProfile!(defaultProfile, defaultAccessControlForm)).toEqual(
      toAccessControlForm(defaultProfile),
    );
  });

  it('offers every policy as a choice, deny first', () => {
    expect(accessControlBuilder.choices!.policy!.map((choice) => choice.value)).toEqual([
      'deny',
      'bypass',
      'one_factor',
      'two_factor',
    ]);
  });

  it.each([
    ['default_policy', 'deny', { defaultPolicy: 'deny' }],
    ['rules[0].policy', 'one_factor', { policy: 'one_factor' }],
    [
      'rules[0].domain[0]',
      'example.com',
      { domain: 'a.example.com\nhttps://b.example.com/\nexample.com', code: 'wildcard-without-apex' },
    ],
    ['rules[0].domain[1]', 'b.example.com', { domain: 'a.example.com\nb.example.com' }],
    ['rules[0].methods[0]', 'GET', { methods: 'GET, POST' }],
    ['rules[0].subject[1][0]', 'oauth2:client:app', { subject: 'user:a\noauth2:client:app & group:x' }],
  ])('applies a fix at %s', (path, fix, expected) => {
    const state = form({
      domain: 'a.example.com\nhttps://b.example.com/',
      methods: 'get, POST',
      subject: 'user:a\noauth2:client: app & group:x',
      policy: 'One_Factor',
    });
    const { code = 'c', ...fields } = expected as Record<string, string>;
    const next = applyAccessControlFix({ ...state, defaultPolicy: 'Deny' }, warning(code, 'm', { path, fix }));
    if ('defaultPolicy' in fields) expect(next!.defaultPolicy).toBe(fields.defaultPolicy);
    else expect(next!.rules[0]).toMatchObject(fields);
  });

  it('applies every fix the generator offers for the form, and the fixed form no longer has that diagnostic', () => {
    const state = form({
      domain: 'app.example.com\n*example.com\nhttps://c.example.com:8443/\n*.example.org',
      policy: 'one_factor',
    });
    const fixable = accessControlBuilder
      .generate(accessControlBuilder.toInput(state))
      .diagnostics.filter((diagnostic) => diagnostic.fix !== undefined && diagnostic.path?.startsWith('rules['));
    expect(fixable.length).toBeGreaterThanOrEqual(3);
    for (const diagnostic of fixable) {
      const next = accessControlBuilder.applyFix!(state, diagnostic);
      expect(next, diagnostic.code).toBeDefined();
      const after = accessControlBuilder.generate(accessControlBuilder.toInput(next!)).diagnostics;
      expect(after.some((other) => other.code === diagnostic.code && other.path === diagnostic.path)).toBe(false);
    }
  });

  it('returns undefined for a diagnostic without a fix or a path it does not know', () => {
    expect(applyAccessControlFix(form({}), warning('c', 'm', { path: 'rules[0].policy' }))).toBeUndefined();
    expect(applyAccessControlFix(form({}), warning('c', 'm', { path: 'rules[3].policy', fix: 'deny' }))).toBeUndefined();
    expect(
      applyAccessControlFix(form({}), warning('c', 'm', { path: 'rules[0].query[0][0].operator', fix: 'equal' })),
    ).toBeUndefined();
  });
});
