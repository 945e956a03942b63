/**
 * Small pure helpers behind the page scripts (theme toggle, search shortcut),
 * kept apart from the DOM so they are unit-tested.
 */

export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'theme';

/** The stored choice wins; anything else (missing, corrupted) falls back to the system preference. */
export function resolveTheme(stored: string | null | undefined, systemPrefersDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemPrefersDark ? 'dark' : 'light';
}

export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}

/** What the reader chose: a theme, or 'auto' to follow the system (stored as no value at all). */
export type ThemeChoice = Theme | 'auto';

/** The stored value read as a choice; anything but 'light' or 'dark' means following the system. */
export function themeChoice(stored: string | null | undefined): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'auto';
}

/**
 * The theme button's cycle, starting from the opposite of what is on screen so the first press always changes the
 * page: following a light system it goes dark, then light, then back to following the system (and mirrored).
 */
export function nextThemeChoice(choice: ThemeChoice, systemPrefersDark: boolean): ThemeChoice {
  const away: Theme = systemPrefersDark ? 'light' : 'dark';
  if (choice === 'auto') return away;
  return choice === away ? otherTheme(away) : 'auto';
}

export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+K (Windows/Linux) or ⌘K (macOS) opens search; "/" too, outside text fields (checked by the caller). */
export function isSearchShortcut(event: ShortcutEvent): boolean {
  if (event.altKey || event.shiftKey) return false;
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
}
