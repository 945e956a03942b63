import { describe, expect, it } from 'vitest';
import {
  defaultNpmForm,
  defaultNpmOptions,
  emptyNpmHostForm,
  entryLines,
  fieldDiagnostics,
  fieldOf,
  generateNpmSnippets,
  normalizeNpmForm,
  npmOptionsFromForm,
  replaceEntry,
  textLines,
  type NpmForm,
} from '../../../src/lib/npm';

describe('builder form', () => {
  it('the default form is defaultNpmOptions, and converts back to it', () => {
    expect(defaultNpmForm.hosts.map((h) => h.hostname)).toEqual(defaultNpmOptions.hosts.map((h) => h.hostname));
    expect(npmOptionsFromForm(defaultNpmForm)).toEqual(defaultNpmOptions);
  });

  it('a new host row is protected with every NPM toggle off and no paths', () => {
    expect(emptyNpmHostForm()).toMatchObject({
      hostname: '',
      protected: true,
      paths: '',
      customLocations: '',
      cacheAssets: false,
    });
  });

  it('paths: one entry per non-blank line, kept exactly as typed', () => {
    expect(textLines('/admin\n\n  \r\n /api \r\n/x')).toEqual(['/admin', ' /api ', '/x']);
    expect(entryLines('/admin\n\n  \n /api \n/x')).toEqual([1, 4, 5]);
    expect(replaceEntry('/admin\n\nadmin2\n', 1, '/admin2')).toBe('/admin\n\n/admin2\n');
    expect(replaceEntry('/a', 3, '/b')).toBe('/a');
  });

  it('a path diagnostic lands on its textarea with the entry index, and on the right line', () => {
    const form: NpmForm = {
      ...defaultNpmForm,
      hosts: [{ ...emptyNpmHostForm(), hostname: 'app.example.com', paths: '/ok\n\nno-slash' }],
    };
    const result = generateNpmSnippets(npmOptionsFromForm(form));
    const d = result.diagnostics.find((x) => x.code === 'path-no-leading-slash');
    expect(fieldOf(d?.path)).toEqual({ field: 'hosts[0].paths', entry: 1 });
    expect(entryLines(form.hosts[0]!.paths)[1]).toBe(3);
    expect(fieldDiagnostics(result.diagnostics, 'hosts[0].paths').map((x) => x.code)).toEqual(['path-no-leading-slash']);
    expect(fieldOf('hosts[2].hostname')).toEqual({ field: 'hosts[2].hostname' });
    expect(fieldOf(undefined)).toBeUndefined();
  });

  it('field diagnostics leave notes to the list', () => {
    const result = generateNpmSnippets(
      npmOptionsFromForm({
        ...defaultNpmForm,
        hosts: [{ ...emptyNpmHostForm(), hostname: 'app.example.com', protected: false }],
      }),
    );
    expect(result.diagnostics.some((d) => d.code === 'host-unprotected')).toBe(true);
    expect(fieldDiagnostics(result.diagnostics, 'hosts[0].protected')).toEqual([]);
  });

  it('normalizeNpmForm fills anything missing or mistyped and never throws', () => {
    for (const raw of [undefined, null, 3, 'x', [], {}, { hosts: 'no' }, { hosts: [null, 4, { hostname: 5, paths: ['a'] }] }]) {
      const form = normalizeNpmForm(raw);
      expect(typeof form.portalUrl).toBe('string');
      for (const h of form.hosts) {
        expect(typeof h.hostname).toBe('string');
        expect(typeof h.paths).toBe('string');
        expect(typeof h.cacheAssets).toBe('boolean');
      }
      expect(() => generateNpmSnippets(npmOptionsFromForm(form))).not.toThrow();
    }
    expect(normalizeNpmForm(defaultNpmForm)).toEqual(defaultNpmForm);
  });
});
