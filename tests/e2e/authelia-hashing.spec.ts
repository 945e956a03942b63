import { expect, test, type Page } from '@playwright/test';
import { storedState, watchWasm } from './helpers';

// "Hashing never blocks the page", proven by where the work runs rather than by timing the main thread (a timing
// passes or fails with the machine's load; `npm run bench` reports the long tasks as a figure instead).
const SETUP = '/guides/authelia-setup/';

async function hydrated(page: Page) {
  // The setup page also embeds the NPM snippets builder (second on the page).
  await page.locator('.builder').first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('setup builder: argon2id runs in a worker (its WebAssembly is compiled there, never in the page), sends nothing, stores no secret', async ({
  page,
}) => {
  const compiled = await watchWasm(page);
  const requests: { url: string; body: string }[] = [];
  await page.goto(SETUP);
  await hydrated(page);
  const setup = page.locator('.builder:has(#as-domain)');
  // Let the lazily loaded highlighter arrive first: from here on, nothing may be fetched while typing.
  await expect(setup.locator('.output-code')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(compiled()).toEqual([]); // nothing hashed yet, so no argon2 module anywhere
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));

  await page.locator('#as-domain').fill('home.example.org');
  const password = 'correct-horse-battery-staple-42';
  await page.locator('#as-u0-password').pressSequentially(password);
  expect(requests).toEqual([]); // typing a secret makes no request at all

  await page.getByRole('button', { name: 'Hash' }).click();
  await expect(page.locator('.rule').first()).toContainText('Hashed with argon2id.', { timeout: 30_000 });
  await page.locator('#as-output-tab-0').focus();
  await page.getByRole('tab', { name: 'users_database.yml' }).click();
  await expect(setup.locator('.output-file')).toContainText('$argon2id$v=19$m=65536,t=3,p=4$');
  await expect(setup.locator('.output-file')).not.toContainText(password);

  // Where the hash was computed: every WebAssembly module was compiled in the argon2 worker, none in the page.
  const modules = compiled();
  expect(modules.length).toBeGreaterThan(0);
  expect(modules.filter((m) => m.target === 'page')).toEqual([]);
  for (const m of modules) expect(new URL(m.target).pathname).toMatch(/^\/_astro\/argon2\.worker-[\w-]+\.js$/);

  // Only same-origin static files (the worker script) were fetched, and nothing carried the password.
  expect(requests.some((r) => /argon2\.worker/.test(r.url))).toBe(true);
  for (const r of requests) {
    expect(new URL(r.url).origin).toBe(new URL(page.url()).origin);
    expect(r.url + r.body).not.toContain(password);
    expect(r.url).toMatch(/\/_astro\//);
  }

  const stored = await storedState(page);
  expect(stored).toContain('home.example.org'); // the state was written…
  expect(stored).not.toContain('argon2id'); // …without the hash
  expect(stored).not.toContain(password);
  await setup.getByRole('button', { name: 'Copy share link' }).click();
  const link = await setup.locator('.state-link input').inputValue();
  const payload = Buffer.from(decodeURIComponent(link.split('authelia-setup=v1.')[1]!), 'base64url').toString('utf8');
  expect(payload).toContain('home.example.org');
  expect(payload).not.toContain('argon2id');
  expect(payload).not.toContain('secrets');
});
