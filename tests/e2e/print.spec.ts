import { expect, test } from '@playwright/test';

test('print media hides navigation and controls and keeps the guide in black on white', async ({ page }) => {
  await page.goto('/guides/ssh-keys/');
  await page.locator('[data-theme-toggle]').click(); // dark on screen must still print light
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.guide-sidebar', '.site-footer', '.toc', '.prev-next', '.copy-button']) {
    const el = page.locator(selector).first();
    if ((await el.count()) > 0) await expect(el, selector).toBeHidden();
  }
  await expect(page.locator('.prose')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const colors = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('.prose p')!).color,
    codeBg: getComputedStyle(document.querySelector('pre.astro-code')!).backgroundColor,
    codeText: getComputedStyle(document.querySelector('pre.astro-code span')!).color,
  }));
  expect(colors).toEqual({
    body: 'rgb(255, 255, 255)',
    text: 'rgb(0, 0, 0)',
    codeBg: 'rgb(255, 255, 255)',
    codeText: 'rgb(0, 0, 0)',
  });
});
