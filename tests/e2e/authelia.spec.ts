import { expect, test, type Page } from '@playwright/test';

const LAYER3 = '/guides/authelia-forward-auth/';
const SETUP = '/guides/authelia-setup/';

async function hydrated(page: Page) {
  await page.locator('.builder').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('build rules by keyboard, see a shadowing warning when the wildcard goes first, and copy the YAML', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const page = await context.newPage();
  await page.goto(LAYER3);
  await hydrated(page);

  // Add a fourth rule with the keyboard only.
  await page.getByRole('button', { name: 'Add rule' }).focus();
  await page.keyboard.press('Enter');
  const domain = page.locator('#ac-3-domain');
  await expect(domain).toBeFocused();
  await page.keyboard.type('jellyfin.example.com');
  await page.keyboard.press('Tab'); // → policy select
  await expect(page.locator('#ac-3-policy')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // one_factor → two_factor
  await expect(page.locator('#ac-3-policy')).toHaveValue('two_factor');
  await expect(page.locator('.output-file')).toContainText("- 'jellyfin.example.com'");

  // The new rule sits below the wildcard, so it can never match.
  const shadowed = page.locator('[data-code="rule-shadowed"]');
  await expect(shadowed).toHaveCount(1);
  await expect(shadowed).toContainText('#3');

  // Move the wildcard (rule 3) to the top with the keyboard: every later rule is now shadowed.
  await page.locator('[data-rule="2"] [data-move="-1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-rule="1"] [data-move="-1"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#ac-0-domain')).toHaveValue('*.example.com');
  await expect(page.locator('[data-code="rule-shadowed"]')).toHaveCount(3);

  // "Go to field" focuses the offending input.
  await page
    .locator('[data-code="rule-shadowed"]')
    .first()
    .getByRole('button', { name: /Go to field/ })
    .click();
  await expect(page.locator('.rule-list :focus')).toHaveCount(1);

  await page.locator('.output-actions').getByRole('button', { name: /^Copy/ }).click();
  await expect(page.locator('#announcer')).toHaveText('Copied access_control.yml');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toMatch(/^access_control:\n {2}default_policy: 'deny'/);
  expect(clip.indexOf("'*.example.com'")).toBeLessThan(clip.indexOf("'jellyfin.example.com'"));
  await context.close();
});

test('rules survive a reload, and the share link restores them in a fresh browser', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(LAYER3);
  await hydrated(page);
  await page.locator('#ac-1-domain').fill('pve.example.com');
  await expect(page.locator('.output-file')).toContainText('pve.example.com');
  await page.waitForTimeout(400); // storage write is debounced
  await page.reload();
  await hydrated(page);
  await expect(page.locator('#ac-1-domain')).toHaveValue('pve.example.com');

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('.state-link input').inputValue();
  expect(link).toContain('#access=v1.');
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await hydrated(other);
  await expect(other.locator('#ac-1-domain')).toHaveValue('pve.example.com');
  await fresh.close();
});

test('the simulator names the rule a URL hits', async ({ page }) => {
  await page.goto(LAYER3);
  await hydrated(page);
  await page.locator('#sim-url').fill('https://grafana.example.com/d/1');
  await expect(page.locator('.simulator-verdict')).toContainText("Rule #3 (domain '*.example.com')");
  await expect(page.locator('.simulator-verdict')).toContainText('one_factor');
  await page.locator('#sim-url').fill('https://example.com/');
  await expect(page.locator('.simulator-verdict')).toContainText('deny');
  await page.locator('#sim-url').fill('not a url');
  await expect(page.locator('#sim-url')).toHaveValue('not a url');
});

test('bad input gets a message on the field and is never cleared', async ({ page }) => {
  await page.goto(LAYER3);
  await hydrated(page);
  await page.locator('[data-rule="0"] summary').click();
  await page.locator('#ac-0-networks').fill('192.168.1.0/33');
  await page.locator('#ac-0-regex').fill('^(unclosed');
  await expect(page.locator('.diagnostics-error')).toContainText('192.168.1.0/33');
  await expect(page.locator('#ac-0-networks')).toHaveValue('192.168.1.0/33');
  await expect(page.locator('#ac-0-regex')).toHaveValue('^(unclosed');
  await expect(page.locator('.output-file')).toContainText('access_control:');
});

test('setup builder: hashes a password in a worker without a long main-thread task, sends nothing, stores no secret', async ({
  page,
}) => {
  const requests: { url: string; body: string }[] = [];
  await page.goto(SETUP);
  await hydrated(page);
  // Let the lazily loaded highlighter arrive first: from here on, nothing may be fetched while typing.
  await expect(page.locator('.output-code')).toBeVisible();
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
  await expect(page.locator('.output-file')).toContainText('$argon2id$v=19$m=65536,t=3,p=4$');
  await expect(page.locator('.output-file')).not.toContainText(password);

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
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('.state-link input').inputValue();
  const payload = Buffer.from(decodeURIComponent(link.split('authelia-setup=v1.')[1]!), 'base64url').toString('utf8');
  expect(payload).not.toContain('argon2id');
  expect(payload).not.toContain('secrets');
});

test('setup builder: configuration.yml starts with the schema line and carries the typed domain', async ({ page }) => {
  await page.goto(SETUP);
  await hydrated(page);
  await page.locator('#as-domain').fill('home.example.net');
  await page.locator('#as-autheliaUrl').fill('https://auth.home.example.net');
  await page.locator('#as-defaultRedirectionUrl').fill('https://dash.home.example.net');
  const file = page.locator('.output-file');
  await expect(file).toContainText(
    '# yaml-language-server: $schema=https://www.authelia.com/schemas/v4.39/json-schema/configuration.json',
  );
  await expect(file).toContainText("domain: 'home.example.net'");
  await page.locator('#as-autheliaUrl').fill('http://auth.home.example.net');
  await expect(page.locator('.diagnostics-error')).toBeVisible();
  await expect(page.locator('#as-autheliaUrl')).toHaveValue('http://auth.home.example.net');
});
