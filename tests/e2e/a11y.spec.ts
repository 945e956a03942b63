import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const paths = [...sitemapPaths(), '/404.html'];

test('the sitemap lists the site', () => {
  expect(paths.length).toBeGreaterThan(15);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const path of paths) {
    test(`axe (WCAG 2.2 AA, ${scheme}): ${path}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }
}

test('axe: the open search dialog with results', async ({ page }) => {
  await page.goto('/guides/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  await dialog.locator('.pagefind-ui__search-input').fill('tailscale');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('#search-dialog').withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('axe: the /search/ page with results', async ({ page }) => {
  await page.goto('/search/?q=tailscale');
  await expect(page.locator('#search-page-mount .pagefind-ui__result-link').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('pages make no request to any other origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  for (const path of ['/', '/guides/authelia-setup/', '/guides/tailscale/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
});
