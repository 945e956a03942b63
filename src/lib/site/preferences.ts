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
