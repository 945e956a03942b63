import { expect, test } from '@playwright/test';
import { BUILDERS } from '../../src/lib/builders/registry';

// Finding your way in a long guide (issue 21, item 13) and the phone header (item 11).
const GUIDE = '/guides/tailscale/';
/** A long guide without a builder: the contents get their own column there. */
const PROSE_GUIDE = '/guides/headscale/';

test('at 1280 px the contents stay beside the text of a guide without a builder and mark the section in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PROSE_GUIDE);
  const toc = page.locator('nav.toc');
  const heading = page.locator('#approve-subnet-routes');
  await heading.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 0 - window.innerHeight / 2 + 120));
  await page.evaluate(() => document.getElementById('approve-subnet-routes')!.scrollIntoView());
  // Sticky: the contents are still in the window after a long scroll, and beside the text, not above it.
  const box = (await toc.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(100);
  const prose = (await page.locator('.prose').boundingBox())!;
  expect(box.x).toBeGreaterThan(prose.x + prose.width);
  await expect(toc.locator('a[aria-current="location"]')).toHaveAttribute('href', '#approve-subnet-routes');
  await expect(toc.locator('a[aria-current]')).toHaveCount(1);
  // Back at another section, the mark follows.
  await page.evaluate(() => document.getElementById('join-your-devices')!.scrollIntoView());
  await expect(toc.locator('a[aria-current="location"]')).toHaveAttribute('href', '#join-your-devices');
});

test('at 1280 px a guide with a builder leaves the main column to the builder and names the current section in a bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(GUIDE);
  // After the builder has appeared (it moves everything below it as it does).
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.builder-output').first()).toBeVisible();
  await page.evaluate(() => document.getElementById('when-an-exit-node-breaks-dns')!.scrollIntoView());
  const bar = page.locator('.section-bar');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('When an exit node breaks DNS');
});

test('each section heading has a link anchor that keyboard users reach and that names what it does', async ({ page }) => {
  await page.goto(GUIDE);
  const anchor = page.locator('#route-the-whole-lan .heading-anchor');
  await expect(anchor).toHaveAttribute('href', '#route-the-whole-lan');
  await expect(anchor).toHaveAccessibleName('Link to this section');
  // The guide's own headings (a builder's headings are part of its form, not sections of the guide).
  expect(await page.locator('.prose :is(h2, h3)[id]:not(.builder *)').count()).toBe(
    await page.locator('.prose .heading-anchor').count(),
  );
  // Hidden until focused, then visible.
  await expect(anchor).toHaveCSS('opacity', '0');
  await page.locator('#route-the-whole-lan').evaluate((heading) => {
    const previous = heading.previousElementSibling?.querySelector('a') ?? document.querySelector('.toc a');
    (previous as HTMLElement).focus();
  });
  for (let i = 0; i < 40 && !(await anchor.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(anchor).toBeFocused();
  await expect(anchor).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#route-the-whole-lan$/);
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the header is one row: logo, search, theme and menu', async ({ page }) => {
    await page.goto(GUIDE);
    const header = page.locator('.site-header');
    const tops = await Promise.all(
      ['.brand', '.search-button', '.theme-toggle', '.menu-button'].map(async (selector) => {
        const box = (await header.locator(selector).boundingBox())!;
        expect(box, selector).toBeTruthy();
        return box.y + box.height / 2;
      }),
    );
    for (const middle of tops) expect(Math.abs(middle - tops[0]!)).toBeLessThan(4);
    const height = (await header.boundingBox())!.height;
    expect(height).toBeLessThan(70);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
  });

  test('the menu button opens the guide list, moves focus into it, and Escape closes it and returns focus', async ({ page }) => {
    await page.goto(GUIDE);
    const button = page.getByRole('button', { name: 'Menu' });
    await expect(button).toBeVisible();
    expect((await button.boundingBox())!.y).toBeLessThan(60);
    await button.click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('link', { name: 'Authelia troubleshooting' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Checklist' })).toBeVisible();
    // Focus lands on the current guide inside the menu.
    await expect(menu.locator('a[aria-current="page"]')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    // A link in the menu leads to its guide.
    await button.click();
    await menu.getByRole('link', { name: 'Authelia troubleshooting' }).click();
    await expect(page).toHaveURL(/\/guides\/authelia-troubleshooting\/$/);
  });

  test('a bar names the current section once the contents have scrolled away and leads back to them', async ({ page }) => {
    await page.goto(GUIDE);
    const bar = page.locator('.section-bar');
    await expect(bar).toBeHidden();
    await page.evaluate(() => document.getElementById('approve-the-route')!.scrollIntoView());
    await expect(bar).toBeVisible();
    await expect(bar).toHaveText('On this page: Approve the route');
    expect((await bar.boundingBox())!.y).toBeLessThanOrEqual(1);
    await bar.getByRole('link').click();
    await expect(page.locator('#toc-title')).toBeInViewport();
  });
});

test('the home page links every builder page and explains the homelab profile', async ({ page }) => {
  await page.goto('/');
  const section = page.getByRole('region', { name: /Builders/ });
  for (const builder of BUILDERS) {
    await expect(section.getByRole('link', { name: builder.title }), builder.title).toHaveAttribute('href', builder.page);
  }
  await expect(section).toContainText('homelab profile');
});

test('the build-order guide links the checklist', async ({ page }) => {
  await page.goto('/guides/build-order/');
  await page.locator('.prose a[href="/checklist/"]').first().click();
  await expect(page).toHaveURL(/\/checklist\/$/);
});
