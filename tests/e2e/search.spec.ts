import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// A word that appears in the body of exactly one guide and nowhere in any title or description;
// the first test below proves that from the sources, so the search test cannot pass by accident.
const WORD = 'net.ipv4.ip_forward';
const SEARCH_TERM = 'ip_forward';
const EXPECTED = '/guides/tailscale/';

const DOCS = join(import.meta.dirname, '..', '..', 'src', 'content', 'docs');

test('the search word only occurs in the body of the expected guide', () => {
  const holders: string[] = [];
  for (const file of readdirSync(DOCS).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(join(DOCS, file), 'utf8');
    const [, frontmatter = '', body = ''] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
    expect(frontmatter.includes(SEARCH_TERM), `${file} frontmatter`).toBe(false);
    if (body.includes(SEARCH_TERM)) holders.push(file);
  }
  expect(holders).toEqual([`${EXPECTED.split('/')[2]}.mdx`]);
  expect(readFileSync(join(DOCS, holders[0]!), 'utf8')).toContain(WORD);
});

test('Ctrl+K opens search lazily, finds a guide by a body-only word, and Escape closes it', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/guides/overview/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  await expect(dialog).toBeVisible();
  const input = dialog.locator('.pagefind-ui__search-input');
  await expect(input).toBeFocused();
  expect(requested.some((p) => p === '/pagefind/pagefind-ui.js')).toBe(true);

  await input.fill(SEARCH_TERM);
  const first = dialog.locator('.pagefind-ui__result-link').first();
  await expect(first).toHaveAttribute('href', new RegExp(`^${EXPECTED}`));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Search' }).click();
  await expect(dialog).toBeVisible();
  await dialog.locator('.pagefind-ui__search-input').fill(SEARCH_TERM);
  await dialog.locator('.pagefind-ui__result-link').first().click();
  await expect(page).toHaveURL(new RegExp(EXPECTED));
});

test('only guide bodies are indexed: no header, navigation or footer text in any indexed page', async ({ page }) => {
  await page.goto('/');
  // Ask Pagefind's own API for every page it indexed and read back the indexed text.
  const contents = await page.evaluate(async () => {
    const url = '/pagefind/pagefind.js';
    const pagefind = await import(/* @vite-ignore */ url);
    const search = await pagefind.search(null, { filters: {} });
    const all = search.results.length ? search.results : (await pagefind.search('the')).results;
    return Promise.all(all.map(async (r: { data: () => Promise<{ url: string; content: string }> }) => r.data()));
  });
  expect(contents.length).toBeGreaterThanOrEqual(16);
  for (const { url, content } of contents) {
    expect(url, url).toMatch(/^\/guides\/[^/]+\/$/);
    for (const chrome of [
      'Skip to content',
      'off the scanners’ list',
      'Check and decide',
      'On this page',
      'Search the guides',
      'Load example',
    ]) {
      expect(content, `${url} indexes "${chrome}"`).not.toContain(chrome);
    }
  }
});

test('/search/ runs the query in its address, keeps the address in step, and Ctrl+K focuses its field', async ({ page }) => {
  await page.goto(`/search/?q=${SEARCH_TERM}`);
  const mount = page.locator('#search-page-mount');
  const input = mount.locator('.pagefind-ui__search-input');
  await expect(input).toHaveValue(SEARCH_TERM);
  await expect(mount.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', new RegExp(`^${EXPECTED}`));

  await input.fill('authelia');
  await expect(page).toHaveURL(/\/search\/\?q=authelia$/);
  await expect(mount.locator('.pagefind-ui__result-link').first()).toBeVisible();

  // The page's own field is the search here: the shortcut focuses it instead of opening the dialog.
  await page.getByRole('heading', { level: 1 }).click();
  await expect(input).not.toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();
  await expect(page.getByRole('dialog', { name: 'Search the guides' })).toBeHidden();
});

test('without JavaScript, the header’s Search button leads to the /search/ page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/guides/overview/');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\??$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search the guides');
  // Pagefind needs scripts: the page says so and points at the full list of guides.
  await expect(page.getByRole('link', { name: 'guide index' })).toBeVisible();
  await context.close();
});

test('the 404 page’s search link opens the dialog in place (and is a plain link to /search/ without scripts)', async ({
  page,
}) => {
  await page.goto('/guides/no-such-guide/');
  const link = page.getByRole('link', { name: 'Search the guides' });
  await expect(link).toHaveAttribute('href', '/search/');
  await link.click();
  await expect(page.getByRole('dialog', { name: 'Search the guides' })).toBeVisible();
  await expect(page).toHaveURL(/\/guides\/no-such-guide\/$/);
});
