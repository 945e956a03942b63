import { describe, expect, it } from 'vitest';
import { linkedProfilePending } from '../../../src/lib/profile/link';
import { defaultProfile } from '../../../src/lib/profile/model';

describe('a profile opened from a link is not applied until saved', () => {
  const linked = { ...defaultProfile, domain: 'link.example.net' };

  it('pending while nothing, or another profile, is saved', () => {
    expect(linkedProfilePending(linked, undefined)).toBe(true);
    expect(linkedProfilePending(linked, defaultProfile)).toBe(true);
  });

  it('not pending once the same profile is saved, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(linked).reverse());
    expect(linkedProfilePending(linked, reordered)).toBe(false);
  });

  it('not pending without a profile from a link', () => {
    expect(linkedProfilePending(undefined, undefined)).toBe(false);
    expect(linkedProfilePending(undefined, defaultProfile)).toBe(false);
  });
});
