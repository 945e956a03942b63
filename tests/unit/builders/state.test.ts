import { describe, expect, it } from 'vitest';
import { marksManual, startingState } from '../../../src/lib/builders/state';
import { encodeShare, type StateSchema } from '../../../src/lib/core/share';

const defaults = { domain: 'example.com', password: '' };
const schema: StateSchema = { version: 1, secretKeys: ['password'] };
const link = (state: typeof defaults) => `#b=${encodeShare(state, defaults, schema)}`;
const stored = (state: typeof defaults, keep: boolean) =>
  encodeShare(state, defaults, { ...schema, secretKeys: keep ? [] : schema.secretKeys });
const base = { id: 'b', defaults, schema, hash: '', stored: null, storedManual: false, keepSecrets: false };

describe('builder state precedence: link → storage → defaults', () => {
  it('nothing stored, no link: the defaults, following the profile', () => {
    expect(startingState(base)).toEqual({ state: defaults, source: 'defaults', manual: false });
  });
  it('stored state wins over the defaults and keeps its "edited by hand" flag', () => {
    const out = startingState({ ...base, stored: stored({ domain: 'home.lan', password: '' }, false), storedManual: true });
    expect(out).toEqual({ state: { domain: 'home.lan', password: '' }, source: 'storage', manual: true });
  });
  it('a link wins over stored state and counts as edited by hand', () => {
    const out = startingState({
      ...base,
      hash: link({ domain: 'shared.example.org', password: '' }),
      stored: stored({ domain: 'home.lan', password: '' }, false),
    });
    expect(out).toEqual({ state: { domain: 'shared.example.org', password: '' }, source: 'link', manual: true });
  });
  it('a damaged link gives the defaults with a notice, not the stored state', () => {
    const out = startingState({ ...base, hash: '#b=v1.%%%', stored: stored({ domain: 'home.lan', password: '' }, false) });
    expect(out.source).toBe('defaults');
    expect(out.state).toEqual(defaults);
    expect(out.notice).toMatch(/damaged/);
  });
  it('another builder’s parameter in the fragment is not this builder’s link', () => {
    const out = startingState({ ...base, hash: '#other=v1.e30', stored: stored({ domain: 'home.lan', password: '' }, false) });
    expect(out.source).toBe('storage');
  });
  it('secrets: read from storage only with the opt-in, never from a link', () => {
    const withSecret = { domain: 'home.lan', password: 'hunter2' };
    expect(startingState({ ...base, stored: stored(withSecret, true), keepSecrets: true }).state.password).toBe('hunter2');
    expect(startingState({ ...base, stored: stored(withSecret, true), keepSecrets: false }).state.password).toBe('');
    // A hand-made link that carries a secret field: ignored.
    const forged = `#b=${encodeShare(withSecret, defaults, { ...schema, secretKeys: [] })}`;
    expect(startingState({ ...base, hash: forged, keepSecrets: true }).state.password).toBe('');
  });
  it('an edit turns "follows the profile" into "edited by hand" only when a profile is followed', () => {
    expect(marksManual(true, true, false)).toBe(true);
    expect(marksManual(false, true, false)).toBe(false);
    expect(marksManual(true, false, false)).toBe(false);
    expect(marksManual(true, true, true)).toBe(false);
  });
});
