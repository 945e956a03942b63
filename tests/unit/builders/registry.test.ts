/**
 * The builder platform's contract, checked for every builder the registry lists: one spec per entry, ids that keep
 * share links and storage working, defaults that generate, a state that survives its own share link, fields and
 * choices that name real state fields.
 */
import { describe, expect, it } from 'vitest';
import { BUILDERS } from '../../../src/lib/builders/registry';
import { BUILDER_SPECS } from '../../../src/lib/builders/specs';
import { decodeShare, encodeShare } from '../../../src/lib/core/share';

describe('the registry and the specs', () => {
  it('every registry entry has a spec with the same id, and every spec is listed', () => {
    expect(Object.keys(BUILDER_SPECS).sort()).toEqual(BUILDERS.map((b) => b.id).sort());
  });

  for (const entry of BUILDERS) {
    describe(entry.id, () => {
      const spec = BUILDER_SPECS[entry.id]!;
      it('has a schema version, a target and a title', () => {
        expect(spec.schema.version).toBeGreaterThanOrEqual(1);
        const target = typeof spec.target === 'function' ? spec.target(spec.toInput(spec.defaults)) : spec.target;
        expect(target).toMatch(/\S/);
        expect(spec.title).toMatch(/\S/);
        // A guide, or the front-door kit's own page.
        expect(entry.page).toMatch(/^\/(guides\/[a-z0-9-]+|kit)\/$/);
      });
      it('generates from its defaults without throwing, and every file has a name and content', () => {
        const result = spec.generate(spec.toInput(spec.defaults));
        for (const file of result.files) {
          expect(file.name).toMatch(/\S/);
          expect(typeof file.content).toBe('string');
        }
      });
      it('its defaults survive a share link and the stored form', () => {
        const link = encodeShare(spec.defaults, spec.defaults, spec.schema);
        expect(decodeShare(link, spec.defaults, spec.schema)).toEqual({ ok: true, state: spec.defaults });
      });
      it('fields() and the choice lists name fields of the state', () => {
        const keys = new Set(Object.keys(spec.defaults));
        const fields = spec.fields ? [...spec.fields(spec.defaults)] : [];
        for (const field of fields) expect(keys.has(field.split(/[.[]/)[0]!), field).toBe(true);
        for (const [field, list] of Object.entries(spec.choices ?? {})) {
          expect(list.length, field).toBeGreaterThan(0);
          for (const choice of list) expect(choice.label, `${field}: ${choice.value}`).toMatch(/\S/);
        }
      });
    });
  }
});
