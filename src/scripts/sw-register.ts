// Registers the service worker that keeps the site usable offline after one visit (scripts/sw.ts writes /sw.js at
// build time). Production builds only, and a few seconds after the page has loaded: installing the worker fetches the
// whole site (~1.8 MB), which would otherwise compete with the page's own late work (builders, the highlighter,
// search) on a slow device.
const REGISTER_AFTER_LOAD_MS = 5000;

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  const later = () => window.setTimeout(register, REGISTER_AFTER_LOAD_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
