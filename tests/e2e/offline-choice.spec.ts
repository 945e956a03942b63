/**
 * Offline without surprise: with Save-Data (emulated through the DevTools protocol, as Chromium's data saver) the page
 * does not precache the site by itself; it offers "Keep this site offline", says what is stored, and stores it only
 * when asked. Without Save-Data, the worker still installs by itself (offline.spec.ts covers what it stores).
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

const registered = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);

test('with Save-Data the site is not precached by itself; the offer stores it on request', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
  const workerRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/sw.js') workerRequests.push(request.url());
  });
  await page.goto('/guides/overview/');
  expect(await page.evaluate(() => (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData)).toBe(
    true,
  );

  const offer = page.getByRole('complementary', { name: 'Keep this site offline?' });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  expect(await registered(page)).toBe(false);
  await expect(offer).toContainText('every page, the builders');
  await expect(offer.locator('[data-offline-size]')).toHaveText(/^\d+ files$/);

  await offer.getByRole('button', { name: 'Keep this site offline' }).click();
  await expect(offer.getByRole('status')).toHaveText(/^Kept offline: [\d.]+ (kB|MB) stored in this browser\.$/, {
    timeout: 60_000,
  });
  expect(await registered(page)).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('offline'))).toBe('yes');
});

test('without Save-Data the worker installs by itself and no offer is shown', async ({ page }) => {
  await page.goto('/guides/overview/');
  await expect.poll(() => registered(page), { timeout: 30_000 }).toBe(true);
  await expect(page.locator('#offline-offer')).toBeHidden();
});
