import { OFFLINE_CHOICE_KEY, formatBytes, offlineDecision, type ConnectionHints } from '../lib/site/offline';

// Registers the service worker that keeps the site usable offline (scripts/sw.ts writes /sw.js at build time).
// Production builds only, and a few seconds after the page has loaded: installing the worker fetches the whole site
// (~2 MB), which would otherwise compete with the page's own late work on a slow device. With Save-Data, on a cellular
// or 2G-class connection it does not happen by itself: the page offers it, saying what is stored and how much.
const REGISTER_AFTER_LOAD_MS = 5000;

const register = () => navigator.serviceWorker.register('/sw.js');

function storedChoice(): string | null {
  try {
    return localStorage.getItem(OFFLINE_CHOICE_KEY);
  } catch {
    return null;
  }
}

/** Shows the offer; the button registers the worker and then reports what was stored. */
async function offer(): Promise<void> {
  const box = document.getElementById('offline-offer');
  const size = box?.querySelector('[data-offline-size]');
  const button = box?.querySelector<HTMLButtonElement>('[data-offline-keep]');
  const status = box?.querySelector('[data-offline-status]');
  if (!box || !size || !button || !status) return;
  // The list of files the worker would store is in /sw.js itself: count them for the offer.
  const files = await fetch('/sw.js')
    .then((response) => response.text())
    .then((source) => (source.match(/^ {2}"\/[^"]*",?$/gm) ?? []).length)
    .catch(() => 0);
  if (files > 0) size.textContent = `${files} files`;
  box.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Downloading…';
    try {
      localStorage.setItem(OFFLINE_CHOICE_KEY, 'yes');
    } catch {
      // Storage disabled: the choice holds for this visit.
    }
    register()
      .then(() => navigator.serviceWorker.ready)
      .then(() => navigator.storage.estimate())
      .then(({ usage }) => {
        status.textContent = `Kept offline: ${formatBytes(usage ?? 0)} stored in this browser.`;
      })
      .catch(() => {
        button.disabled = false;
        status.textContent = 'Could not keep the site offline; try again when online.';
      });
  });
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const connection = (navigator as Navigator & { connection?: ConnectionHints }).connection;
  const start = () => {
    void navigator.serviceWorker.getRegistration().then((existing) => {
      // A worker installed before (an earlier visit or choice) keeps updating with the site.
      if (existing || offlineDecision(connection, storedChoice()) === 'precache') register().catch(() => undefined);
      else void offer();
    });
  };
  const later = () => window.setTimeout(start, REGISTER_AFTER_LOAD_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
