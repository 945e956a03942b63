// Registers the service worker that keeps the site usable offline after one visit (scripts/sw.ts writes /sw.js at
// build time). Production builds only, and after the page has loaded, so it never competes with the first paint.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
