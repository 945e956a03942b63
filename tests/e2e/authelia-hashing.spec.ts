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

  await page.getByRole('button', { name: 'Hash', exact: true }).click();
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

/** The users_database.yml tab of the setup builder, selected. */
async function usersFile(page: Page) {
  const setup = page.locator('.builder:has(#as-domain)');
  await setup.getByRole('tab', { name: 'users_database.yml' }).click();
  return setup.locator('.output-file');
}

async function hashPassword(page: Page, password: string) {
  await page.locator('#as-u0-password').fill(password);
  await page.getByRole('button', { name: 'Hash', exact: true }).click();
  await expect(page.locator('#as-u0-hashed')).toHaveText('Hashed with argon2id.', { timeout: 30_000 });
}

test('setup builder: editing the password after hashing drops the old hash at once', async ({ page }) => {
  await page.goto(SETUP);
  await hydrated(page);
  await hashPassword(page, 'first-password-1234');
  const file = await usersFile(page);
  await expect(file).toContainText('$argon2id$');
  const oldHash = /\$argon2id\$[^\s'"]+/.exec((await file.textContent()) ?? '')![0];

  await page.locator('#as-u0-password').press('End');
  await page.locator('#as-u0-password').press('x');
  await expect(page.locator('#as-u0-hashed')).toHaveText('Not hashed yet.');
  await expect(file).not.toContainText(oldHash);
  await expect(file).not.toContainText('$argon2id$');
  await expect(file).toContainText('HASH-MISSING');
  await expect(page.locator('#as-u0-password')).toHaveValue('first-password-1234x'); // the input itself is kept
});

test('setup builder: a hash that finishes after the password was edited is discarded', async ({ page }) => {
  await page.goto(SETUP);
  await hydrated(page);
  await page.locator('#as-u0-password').fill('race-password-1234');
  await page.getByRole('button', { name: 'Hash', exact: true }).click();
  // Edited while (or, on a fast machine, just after) the worker hashes: either way no hash of the old value may remain.
  await page.locator('#as-u0-password').press('End');
  await page.locator('#as-u0-password').press('y');
  await expect(page.getByRole('button', { name: 'Hash', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(page.locator('#as-u0-hashed')).toHaveText('Not hashed yet.');
  await expect(await usersFile(page)).not.toContainText('$argon2id$');
});

test('setup builder: "Hash" with an empty password says so on the field', async ({ page }) => {
  await page.goto(SETUP);
  await hydrated(page);
  const field = page.locator('#as-u0-password');
  await page.getByRole('button', { name: 'Hash', exact: true }).click();
  const message = page.locator('#as-u0-empty');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Type a password first');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /as-u0-empty/);
  await expect(field).toBeFocused();
  await field.fill('now-typed-123');
  await expect(message).toHaveCount(0);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
});

/** Closes the page as a reload or leaving would, and returns the types of the dialogs it raised (dismissing them). */
async function leave(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  // Dismissed: the page stays open; without a prompt it closes.
  await expect.poll(() => dialogs.length > 0 || page.isClosed()).toBe(true);
  return dialogs;
}

test('setup builder: leaving asks first only while a hash or generated secret would be lost, and says what', async ({
  browser,
}) => {
  const context = await browser.newContext();
  // Nothing to lose (secrets in files on the server, no hash): no prompt, no note, even after typing.
  let page = await context.newPage();
  await page.goto(SETUP);
  await hydrated(page);
  await page.locator('#as-u0-password').click(); // a user gesture, so Chromium would show a prompt if one were asked
  await page.locator('#as-u0-password').fill('typed-but-not-hashed');
  await expect(page.locator('[data-unsaved]')).toHaveCount(0);
  expect(await leave(page)).toEqual([]);
  expect(page.isClosed()).toBe(true);

  // A hash only this page holds: a note near the top names it, and leaving asks.
  page = await context.newPage();
  await page.goto(SETUP);
  await hydrated(page);
  await hashPassword(page, 'keep-me-safe-1234');
  const note = page.locator('[data-unsaved]');
  await expect(note).toContainText('password hash of ana');
  const noteBox = (await note.boundingBox())!;
  const usersBox = (await page.locator('#as-u0-password').boundingBox())!;
  expect(noteBox.y).toBeLessThan(usersBox.y); // above the form, near the top of the builder
  expect(await leave(page)).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // Inline secrets too, until the file holding them is downloaded.
  await page.locator('#as-secretsMode').selectOption('inline');
  await expect(note).toContainText('the generated secrets');
  const setup = page.locator('.builder:has(#as-domain)');
  await setup.getByRole('tab', { name: 'users_database.yml' }).click();
  await Promise.all([
    page.waitForEvent('download'),
    setup.getByRole('button', { name: /^Download users_database\.yml/ }).click(),
  ]);
  await expect(note).not.toContainText('password hash');
  await expect(note).toContainText('the generated secrets');
  await setup.getByRole('tab', { name: 'configuration.yml' }).click();
  await Promise.all([page.waitForEvent('download'), setup.getByRole('button', { name: /^Download configuration\.yml/ }).click()]);
  await expect(note).toHaveCount(0);
  expect(await leave(page)).toEqual([]);

  // The opt-in to remember secrets also ends the prompt.
  page = await context.newPage();
  await page.goto(SETUP);
  await hydrated(page);
  await hashPassword(page, 'remember-me-1234');
  await page.locator('[data-unsaved]').getByRole('button', { name: 'Remember secrets on this device' }).click();
  await expect(page.locator('[data-unsaved]')).toHaveCount(0);
  await expect(page.getByLabel('Remember secrets on this device')).toBeChecked();
  expect(await leave(page)).toEqual([]);
  await context.close();
});
