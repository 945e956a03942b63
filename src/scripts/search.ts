import { isSearchShortcut } from '../lib/site/preferences';

// Search loads Pagefind's UI (script, styles, index) only when the dialog is first opened.
const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
const mount = document.getElementById('search-mount');
let loading: Promise<void> | undefined;

declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => unknown;
  }
}

function loadPagefind(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/pagefind/pagefind-ui.css';
    document.head.append(css);
    const script = document.createElement('script');
    script.src = '/pagefind/pagefind-ui.js';
    script.onload = () => {
      if (window.PagefindUI && mount) {
        new window.PagefindUI({ element: '#search-mount', showSubResults: true, showImages: false, autofocus: true });
        resolve();
      } else reject(new Error('Pagefind UI did not load'));
    };
    script.onerror = () => reject(new Error('Pagefind UI did not load'));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    if (mount) mount.textContent = 'Search is not available on this copy of the site (the index is built by "npm run build").';
    throw error;
  });
  return loading;
}

function open(): void {
  if (!dialog || dialog.open) return;
  dialog.showModal();
  loadPagefind()
    .then(() => mount?.querySelector<HTMLInputElement>('input')?.focus())
    .catch(() => undefined);
}

for (const trigger of document.querySelectorAll('[data-search-open]')) trigger.addEventListener('click', open);
dialog?.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
// A click on the backdrop (the dialog element itself, outside its panel) closes it.
dialog?.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close();
});

document.addEventListener('keydown', (event) => {
  if (isSearchShortcut(event)) {
    event.preventDefault();
    open();
  }
});
