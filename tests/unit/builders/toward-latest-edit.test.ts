/**
 * Issue 21 item 4: a one-click fix goes in the direction of the reader's latest edit. A problem two fields can fix
 * (NPM's portal outside the cookie domain) is shown on the field the reader did not edit last, with that field's fix.
 */
import { describe, expect, it } from 'vitest';
import { towardLatestEdit } from '../../../src/lib/builders/spec';
import type { Diagnostic } from '../../../src/lib/core';
import { defaultNpmForm, npmBuilder, type NpmForm } from '../../../src/lib/npm';

const both: Diagnostic = {
  severity: 'warning',
  code: 'two-fields',
  message: 'a and b disagree',
  path: 'a',
  fix: 'a-fix',
  alternative: { path: 'b', fix: 'b-fix' },
};
const order = (edits: Record<string, number>) => (path: string) => edits[path] ?? 0;

describe('towardLatestEdit', () => {
  it('leaves a diagnostic on its own field when that field was not edited after the other', () => {
    expect(towardLatestEdit([both], order({}))).toEqual([both]);
    expect(towardLatestEdit([both], order({ b: 2 }))).toEqual([both]);
    expect(towardLatestEdit([both], order({ a: 1, b: 2 }))).toEqual([both]);
  });

  it('moves it to the other field, with that field’s fix, when its own field was edited last; moving back restores it', () => {
    const [moved] = towardLatestEdit([both], order({ a: 3, b: 2 }));
    expect(moved).toEqual({ ...both, path: 'b', fix: 'b-fix', alternative: { path: 'a', fix: 'a-fix' } });
    expect(towardLatestEdit([moved!], order({ b: 4, a: 3 }))).toEqual([both]);
  });

  it('leaves diagnostics without an alternative alone, and drops the way back when the own field had no fix', () => {
    const plain: Diagnostic = { severity: 'error', code: 'x', message: 'm', path: 'a', fix: 'f' };
    expect(towardLatestEdit([plain], order({ a: 9 }))).toEqual([plain]);
    const noFix: Diagnostic = { ...both };
    delete noFix.fix;
    const [moved] = towardLatestEdit([noFix], order({ a: 1 }));
    expect(moved).toMatchObject({ path: 'b', fix: 'b-fix' });
    expect(moved).not.toHaveProperty('alternative');
  });
});

describe('NPM: the portal outside the cookie domain', () => {
  const form = (patch: Partial<NpmForm>): NpmForm => ({ ...defaultNpmForm, ...patch });
  const problem = (state: NpmForm) =>
    npmBuilder.generate(npmBuilder.toInput(state)).diagnostics.filter((d) => d.code === 'portal-outside-cookie-domain');
  const moved = { portalUrl: 'https://auth.example.net', cookieDomain: 'example.com' };

  it('offers both fixes: the portal under the cookie domain, or the cookie domain around the portal', () => {
    expect(problem(form(moved))).toEqual([
      expect.objectContaining({
        path: 'portalUrl',
        fix: 'https://auth.example.com',
        alternative: { path: 'cookieDomain', fix: 'example.net' },
      }),
    ]);
  });

  it('after the reader moved the portal, the fix changes the cookie domain and keeps the new portal, and the problem is gone', () => {
    const [shown] = towardLatestEdit(problem(form(moved)), order({ cookieDomain: 1, portalUrl: 2 }));
    expect(shown).toMatchObject({ path: 'cookieDomain', fix: 'example.net' });
    const fixed = npmBuilder.applyFix!(form(moved), shown!)!;
    expect(fixed).toMatchObject({ portalUrl: 'https://auth.example.net', cookieDomain: 'example.net' });
    expect(problem(fixed)).toEqual([]);
  });

  it('after the reader changed the cookie domain, the fix moves the portal under it, and the problem is gone', () => {
    const [shown] = towardLatestEdit(problem(form(moved)), order({ portalUrl: 1, cookieDomain: 2 }));
    expect(shown).toMatchObject({ path: 'portalUrl', fix: 'https://auth.example.com' });
    const fixed = npmBuilder.applyFix!(form(moved), shown!)!;
    expect(fixed).toMatchObject({ portalUrl: 'https://auth.example.com', cookieDomain: 'example.com' });
    expect(problem(fixed)).toEqual([]);
  });

  it('offers no cookie domain Authelia would refuse (a public suffix)', () => {
    const [d] = problem(form({ portalUrl: 'https://example.co.uk', cookieDomain: 'example.com' }));
    expect(d).toBeDefined();
    expect(d).not.toHaveProperty('alternative');
  });
});
