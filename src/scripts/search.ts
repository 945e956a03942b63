import { isSearchShortcut } from '../lib/site/preferences';

// Search is Pagefind's UI. Its script, styles and index load only when needed: on the first opening of the dialog
// (every page has one), or straight away on /search/, whose page holds its own mount and reads ?q=.
const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
const dialogMount = document.getElementById('search-mount');
const pageMount = document.getElementById('search-page-mount');

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

let assets: Promise<void> | undefined;

function loadAssets(): Promise<void> {
  assets ??= new Promise<void>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/pagefind/pagefind-ui.css';
    document.head.append(css);
    const script = document.createElement('script');
    script.src = '/pagefind/pagefind-ui.js';
    script.onload = () => (window.PagefindUI ? resolve() : reject(new Error('Pagefind UI did not load')));
    script.onerror = () => reject(new Error('Pagefind UI did not load'));
    document.head.append(script);
  }).catch((error: unknown) => {
    assets = undefined;
    throw error;
  });
  return assets;
}

const mounted = new Map<HTMLElement, Promise<PagefindUIInstance>>();

function mountUi(element: HTMLElement, autofocus: boolean): Promise<PagefindUIInstance> {
  let ui = mounted.get(element);
  if (!ui) {
    ui = loadAssets().then(
      () => new window.PagefindUI!({ element: `#${element.id}`, showSubResults: true, showImages: false, autofocus }),
    );
    ui.catch(() => {
      mounted.delete(element);
      element.textContent = 'Search is not available on this copy of the site (the index is built by "npm run build").';
    });
    mounted.set(element, ui);
  }
  return ui;
}

const focusInput = (element: HTMLElement) => element.querySelector<HTMLInputElement>('input')?.focus();

function open(): void {
  // On /search/ the page's own field is the search: focus it rather than open a second one in the dialog.
  if (pageMount) {
    mountUi(pageMount, true)
      .then(() => focusInput(pageMount))
      .catch(() => undefined);
    return;
  }
  if (!dialog || !dialogMount || dialog.open) return;
  dialog.showModal();
  mountUi(dialogMount, true)
    .then(() => focusInput(dialogMount))
    .catch(() => undefined);
}

for (const trigger of document.querySelectorAll('[data-search-open]')) {
  trigger.addEventListener('click', (event) => {
    // The header's button submits its form to /search/ when scripts are off; with them, search opens in place.
    event.preventDefault();
    open();
  });
}
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

/**
 * Runs `callback` once the page has painted. A stylesheet added before the first paint holds that paint back, and
 * Pagefind's script would compete with the page's own files for the network. A hidden tab does not paint: the
 * timeout covers it.
 */
function afterFirstPaint(callback: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    callback();
  };
  window.setTimeout(run, 3000);
  try {
    new PerformanceObserver((_list, observer) => {
      observer.disconnect();
      run();
    }).observe({ type: 'paint', buffered: true });
  } catch {
    run();
  }
}

if (pageMount) {
  // /search/?q=term runs the search on arrival; typing keeps ?q= in step, so a search can be bookmarked or shared.
  const term = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  afterFirstPaint(() => {
    mountUi(pageMount, term === '')
      .then((ui) => {
        if (term) ui.triggerSearch(term);
      })
      .catch(() => undefined);
  });
  pageMount.addEventListener('input', (event) => {
    const input = event.target as HTMLInputElement;
    if (!input.classList.contains('pagefind-ui__search-input')) return;
    const url = new URL(location.href);
    const value = input.value.trim();
    if (value) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  });
}
