/**
 * Offline after one visit (the service worker written by scripts/sw.ts, registered by src/scripts/sw-register.ts).
 * Each test visits the home page once, waits until the worker is active and its cache holds every page and every
 * /_astro/ file of the built site, cuts the network for the whole browser context (pages and the worker), proves the
 * network is really gone, and then uses pages it never loaded before.
 * The other specs run with service workers blocked (playwright.config.ts); this one allows them.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKLIST } from '../../src/lib/checklist';
import { KIT_IMAGES } from '../../src/lib/kit';
import { keyPageList, proseGuide } from '../../scripts/key-pages';
import { expectHighlighted, hydrated, sitemapPaths } from './helpers';

test.use({ serviceWorkers: 'allow' });

const DIST = join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist');

/** What one visit must leave in the cache, read from the built folder itself (not from sw.js). */
const EXPECTED = [
  ...new Set([
    '/',
    '/404.html',
    ...sitemapPaths(),
    ...readdirSync(join(DIST, '_astro')).map((file) => `/_astro/${file}`),
    '/favicon.svg',
  ]),
];

/** A same-origin file the worker does not cache (crawler file). */
const UNCACHED = '/robots.txt';

interface Offline {
  /** Requests of pages and their workers that failed while offline (the worker's own network attempts excluded). */
  failed: string[];
  /** Uncaught errors in any page. */
  errors: string[];
}

/** Paths from EXPECTED that are not in any cache of the origin yet. */
function notCached(page: Page): Promise<string[]> {
  return page.evaluate(async (expected) => {
    const have = new Set<string>();
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) have.add(new URL(request.url).pathname);
    }
    return expected.filter((path) => !have.has(path));
  }, EXPECTED);
}

/** The one visit; then the network is cut and the cut is checked from the page and from the worker. */
async function visitOnceThenGoOffline(page: Page, context: BrowserContext): Promise<Offline> {
  await page.goto('/');
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 30_000 })
    .toBe('activated');
  await expect.poll(() => notCached(page), { timeout: 30_000 }).toEqual([]);
  const [worker] = context.serviceWorkers();
  expect(worker?.url()).toMatch(/\/sw\.js$/);

  await context.setOffline(true);
  const probe = (url: string) =>
    fetch(url, { cache: 'no-store' }).then(
      (r) => `answered ${r.status}`,
      () => 'failed',
    );
  expect(await page.evaluate(probe, UNCACHED), 'the page can still reach the server').toBe('failed');
  expect(await worker!.evaluate(probe, UNCACHED), 'the worker can still reach the server').toBe('failed');
  expect(await worker!.evaluate(probe, '/'), 'the worker can still reach the server').toBe('failed');

  const offline: Offline = { failed: [], errors: [] };
  context.on('requestfailed', (request) => {
    if (!request.serviceWorker()) offline.failed.push(`${request.method()} ${request.url()}`);
  });
  page.on('pageerror', (error) => offline.errors.push(error.message));
  return offline;
}

/** Loads a page offline and checks the worker answered it. */
async function open(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  expect(response?.fromServiceWorker(), `${path} answered by the service worker`).toBe(true);
}

/** Every stylesheet of the page is applied. */
async function expectStyled(page: Page): Promise<void> {
  const sheets = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => {
      let rules = 0;
      try {
        rules = l.sheet?.cssRules.length ?? 0;
      } catch {
        // A stylesheet that failed to load has no readable rules.
      }
      return { href: l.href, rules };
    }),
  );
  expect(sheets.length).toBeGreaterThan(0);
  for (const sheet of sheets) expect(sheet.rules, sheet.href).toBeGreaterThan(0);
}

function expectClean(offline: Offline): void {
  expect(offline.failed, 'requests that failed offline').toEqual([]);
  expect(offline.errors, 'page errors').toEqual([]);
}

/** Every island on the page has hydrated (each is scrolled into view first: islands hydrate when visible). */
async function allHydrated(page: Page): Promise<void> {
  for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('the worker precaches the whole site on the first visit, and the network cut is real', async ({ page, context }) => {
  const offline = await visitOnceThenGoOffline(page, context);
  expect(await notCached(page)).toEqual([]);
  // Reloading the page that was visited online now comes from the cache.
  const again = await page.reload();
  expect(again?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expectClean(offline);
});

test('a prose guide never visited before loads offline, styled and complete', async ({ page, context }) => {
  const offline = await visitOnceThenGoOffline(page, context);
  const guide = proseGuide();
  await open(page, guide);
  const built = readFileSync(join(DIST, guide, 'index.html'), 'utf8');
  const title = /<h1\b[^>]*>([^<]+)<\/h1>/.exec(built)?.[1];
  expect(title, `${guide} has a plain-text h1`).toBeTruthy();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
  const sections = [...built.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]!);
  expect(sections.length).toBeGreaterThan(1);
  for (const id of sections) await expect(page.locator(`h2#${id}`)).toBeAttached();
  await expectStyled(page);
  // The page's own scripts ran: the theme toggle answers, and code blocks (when the guide has any) got copy buttons.
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toHaveAccessibleName(/^Theme: /);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? '');
  const before = await theme();
  await toggle.click();
  await expect.poll(theme).not.toBe(before);
  const codeBlocks = (built.match(/<pre\b[^>]*\bclass="astro-code\b/g) ?? []).length;
  await expect(page.locator('.copy-button')).toHaveCount(codeBlocks);
  expectClean(offline);
});

/**
 * Per builder (registry id): the element that marks it on a page, and an edit whose result must show in its output.
 * Every builder page of the registry is tested offline; a builder listed here is also edited there.
 */
const USE: Record<string, { builder: string; use(page: Page): Promise<void> }> = {
  access: {
    builder: '.builder:has(#ac-1-domain)',
    async use(page) {
      await page.locator('#ac-1-domain').fill('pve.offline.example');
      await expect(page.locator('.builder:has(#ac-1-domain) .output-file')).toContainText('pve.offline.example');
    },
  },
  'authelia-setup': {
    builder: '.builder:has(#as-domain)',
    async use(page) {
      await page.locator('#as-domain').fill('offline.example.net');
      await page.locator('#as-autheliaUrl').fill('https://auth.offline.example.net');
      await page.locator('#as-defaultRedirectionUrl').fill('https://dash.offline.example.net');
      await expect(page.locator('.builder:has(#as-domain) .output-file')).toContainText("domain: 'offline.example.net'");
    },
  },
  npm: {
    builder: '.builder:has(#npm-portalUrl)',
    async use(page) {
      await page.locator('#npm-1-hostname').fill('cloud.offline.example');
      const tab = page.locator('.builder:has(#npm-portalUrl)').getByRole('tab', { name: 'cloud.offline.example.advanced.conf' });
      await expect(tab).toBeVisible();
    },
  },
  tailscale: {
    builder: '.builder:has(#ts-routes)',
    async use(page) {
      await page.locator('#ts-routes').fill('10.20.30.0/24');
      await expect(page.locator('.builder:has(#ts-routes) .output-file')).toContainText('--advertise-routes=10.20.30.0/24');
    },
  },
  'internal-dns': {
    builder: '.builder:has(#dns-domain)',
    async use(page) {
      await page.locator('#dns-domain').fill('offline.example.net');
      await expect(page.locator('.builder:has(#dns-domain) .output-file')).toContainText(
        'address=/home.offline.example.net/192.168.1.10',
      );
    },
  },
  compose: {
    builder: '.builder:has(#cs-source)',
    async use(page) {
      await page
        .locator('#cs-source')
        .fill('services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: offline-Pa55word-42\n');
      await expect(page.locator('#cs-output-panel')).toContainText('POSTGRES_PASSWORD:?set');
    },
  },
  kit: {
    builder: '.kit-builder',
    async use(page) {
      await page.getByLabel("Redis for Authelia's sessions").check();
      await expect(page.locator('.kit-builder .output-file')).toContainText(KIT_IMAGES.redis);
    },
  },
};

for (const { path, builders } of keyPageList().filter((p) => p.kind === 'builder')) {
  test(`offline, the builder on ${path} hydrates, highlights and follows the input`, async ({ page, context }) => {
    const offline = await visitOnceThenGoOffline(page, context);
    await open(page, path);
    await allHydrated(page);
    // The page's own builder: edited when it is listed in USE, else it shows its output from the defaults.
    const own = USE[builders[0]!.id];
    if (own) {
      await expect(page.locator(own.builder)).toBeVisible();
      await hydrated(page, own.builder);
      await own.use(page);
      // Highlighted output (coloured spans) proves the highlighter worker and its grammar came from the cache.
      await expectHighlighted(page.locator(own.builder));
      await expect(page.locator(`${own.builder} .output-code span[style]`).first()).toBeVisible();
    } else {
      await expect(page.locator('.builder').first()).toBeVisible();
      for (const builder of await page.locator('.builder').all()) {
        await expectHighlighted(builder);
        await expect(builder.locator('.output-code span[style]').first()).toBeVisible();
      }
    }
    await expectStyled(page);
    expectClean(offline);
  });
}

test('offline, the checklist loads and a tick survives a reload', async ({ page, context }) => {
  const offline = await visitOnceThenGoOffline(page, context);
  await open(page, '/checklist/');
  const first = page.getByRole('checkbox', { name: CHECKLIST[0]!.tasks[0]!.text });
  const progress = page.locator('[data-progress-for="step-1"]');
  await expect(progress).toHaveText(`0 of ${CHECKLIST[0]!.tasks.length} done`);
  await first.check();
  await expect(progress).toHaveText(`1 of ${CHECKLIST[0]!.tasks.length} done`);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(first).toBeChecked();
  await expect(progress).toHaveText(`1 of ${CHECKLIST[0]!.tasks.length} done`);
  expectClean(offline);
});

test('offline, an unknown path shows the 404 page with status 404', async ({ page, context }) => {
  const offline = await visitOnceThenGoOffline(page, context);
  await open(page, '/no/such/page/', 404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectStyled(page);
  expectClean(offline);
});

test('offline, search finds a guide (Pagefind and its index come from the cache)', async ({ page, context }) => {
  const offline = await visitOnceThenGoOffline(page, context);
  await open(page, '/guides/overview/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  await expect(dialog).toBeVisible();
  await dialog.locator('.pagefind-ui__search-input').fill('ip_forward');
  const first = dialog.locator('.pagefind-ui__result-link').first();
  await expect(first).toHaveAttribute('href', /^\/guides\/tailscale\//);
  await first.click();
  await expect(page).toHaveURL(/\/guides\/tailscale\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expectClean(offline);
});
