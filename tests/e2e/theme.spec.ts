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

test('the toggle switches the theme and the choice survives a reload and other pages', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/guides/overview/');
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toHaveAccessibleName('Theme: auto');
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/guides/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
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

test('the button cycles dark, light and auto; auto follows the system as it changes, and each choice is kept', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/guides/overview/');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /^Theme: / });
  await expect(toggle).toHaveAccessibleName('Theme: auto');
  await expect(html).toHaveAttribute('data-theme', 'light');

  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  // A fixed choice ignores the system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAccessibleName('Theme: light');

  // The cycle starts away from what the system shows: with a dark system, light goes to dark, then auto.
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: auto');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
  // Auto follows the system both ways, without a reload.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(toggle).toHaveAccessibleName('Theme: auto');
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('the inline script in <head> sets the stored theme by itself, before any module script (no flash)', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  await context.addInitScript(() => localStorage.setItem('theme', 'dark'));
  const page = await context.newPage();
  // Without the site's module scripts, only the inline script can have set the theme.
  await page.route('**/_astro/*.js', (route) => route.abort());
  await page.goto('/guides/overview/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'dark');
  const order = await page.evaluate(() => {
    const inline = document.querySelector('head script:not([src])')!;
    const sheet = document.querySelector('head link[rel="stylesheet"]')!;
    return inline.compareDocumentPosition(sheet) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  await context.close();
});
