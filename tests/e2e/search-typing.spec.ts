import { expect, test, type Page } from '@playwright/test';

// Ctrl+K and typing straight away: every key typed before Pagefind's script and index arrive lands in the field.
const WORD = 'authelia';

async function typeAtOnce(page: Page): Promise<void> {
  await page.goto('/guides/overview/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(WORD);
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  const field = dialog.locator('.pagefind-ui__search-input');
  await expect(field).toHaveValue(WORD);
  await expect(field).toBeFocused();
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
}

test('on loopback', async ({ page }) => {
  await typeAtOnce(page);
});

test('while Pagefind’s files are held back (each request to /pagefind/ answered only after the typing)', async ({ page }) => {
  let typed!: () => void;
  const done = new Promise<void>((resolve) => (typed = resolve));
  let held = 0;
  await page.route('**/pagefind/**', async (route) => {
    held += 1;
    await done;
    await route.continue();
  });
  await page.goto('/guides/overview/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(WORD);
  const early = page.locator('input[data-search-early="search-mount"]');
  await expect(early).toHaveValue(WORD);
  await expect.poll(() => held).toBeGreaterThan(0);
  typed();
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  const field = dialog.locator('.pagefind-ui__search-input');
  await expect(field).toHaveValue(WORD);
  await expect(field).toBeFocused();
  await expect(early).toBeHidden();
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  // A key typed after the hand-over goes on at the caret.
  await page.keyboard.type(' setup');
  await expect(field).toHaveValue(`${WORD} setup`);
});

test('on simulated slow 4G (DevTools network conditions)', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.4 * 1024 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
  await typeAtOnce(page);
});
