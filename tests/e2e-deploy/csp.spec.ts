/**
 * The built site as the self-hosting kit serves it: deploy/nginx/site.conf in nginx (playwright.deploy.config.ts).
 * Every page loads with zero CSP violations and zero console errors (pages and their workers), search and the
 * builders work under the policy, and the headers, caching and 404 handling are the deployed ones.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist');

function sitemapPaths(): string[] {
  const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

interface Watch {
  errors: string[];
  /** CSP violations reported to the page so far (read from the page, so call after the checks ran). */
  violations(): Promise<string[]>;
}

/** Records console errors and uncaught exceptions (page and workers) and every `securitypolicyviolation` event. */
async function watch(page: Page): Promise<Watch> {
  const errors: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (e) => seen.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      true,
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('worker', (worker) => {
    worker.on('console', (m) => {
      if (m.type() === 'error') errors.push(`worker ${worker.url()}: ${m.text()}`);
    });
  });
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  };
}

async function expectClean(page: Page, w: Watch): Promise<void> {
  // Violation events are queued as tasks: give them a moment to arrive.
  await page.waitForTimeout(200);
  expect(await w.violations(), 'CSP violations').toEqual([]);
  expect(w.errors, 'console errors').toEqual([]);
}

/**
 * Scrolls through the page so that client:visible islands hydrate, and waits for them and the network. A blocked
 * script keeps an island from hydrating: report the violations first, then the stuck island.
 */
async function settle(page: Page, w: Watch): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
  const islands = page.locator('astro-island[ssr]');
  await expect(islands)
    .toHaveCount(0)
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
  await expectClean(page, w);
  await expect(islands, 'islands left unhydrated').toHaveCount(0);
}

const PAGES = sitemapPaths();

test('the sitemap lists the pages to check', () => {
  expect(PAGES.length).toBeGreaterThan(10);
  expect(PAGES).toContain('/guides/authelia-forward-auth/');
});

for (const path of PAGES) {
  test(`${path} loads with zero CSP violations and zero console errors`, async ({ page }) => {
    const w = await watch(page);
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await settle(page, w);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  });
}

test('search works under the CSP: Ctrl+K, type, a result appears', async ({ page }) => {
  const w = await watch(page);
  await page.goto('/guides/overview/');
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  await expect(dialog).toBeVisible();
  await dialog.locator('.pagefind-ui__search-input').fill('tailscale');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /^\/guides\//);
  await expectClean(page, w);
});

test('a builder works under the CSP: output generated, highlighted in its worker, updated on input', async ({ page }) => {
  const w = await watch(page);
  await page.goto('/guides/authelia-forward-auth/');
  await page.locator('.builder').first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const builder = page.locator('.builder').first();
  await expect(builder.locator('.output-file')).toContainText('access_control:');
  // The highlighter runs in a module worker from /_astro/: its coloured output proves the worker ran.
  const code = builder.locator('.output-code');
  await expect(code).toBeVisible();
  expect(await code.locator('span[style]').count()).toBeGreaterThan(0);
  await page.locator('#ac-1-domain').fill('pve.example.com');
  await expect(builder.locator('.output-file')).toContainText('pve.example.com');
  await expectClean(page, w);
});

test("the setup builder's argon2 hashing (WebAssembly in a worker) works under the CSP", async ({ page }) => {
  const w = await watch(page);
  await page.goto('/guides/authelia-setup/');
  await page.locator('.builder').first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.locator('#as-u0-password').fill('correct-horse-battery-staple-42');
  await page.getByRole('button', { name: 'Hash', exact: true }).click();
  await expect(page.locator('.rule').first()).toContainText('Hashed with argon2id.', { timeout: 30_000 });
  await expectClean(page, w);
});

test('headers, caching and the 404 page are the deployed ones', async ({ page, request }) => {
  const home = await request.get('/');
  const h = home.headers();
  expect(h['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(h['content-security-policy']).not.toMatch(/'unsafe-eval'/);
  expect(h['content-security-policy']!.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
  expect(h['strict-transport-security']).toMatch(/^max-age=\d+/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toContain('geolocation=()');
  expect(h['cache-control']).toBe('no-cache');

  const html = await home.text();
  const asset = html.match(/\/_astro\/[^"'\s>]+\.(?:js|css)/)?.[0];
  expect(asset).toBeTruthy();
  const cached = await request.get(asset!);
  expect(cached.status()).toBe(200);
  expect(cached.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(cached.headers()['content-security-policy']).toBe(h['content-security-policy']);

  // The generated include really is inside the served folder, and still not served.
  const include = await request.get('/_csp/nginx-csp.conf');
  expect(include.status()).toBe(404);

  const w = await watch(page);
  const missing = await page.goto('/this/page/does/not/exist/');
  expect(missing?.status()).toBe(404);
  expect(missing?.headers()['content-security-policy']).toBe(h['content-security-policy']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // The browser logs the 404 status of the document itself as a console error; nothing else may appear.
  w.errors.splice(0, w.errors.length, ...w.errors.filter((e) => !/status of 404/.test(e)));
  await expectClean(page, w);
});

test.describe('the offline service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('registers, precaches and answers pages under the CSP, with zero violations', async ({ page, context, request }) => {
    const script = await request.get('/sw.js');
    expect(script.status()).toBe(200);
    expect(script.headers()['cache-control']).toBe('no-cache');
    const policy = script.headers()['content-security-policy'];
    expect(policy?.split('; ')).toContain("worker-src 'self'");

    const w = await watch(page);
    await page.goto('/');
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 30_000 })
      .toBe('activated');
    expect(context.serviceWorkers().map((sw) => new URL(sw.url()).pathname)).toEqual(['/sw.js']);
    await expectClean(page, w);

    // The next page comes from the worker (network first), with the same policy, and its builder works under it.
    const res = await page.goto('/guides/authelia-forward-auth/');
    expect(res?.fromServiceWorker()).toBe(true);
    expect(res?.headers()['content-security-policy']).toBe(policy);
    await settle(page, w);
    await page.locator('#ac-1-domain').fill('pve.example.com');
    await expect(page.locator('.builder').first().locator('.output-file')).toContainText('pve.example.com');

    // Offline, the cached copy carries the policy it was served with, and the page still runs cleanly under it.
    await context.setOffline(true);
    const cached = await page.goto('/guides/tailscale/');
    expect(cached?.fromServiceWorker()).toBe(true);
    expect(cached?.headers()['content-security-policy']).toBe(policy);
    await settle(page, w);
  });
});
