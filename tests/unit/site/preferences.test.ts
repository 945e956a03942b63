import { describe, expect, it } from 'vitest';
import { isSearchShortcut, nextThemeChoice, otherTheme, resolveTheme, themeChoice } from '../../../src/lib/site/preferences';
import { humanDate, isoDate } from '../../../src/lib/site/format';

describe('resolveTheme', () => {
  it('uses a stored choice over the system preference', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('falls back to the system preference for missing or corrupted values', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme(undefined, false)).toBe('light');
    expect(resolveTheme('purple', true)).toBe('dark');
  });

  it('toggles between the two themes', () => {
    expect(otherTheme('light')).toBe('dark');
    expect(otherTheme('dark')).toBe('light');
  });
});

describe('isSearchShortcut', () => {
  const base = { key: 'k', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
  it('accepts Ctrl+K and ⌘K, in either case', () => {
    expect(isSearchShortcut({ ...base, ctrlKey: true })).toBe(true);
    expect(isSearchShortcut({ ...base, metaKey: true, key: 'K' })).toBe(true);
  });
  it('rejects plain K and chords with Alt or Shift', () => {
    expect(isSearchShortcut(base)).toBe(false);
    expect(isSearchShortcut({ ...base, ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isSearchShortcut({ ...base, ctrlKey: true, altKey: true })).toBe(false);
    expect(isSearchShortcut({ ...base, ctrlKey: true, key: 'j' })).toBe(false);
  });
});

describe('dates', () => {
  it('formats in UTC regardless of the machine time zone', () => {
    const d = new Date('2026-11-27T23:30:00Z');
    expect(isoDate(d)).toBe('2026-11-27');
    expect(humanDate(d)).toBe('27 November 2026');
  });
});

describe('theme choice', () => {
  it('reads a stored theme as that choice and anything else as auto', () => {
    expect(themeChoice('dark')).toBe('dark');
    expect(themeChoice('light')).toBe('light');
    expect(themeChoice(null)).toBe('auto');
    expect(themeChoice('auto')).toBe('auto');
    expect(themeChoice('purple')).toBe('auto');
  });

  it('cycles through all three choices, first away from what the system shows', () => {
    expect(nextThemeChoice('auto', false)).toBe('dark');
    expect(nextThemeChoice('dark', false)).toBe('light');
    expect(nextThemeChoice('light', false)).toBe('auto');
    expect(nextThemeChoice('auto', true)).toBe('light');
    expect(nextThemeChoice('light', true)).toBe('dark');
    expect(nextThemeChoice('dark', true)).toBe('auto');
  });
});
