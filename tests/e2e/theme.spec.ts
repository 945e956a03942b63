import { expect, test } from '@playwright/test';

test('follows the system preference when nothing is stored', async ({ browser }) => {
  for (const scheme of ['dark', 'light'] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await context.close();
  }
});

test('the button goes dark → light → auto, the choice survives a reload and other pages, by keyboard', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/guides/overview/');
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toHaveAccessibleName('Theme: auto (follows the system)');
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await expect(page.locator('#announcer')).toHaveText('Theme: dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/guides/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAccessibleName('Theme: light');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');

  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAccessibleName('Theme: auto (follows the system)');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  await context.close();
});

test('auto follows the system when it changes; a fixed choice does not', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/guides/overview/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // System dark: the first press picks light, which then stays when the system changes.
  await page.locator('[data-theme-toggle]').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

test('code blocks switch to the dark Shiki theme', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/guides/tailscale/');
  const bg = await page
    .locator('pre.astro-code')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
  await context.close();
});
