import { expect, test } from '@playwright/test';

test('home → layer card → guide → next guide, with the sidebar marking the current page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const cards = page.locator('.layer-card');
  await expect(cards).toHaveCount(4);
  await cards.nth(0).getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(/\/guides\/close-the-ports\/$/);
  const current = page.locator('#guide-nav a[aria-current="page"]');
  await expect(current).toHaveAttribute('href', '/guides/close-the-ports/');

  const next = page.locator('.prev-next a[rel="next"]');
  const nextTitle = (await next.locator('.prev-next-title').textContent())!.trim();
  await next.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextTitle);
  await page.locator('.prev-next a[rel="prev"]').click();
  await expect(page).toHaveURL(/\/guides\/close-the-ports\/$/);
});

test('table of contents links jump to their section', async ({ page }) => {
  await page.goto('/guides/tailscale/');
  const first = page.locator('.toc a').first();
  const href = (await first.getAttribute('href'))!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(href)).toBeInViewport();
});

test('the skip link is the first stop for keyboard users and moves focus past the header', async ({ page }) => {
  await page.goto('/guides/overview/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('unknown URLs get the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/guides/no-such-guide/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Browse all guides' }).click();
  await expect(page).toHaveURL(/\/guides\/$/);
});

for (const path of ['/', '/guides/', '/guides/authelia-setup/', '/guides/wireguard-vs-tailscale/']) {
  test(`${path} fits a 320 px wide screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
