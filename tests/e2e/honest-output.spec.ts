/**
 * Issue 21 items 6, 7 and 11 (builder parts), in Chromium: every builder opens without a red or yellow word; broken
 * output says so over the files and with every copy; an errored NPM host keeps its tab; tabs follow their file; the
 * "Add" buttons, Reset and the example picker behave; codes are never shown as text.
 */
import { expect, test, type Page } from '@playwright/test';
import { BUILDERS } from '../../src/lib/builders/registry';

async function hydrated(page: Page) {
  await page.locator('.builder').first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.builder .output-panel, .builder .builder-empty').first()).toBeVisible();
}

for (const entry of BUILDERS) {
  test(`${entry.title} opens with no error or warning shown`, async ({ page }) => {
    await page.goto(entry.page);
    await hydrated(page);
    const builder = page.locator('.builder').first();
    await expect(builder.locator('.diagnostics-error, .diagnostics-warning')).toHaveCount(0);
    await expect(builder.locator('.field-message-error, .field-message-warning')).toHaveCount(0);
    await expect(builder.locator('.output-errors')).toHaveCount(0);
    // Internal codes stay in data attributes for tests; no reader sees one.
    for (const code of await builder.locator('[data-code]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')))) {
      await expect(builder.getByText(code!, { exact: true })).toHaveCount(0);
    }
  });
}

test('broken output: a banner over the files, and copy and download say the errors', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const page = await context.newPage();
  await page.goto('/guides/authelia-setup/');
  await hydrated(page);
  const builder = page.locator('.builder:has(#as-output-panel)');
  await builder.locator('#as-autheliaUrl').fill('auth.example.com');
  const banner = builder.locator('.output-errors');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/The checks found \d+ errors?/);
  await banner.getByRole('button', { name: 'Go to field' }).first().click();
  await expect(builder.locator('#as-autheliaUrl')).toBeFocused();

  await builder.locator('.output-actions').getByRole('button', { name: /^Copy/ }).click();
  await expect(page.locator('#announcer')).toHaveText(/^Copied configuration\.yml — but the checks found \d+ errors?: /);
  const download = page.waitForEvent('download');
  await builder
    .locator('.output-actions')
    .getByRole('button', { name: /^Download configuration/ })
    .click();
  await download;
  await expect(page.locator('#announcer')).toHaveText(/^Downloaded configuration\.yml — but the checks found \d+ errors?: /);

  // Fixed: the banner goes, and a copy is just a copy.
  await builder.locator('#as-autheliaUrl').fill('https://auth.example.com');
  await expect(banner).toHaveCount(0);
  await builder.locator('.output-actions').getByRole('button', { name: /^Copy/ }).click();
  await expect(page.locator('#announcer')).toHaveText('Copied configuration.yml');
  await context.close();
});

test('NPM: an errored host keeps its tab, and the selected tab stays on its file when a host is added', async ({ page }) => {
  await page.goto('/guides/nginx-proxy-manager/');
  await hydrated(page);
  const builder = page.locator('.builder:has(#npm-output-panel)');
  const tabs = builder.getByRole('tab');
  const before = await tabs.allTextContents();
  const grafana = before.findIndex((name) => name.startsWith('grafana.'));
  expect(grafana).toBeGreaterThan(0);
  await tabs.nth(grafana).click();

  // Adding a host inserts a tab before the checklist: the selection stays on grafana.
  const hosts = await builder.locator('[data-host]').count();
  await builder.getByRole('button', { name: 'Add host' }).click();
  await expect(page.locator(`#npm-${hosts}-hostname`)).toBeFocused();
  await expect(tabs.filter({ hasText: /^host-\d+\.advanced\.conf$/ })).toHaveCount(1);
  await expect(builder.getByRole('tab', { selected: true })).toHaveText(before[grafana]!);

  // The new, empty host has a tab that says why there is no snippet.
  await tabs.filter({ hasText: /^host-\d+\.advanced\.conf$/ }).click();
  await expect(builder.locator('.output-file')).toContainText('no snippet');
  await expect(builder.locator('.output-errors')).toBeVisible();
});

test('Authelia setup: "Add user" puts the keyboard on the new row', async ({ page }) => {
  await page.goto('/guides/authelia-setup/');
  await hydrated(page);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('#as-users-1-username')).toBeFocused();
});

test('Tailscale: Reset also resets the example picker; the Headscale URL starts empty with a placeholder', async ({ page }) => {
  await page.goto('/guides/tailscale/');
  await hydrated(page);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.locator('#ts-preset').selectOption('headscale');
  await page.getByRole('button', { name: 'Load example' }).click();
  const url = page.locator('#ts-loginServer');
  await expect(url).toHaveValue('');
  await expect(url).toHaveAttribute('placeholder', 'https://headscale.example.com');
  await expect(page.locator('.builder .output-file')).toContainText('--login-server=https://headscale.example.com');
  await expect(page.locator('.builder .diagnostics-error, .builder .diagnostics-warning')).toHaveCount(0);

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('#ts-coordination')).toHaveValue('tailscale');
  await expect(page.locator('#ts-preset')).toHaveValue('article');
});

test('Tailscale: a router name with accents is fixed by transliterating', async ({ page }) => {
  await page.goto('/guides/tailscale/');
  await hydrated(page);
  await page.locator('#ts-hostname').fill('routér-ü');
  await expect(page.locator('#ts-hostname-messages [data-fix]')).toHaveAttribute('data-fix', 'router-u');
});

test('a message shown under its field is not repeated under Checks, which names the field instead', async ({ page }) => {
  await page.goto('/guides/tailscale/');
  await hydrated(page);
  const builder = page.locator('.builder').first();
  const routes = builder.locator('#ts-routes');
  await routes.fill('192.168.1.10/24');
  // Read once: under the field. The checks keep the count and name the field, and lead back to it.
  await expect(builder.locator('#ts-routes-messages')).toContainText('has non-address bits set');
  await expect(builder.getByText(/has non-address bits set/)).toHaveCount(1);
  await expect(builder.locator('.diagnostics-error h3')).toHaveText('Errors (1)');
  const entry = builder.locator('.diagnostics-error li');
  await expect(entry).toHaveText(/^Shown under Routes to advertise \(--advertise-routes\)\. Go to field/);
  await routes.blur();
  await entry.getByRole('button', { name: 'Go to field Routes to advertise (--advertise-routes)' }).click();
  await expect(routes).toBeFocused();
});

test('a check on a field that shows no messages is listed in full, and "Go to field" says which field', async ({ page }) => {
  await page.goto('/guides/authelia-forward-auth/');
  await hydrated(page);
  const builder = page.locator('.builder:has(#ac-0-domain)');
  const domain = builder.locator('#ac-0-domain');
  await domain.fill('*example.com');
  const entry = builder.locator('.diagnostics-warning [data-code="rule-domain-ineffective-wildcard"]');
  await expect(entry).toContainText('*example.com');
  await expect(entry).not.toHaveClass(/diagnostic-at-field/);
  // The rule's domains are one field for many values: the button names that field, never the internal path.
  const go = entry.getByRole('button', { name: 'Go to field Domains' });
  await expect(go).toBeVisible();
  await expect(entry).not.toContainText('rules[');
  await go.click();
  await expect(domain).toBeFocused();
});
