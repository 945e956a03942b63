import { THEME_STORAGE_KEY, nextChoice, readChoice, resolveTheme, type ThemeChoice } from '../lib/site/preferences';

// The initial theme is set by an inline script in <head> (no flash); this wires the button, which goes through
// light, dark and auto (follow the system). Auto is the absence of a stored choice.
const root = document.documentElement;
const media = window.matchMedia('(prefers-color-scheme: dark)');
const NAMES: Record<ThemeChoice, string> = { light: 'light', dark: 'dark', auto: 'auto (follows the system)' };

function stored(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function apply(choice: ThemeChoice): void {
  root.dataset.theme = resolveTheme(choice === 'auto' ? null : choice, media.matches);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.dataset.choice = choice;
    const label = button.querySelector('[data-theme-label]');
    if (label) label.textContent = `Theme: ${NAMES[choice]}`;
  }
}

apply(readChoice(stored()));

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.addEventListener('click', () => {
    // The button holds the current choice (apply() sets it), so this works with storage disabled too.
    const next = nextChoice(readChoice(button.dataset.choice), media.matches);
    try {
      if (next === 'auto') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
    apply(next);
    const announcer = document.getElementById('announcer');
    if (announcer) announcer.textContent = `Theme: ${NAMES[next]}`;
  });
}

media.addEventListener('change', () => {
  if (readChoice(stored()) === 'auto') apply('auto');
});
