import { THEME_STORAGE_KEY, otherTheme, resolveTheme, type Theme } from '../lib/site/preferences';

// The initial theme is set by an inline script in <head> (no flash); this wires the toggle.
const root = document.documentElement;
const media = window.matchMedia('(prefers-color-scheme: dark)');

function stored(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function apply(theme: Theme): void {
  root.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

apply(resolveTheme(stored(), media.matches));

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.addEventListener('click', () => {
    const next = otherTheme(resolveTheme(root.dataset.theme, media.matches));
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
    apply(next);
  });
}

media.addEventListener('change', () => {
  if (!stored()) apply(resolveTheme(null, media.matches));
});
