import { THEME_STORAGE_KEY, nextThemeChoice, resolveTheme, themeChoice, type ThemeChoice } from '../lib/site/preferences';

// The initial theme is set by an inline script in <head> (no flash); this wires the button, which cycles through
// dark, light and auto (follow the system; nothing stored).
const root = document.documentElement;
const media = window.matchMedia('(prefers-color-scheme: dark)');

function stored(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function apply(choice: ThemeChoice): void {
  root.dataset.theme = resolveTheme(choice, media.matches);
  root.dataset.themeChoice = choice;
  for (const label of document.querySelectorAll('[data-theme-label]')) label.textContent = `Theme: ${choice}`;
}

apply(themeChoice(stored()));

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.addEventListener('click', () => {
    const next = nextThemeChoice(themeChoice(root.dataset.themeChoice), media.matches);
    try {
      if (next === 'auto') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
    apply(next);
  });
}

media.addEventListener('change', () => apply(themeChoice(root.dataset.themeChoice)));
