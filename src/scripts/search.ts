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

/**
 * Pagefind's ranking (pagefind 1.x `ranking` option). A higher termSimilarity favours whole-word matches over longer
 * words that merely start with the query. `metaWeights` adds a boost for query words found in the title and in the
 * names of the page's sections (the `sections` metadata the build adds to the index only, src/lib/site/search-weights.ts):
 * a guide with a section called "Turn on IP forwarding" answers "ip forwarding" before a page whose title merely
 * says "IP". The title keeps a little more weight than a section name, so "authelia troubleshooting" finds the
 * troubleshooting guide before the setup guide's "Troubleshooting" section. tests/e2e/search-ranking.spec.ts holds
 * the questions this is tuned against.
 */
const RANKING = { termSimilarity: 6, metaWeights: { title: 4.5, sections: 4 } };

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

/**
 * Each mount has a plain field in front of it (`data-search-early`) that takes the keys typed while Pagefind's script
 * and index are still on their way: Ctrl+K focuses it at once. When Pagefind's own field exists, the text, the caret
 * and the focus move across in one task, so no key falls between the two fields.
 */
const earlyField = (mount: HTMLElement) =>
  mount.parentElement?.querySelector<HTMLInputElement>(`input[data-search-early="${mount.id}"]`) ?? null;

function handOver(mount: HTMLElement): void {
  const early = earlyField(mount);
  const input = mount.querySelector<HTMLInputElement>('input');
  if (!early || !input || early.hidden) return;
  const focused = document.activeElement === early;
  const { value, selectionStart, selectionEnd } = early;
  early.hidden = true;
  early.value = '';
  if (value) {
    input.value = value;
    // Pagefind's field is bound to its `input` event: this runs the search for what was typed.
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (focused) {
    input.focus();
    input.setSelectionRange(selectionStart, selectionEnd);
  }
}

function mountUi(element: HTMLElement, autofocus: boolean): Promise<PagefindUIInstance> {
  let ui = mounted.get(element);
  if (!ui) {
    ui = loadAssets().then(() => {
      const instance = new window.PagefindUI!({
        element: `#${element.id}`,
        showSubResults: true,
        showImages: false,
        autofocus,
        ranking: RANKING,
      });
      handOver(element);
      return instance;
    });
    ui.catch(() => {
      mounted.delete(element);
      const early = earlyField(element);
      if (early) early.hidden = true;
      element.textContent = 'Search is not available on this copy of the site (the index is built by "npm run build").';
    });
    mounted.set(element, ui);
  }
  return ui;
}

/** Focuses the mount's field: Pagefind's once it is there, else the early field in front of it. */
function focusField(mount: HTMLElement): void {
  const early = earlyField(mount);
  if (early && !mounted.has(mount)) early.hidden = false;
  if (early && !early.hidden) early.focus();
  else mount.querySelector<HTMLInputElement>('input')?.focus();
}

function open(): void {
  // On /search/ the page's own field is the search: focus it rather than open a second one in the dialog.
  if (pageMount) {
    focusField(pageMount);
    mountUi(pageMount, true).catch(() => undefined);
    return;
  }
  if (!dialog || !dialogMount || dialog.open) return;
  dialog.showModal();
  focusField(dialogMount);
  mountUi(dialogMount, true)
    .then(() => {
      // Pagefind autofocuses its field only on its first mount; later openings focus it here.
      if (dialog.open && !dialogMount.contains(document.activeElement)) focusField(dialogMount);
    })
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
  // The early field holds ?q= and takes typing until Pagefind has loaded; the hand-over then runs the search.
  const term = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const early = earlyField(pageMount);
  if (early) {
    early.value = term;
    early.hidden = false;
    if (!term) early.focus();
  }
  afterFirstPaint(() => {
    mountUi(pageMount, false).catch(() => undefined);
  });
  pageMount.parentElement?.addEventListener('input', (event) => {
    const input = event.target as HTMLInputElement;
    if (!input.classList.contains('pagefind-ui__search-input') && input !== early) return;
    const url = new URL(location.href);
    const value = input.value.trim();
    if (value) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  });
}
