import { expect, test } from '@playwright/test';

test('the copy button copies the code block from the keyboard and announces it', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const page = await context.newPage();
  await page.goto('/guides/tailscale/');
  const block = page.locator('.code-block').first();
  const button = block.getByRole('button', { name: /^Copy/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  await expect(page.locator('#announcer')).toHaveText('Copied to clipboard');
  const expected = (await block.locator('pre').textContent())!;
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard.trimEnd()).toBe(expected.trimEnd());
  expect(clipboard.length).toBeGreaterThan(5);
  await expect(button).toHaveText('Copy');
  await context.close();
});

test('every highlighted block on a guide gets its own copy button', async ({ page }) => {
  await page.goto('/guides/authelia-setup/');
  // Code blocks of the guide itself, not the builders' generated output (which has its own copy button).
  const blocks = await page.locator('pre.astro-code:not(.builder *)').count();
  expect(blocks).toBeGreaterThan(0);
  await expect(page.locator('.code-block > .copy-button')).toHaveCount(blocks);
});
