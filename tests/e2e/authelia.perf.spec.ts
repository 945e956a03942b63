import { expect, test, type Page } from '@playwright/test';

// Timing-sensitive checks run in their own Playwright project, after every other test, alone.
const SETUP = '/guides/authelia-setup/';

async function hydrated(page: Page) {
  // The setup page also embeds the NPM snippets builder (second on the page).
  await page.locator('.builder').first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('setup builder: hashes a password in a worker without a long main-thread task, sends nothing, stores no secret', async ({
  page,
}) => {
  const requests: { url: string; body: string }[] = [];
  await page.goto(SETUP);
  await hydrated(page);
  const setup = page.locator('.builder:has(#as-domain)');
  // Let the lazily loaded highlighter arrive first: from here on, nothing may be fetched while typing.
  await expect(setup.locator('.output-code')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));

  const password = 'correct-horse-battery-staple-42';
  await page.locator('#as-u0-password').pressSequentially(password);
  expect(requests).toEqual([]); // typing a secret makes no request at all

  await page.getByRole('button', { name: 'Hash' }).click();
  await expect(page.locator('.rule').first()).toContainText('Hashed with argon2id.', { timeout: 20_000 });
  await page.locator('#as-output-tab-0').focus();
  const users = page.getByRole('tab', { name: 'users_database.yml' });
  await users.click();
  await expect(setup.locator('.output-file')).toContainText('$argon2id$v=19$m=65536,t=3,p=4$');
  await expect(setup.locator('.output-file')).not.toContainText(password);

  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(longTasks).toEqual([]);

  // Only same-origin static files (the worker script) were fetched, and nothing carried the password.
  for (const r of requests) {
    expect(new URL(r.url).origin).toBe(new URL(page.url()).origin);
    expect(r.url + r.body).not.toContain(password);
    expect(r.url).toMatch(/\/_astro\//);
  }

  await page.waitForTimeout(400);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('argon2id');
  expect(stored).not.toContain(password);
  await setup.getByRole('button', { name: 'Copy share link' }).click();
  const link = await setup.locator('.state-link input').inputValue();
  const payload = Buffer.from(decodeURIComponent(link.split('authelia-setup=v1.')[1]!), 'base64url').toString('utf8');
  expect(payload).not.toContain('argon2id');
  expect(payload).not.toContain('secrets');
});
