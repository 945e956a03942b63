import { expect, test, type Page } from '@playwright/test';
import { expectSettled, expectStored, expectListedAtField } from './helpers';

const LAYER2 = '/guides/nginx-proxy-manager/';
const SETUP = '/guides/authelia-setup/';
const LAYER3 = '/guides/authelia-forward-auth/';

/** The NPM builder (the setup page embeds a second builder too). */
const npm = (page: Page) => page.locator('.builder:has(#npm-portalUrl)');

async function hydrated(page: Page) {
  await page.locator('.builder').last().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(npm(page)).toBeVisible();
}

const tab = (page: Page, name: string) => npm(page).getByRole('tab', { name, exact: true });
const output = (page: Page) => npm(page).locator('.output-file');

test('the default example: the portal and two protected apps, one tab per host plus the checklist', async ({ page }) => {
  await page.goto(LAYER2);
  await hydrated(page);
  await expect(npm(page).getByRole('tab')).toHaveText([
    'auth.example.com.advanced.conf',
    'nextcloud.example.com.advanced.conf',
    'grafana.example.com.advanced.conf',
    'npm-checklist.md',
  ]);
  await expect(output(page)).not.toContainText('auth_request /internal/authelia/authz;');
  await tab(page, 'grafana.example.com.advanced.conf').click();
  await expect(output(page)).toContainText('auth_request /internal/authelia/authz;');
  await expect(output(page)).toContainText('proxy_set_header Upgrade $http_upgrade;');
  await expect(npm(page).locator('.diagnostics-error, .diagnostics-warning')).toHaveCount(0);
});

test('add a host, protect it, reorder and remove it with the keyboard; its snippet tab follows', async ({ page }) => {
  await page.goto(LAYER2);
  await hydrated(page);

  await npm(page).getByRole('button', { name: 'Add host' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#npm-3-hostname')).toBeFocused();
  await page.keyboard.type('jellyfin.example.com');
  await page.keyboard.press('Tab');
  const protectedBox = page.locator('#npm-3-protected');
  await expect(protectedBox).toBeFocused();
  // New rows start protected: switch it off, then on again, by keyboard.
  await page.keyboard.press('Space');
  await expect(protectedBox).not.toBeChecked();
  await tab(page, 'jellyfin.example.com.advanced.conf').click();
  await expect(output(page)).toContainText('jellyfin.example.com');
  await expect(output(page)).not.toContainText('auth_request /internal/authelia/authz;');
  await expect(npm(page).locator('[data-code="host-unprotected"]')).toHaveCount(1);

  await protectedBox.focus();
  await page.keyboard.press('Space');
  await expect(protectedBox).toBeChecked();
  await expect(output(page)).toContainText('auth_request /internal/authelia/authz;');
  await expect(output(page)).toContainText('error_page 401 =302 $authelia_redirect;');
  await expect(output(page)).toContainText('proxy_pass $forward_scheme://$server:$port;');

  // Move it above grafana; focus stays on the button of the moved host, and the tabs follow the new order.
  await page.locator('[data-host="3"] [data-move="-1"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-host="2"] [data-move="-1"]')).toBeFocused();
  await expect(page.locator('#npm-2-hostname')).toHaveValue('jellyfin.example.com');
  await expect(npm(page).getByRole('tab').nth(2)).toHaveText('jellyfin.example.com.advanced.conf');

  // Remove it: its tab disappears and focus goes to "Add host".
  await page.locator('[data-host="2"] button.danger').focus();
  await page.keyboard.press('Enter');
  await expect(npm(page).getByRole('button', { name: 'Add host' })).toBeFocused();
  await expect(tab(page, 'jellyfin.example.com.advanced.conf')).toHaveCount(0);
  await expect(page.locator('#npm-2-hostname')).toHaveValue('grafana.example.com');
});

test('Cache Assets on a protected host: a warning about the shared cache on the toggle and in the checks', async ({ page }) => {
  await page.goto(LAYER2);
  await hydrated(page);
  const box = page.locator('#npm-1-cacheAssets');
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  const onField = page.locator('#npm-1-cacheAssets-msg [data-code="cache-assets-shared"]');
  await expect(onField).toContainText('Cache Assets');
  await expect(box).toHaveAttribute('aria-describedby', 'npm-1-cacheAssets-msg');
  // The checks name the toggle instead of repeating the message, and "Go to field" brings focus back to it.
  const listed = npm(page).locator('.diagnostics-warning [data-code="cache-assets-shared"]');
  await expectListedAtField(listed, box, 'shared');
});

for (const [typed, code] of [
  ['https://evil.example.com', 'hostname-scheme'],
  ['evil.example.com:8443', 'hostname-port'],
  ['evil.example.com;return', 'hostname-invalid'],
  ['evil.example.com";', 'hostname-invalid'],
] as const) {
  test(`a hostname like ${typed}: error on the field, text kept as typed, nothing raw in any file`, async ({ page }) => {
    await page.goto(LAYER2);
    await hydrated(page);
    const field = page.locator('#npm-1-hostname');
    await field.fill(typed);
    await expect(page.locator(`#npm-1-hostname-msg [data-code="${code}"]`)).toBeVisible();
    // The message quotes the text as typed (JSON-escaped).
    await expect(page.locator('#npm-1-hostname-msg .field-error')).toContainText(JSON.stringify(typed));
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', 'npm-1-hostname-hint npm-1-hostname-msg');
    await expect(field).toHaveValue(typed);

    const tabs = npm(page).getByRole('tab');
    // The errored host keeps its tab (issue 21 item 6), which says there is no snippet instead of vanishing.
    await expect(tabs).toHaveText([
      'auth.example.com.advanced.conf',
      'host-2.advanced.conf',
      'grafana.example.com.advanced.conf',
      'npm-checklist.md',
    ]);
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await expect(output(page)).not.toContainText('evil');
    }
    await page.reload();
    await hydrated(page);
    await expect(page.locator('#npm-1-hostname')).toHaveValue(typed);
  });
}

test('copy a snippet: the clipboard holds the stamped Advanced text', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const page = await context.newPage();
  await page.goto(LAYER2);
  await hydrated(page);
  // Pick the nextcloud tab with the keyboard (arrow keys move between tabs).
  await page.locator('#npm-output-tab-0').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'nextcloud.example.com.advanced.conf')).toBeFocused();
  await npm(page).locator('.output-actions').getByRole('button', { name: /^Copy/ }).click();
  await expect(page.locator('#announcer')).toHaveText('Copied nextcloud.example.com.advanced.conf');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toMatch(
    /^# Generated by Homelab Front Door [\d.]+ for Nginx Proxy Manager 2\.15 \+ Authelia 4\.39 on \d{4}-\d{2}-\d{2}\.\n/,
  );
  expect(clip).toContain('location /internal/authelia/authz {');
  expect(clip).toContain('auth_request /internal/authelia/authz;');
  expect(clip).toContain('proxy_pass $forward_scheme://$server:$port;');
  expect(clip).not.toMatch(/^\s*server\s*\{/m);
  await context.close();
});

test('the hosts survive a reload, and the share link restores them in a fresh browser', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(LAYER2);
  await hydrated(page);
  await page.locator('#npm-2-hostname').fill('grafana.home.example.com');
  await page.locator('#npm-2-paths').fill('/admin\n/api/admin');
  await page.locator('#npm-0-hsts').check();
  await expect(tab(page, 'grafana.home.example.com.advanced.conf')).toBeVisible();
  await expectStored(page, 'npm', 'grafana.home.example.com', '/api/admin', '"hsts":true'); // debounced write ran
  await page.reload();
  await hydrated(page);
  await expect(page.locator('#npm-2-hostname')).toHaveValue('grafana.home.example.com');
  await expect(page.locator('#npm-2-paths')).toHaveValue('/admin\n/api/admin');
  await expect(page.locator('#npm-0-hsts')).toBeChecked();

  await npm(page).getByRole('button', { name: 'Copy share link' }).click();
  const link = await npm(page).locator('.state-link input').inputValue();
  expect(link).toContain('#npm=v1.');
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await hydrated(other);
  await expect(other.locator('#npm-2-hostname')).toHaveValue('grafana.home.example.com');
  await expect(other.locator('#npm-2-paths')).toHaveValue('/admin\n/api/admin');
  await expect(other.locator('#npm-0-hsts')).toBeChecked();
  await tab(other, 'grafana.home.example.com.advanced.conf').click();
  await expect(output(other)).toContainText('location ^~ /api/admin {');
  await fresh.close();
});

test('typing makes no network request at all', async ({ page }) => {
  await page.goto(LAYER2);
  await hydrated(page);
  // Let the lazily loaded highlighter arrive first: from here on, nothing may be fetched.
  await expect(npm(page).locator('.output-code')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.locator('#npm-portalUrl').fill('');
  await page.locator('#npm-portalUrl').pressSequentially('https://login.example.com');
  await page.locator('#npm-1-hostname').fill('');
  await page.locator('#npm-1-hostname').pressSequentially('cloud.example.com');
  await page.locator('#npm-1-paths').pressSequentially('/secret');
  await page.locator('#npm-1-customLocations').pressSequentially('/public');
  await expect(npm(page).locator('[data-code="custom-location-no-identity"]').first()).toBeVisible();
  await expect(tab(page, 'login.example.com.advanced.conf')).toBeVisible();
  await expectSettled(page, npm(page), 'npm', '/public'); // debounced highlighting and storage have run
  expect(requests).toEqual([]);
});

test('the Authelia setup page embeds the builder, and Layer 3 links to it', async ({ page, context }) => {
  // The setup page's first builder is Authelia's; this second one loads when asked for (keyboard here), and focus
  // moves into it when it arrives.
  await page.goto(SETUP);
  const open = page.getByRole('button', { name: 'Open the snippet builder' });
  await open.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(npm(page)).toHaveCount(0);
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(npm(page)).toBeVisible();
  await expect(tab(page, 'nextcloud.example.com.advanced.conf')).toBeVisible();
  await expect(npm(page).locator(':focus')).toHaveCount(1);

  // A share link made by that builder opens it at once.
  await npm(page).locator('#npm-portalUrl').fill('https://login.example.com');
  await npm(page).getByRole('button', { name: 'Copy share link' }).click();
  const link = await npm(page).locator('.state-link input').inputValue();
  expect(link).toContain('/guides/authelia-setup/#npm=v1.');
  const other = await context.newPage();
  await other.goto(link);
  await expect(npm(other)).toBeVisible();
  await expect(npm(other).locator('#npm-portalUrl')).toHaveValue('https://login.example.com');
  await other.close();
  await page.goto(LAYER3);
  await page.getByRole('link', { name: 'the snippet builder in the NPM guide' }).click();
  await expect(page).toHaveURL(/\/guides\/nginx-proxy-manager\/#protect-hosts-with-authelia$/);
  await hydrated(page);
});

test('the builder fits a 320 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(LAYER2);
  await hydrated(page);
  await page.locator('#npm-1-cacheAssets').check();
  await expect(page.locator('#npm-1-cacheAssets-msg')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the snippet is highlighted as nginx (the grammar ships without Lua)', async ({ page }) => {
  await page.goto(LAYER2);
  await hydrated(page);
  const code = npm(page).locator('.output-code pre.shiki');
  await expect(code).toBeVisible();
  expect(await code.locator('span[style*="--shiki-dark"]').count()).toBeGreaterThan(20);
  // Directives and variables get a colour of their own, not the block's default text colour.
  const colours = await code.evaluate(
    (pre) => new Set([...pre.querySelectorAll('span[style]')].map((s) => s.getAttribute('style'))).size,
  );
  expect(colours).toBeGreaterThan(3);
  const shown = await code.evaluate((pre) => pre.textContent);
  expect(shown).toMatch(/proxy_(pass|set_header) /);
});

test('the Authelia upstream typed as "authelia": the fix gives http://authelia:9091 (Authelia\'s port), and the error goes away', async ({
  page,
}) => {
  await page.goto(LAYER2);
  await hydrated(page);
  const field = page.locator('#npm-autheliaUpstream');
  await field.fill('authelia');
  const message = page.locator('#npm-autheliaUpstream-msg [data-code="upstream-missing-scheme"]');
  await expect(message).toBeVisible();
  await message.getByRole('button', { name: 'Use http://authelia:9091' }).click();
  await expect(field).toHaveValue('http://authelia:9091');
  await expect(page.locator('#npm-autheliaUpstream-msg')).toHaveCount(0);
  await tab(page, 'nextcloud.example.com.advanced.conf').click();
  await expect(output(page)).toContainText('set $upstream_authelia http://authelia:9091/api/authz/auth-request;');
});

test('protected snippets check Authelia at server level and refuse client-sent Remote-* headers', async ({ page }) => {
  await page.goto(LAYER2);
  await hydrated(page);
  await tab(page, 'nextcloud.example.com.advanced.conf').click();
  await expect(output(page)).toContainText('if ($authelia_forged != "") {');
  await expect(output(page)).toContainText("Authelia checks every request to this host, in every location, NPM's Cache Assets");
  await expect(output(page)).not.toContainText('Every request is checked by Authelia first');
});

test('real client IP: Cloudflare Tunnel asks for the Docker network, warns on 172.16.0.0/12, writes the lines and the notes file', async ({
  page,
}) => {
  await page.goto(LAYER2);
  await hydrated(page);
  await expect(page.locator('#npm-realIp-dockerNetwork')).toHaveCount(0);
  await page.locator('#npm-realIp-mode').selectOption('cloudflared');
  const network = page.locator('#npm-realIp-dockerNetwork');
  await expect(page.locator('#npm-realIp-dockerNetwork-msg [data-code="realip-docker-network-empty"]')).toBeVisible();
  await network.fill('172.16.0.0/12');
  await expect(page.locator('#npm-realIp-dockerNetwork-msg [data-code="realip-trust-broad"]')).toBeVisible();
  await network.fill('172.18.0.0/16');
  await expect(page.locator('#npm-realIp-dockerNetwork-msg')).toHaveCount(0);
  await tab(page, 'nextcloud.example.com.advanced.conf').click();
  await expect(output(page)).toContainText('set_real_ip_from 172.18.0.0/16;');
  await expect(output(page)).toContainText('real_ip_header CF-Connecting-IP;');
  await tab(page, 'real-client-ip.md').click();
  await expect(output(page)).toContainText('use_x_forwarded_for: true');
  await expect(output(page)).toContainText("'trusted_proxies' => ['172.18.0.0/16'],");
});

test('portal and cookie domain disagree: the one-click fix keeps whichever the reader changed last', async ({ page }) => {
  await page.goto(LAYER2);
  await hydrated(page);
  const portal = page.locator('#npm-portalUrl');
  const cookie = page.locator('#npm-cookieDomain');
  await cookie.fill('example.com');

  // The reader moves the portal: the cookie domain is what the fix changes, and the new portal stays.
  await portal.fill('https://auth.example.net');
  const onCookie = page.locator('#npm-cookieDomain-msg [data-code="portal-outside-cookie-domain"]');
  await expect(onCookie).toContainText('outside the cookie domain example.com');
  await expect(page.locator('#npm-portalUrl-msg [data-code="portal-outside-cookie-domain"]')).toHaveCount(0);
  await onCookie.getByRole('button', { name: 'Use example.net' }).click();
  await expect(cookie).toHaveValue('example.net');
  await expect(portal).toHaveValue('https://auth.example.net');
  await expect(npm(page).locator('[data-code="portal-outside-cookie-domain"]')).toHaveCount(0);

  // The reader changes the cookie domain: now the portal moves under it.
  await cookie.fill('example.org');
  const onPortal = page.locator('#npm-portalUrl-msg [data-code="portal-outside-cookie-domain"]');
  await expect(onPortal).toContainText('outside the cookie domain example.org');
  await onPortal.getByRole('button', { name: 'Use https://auth.example.org' }).click();
  await expect(portal).toHaveValue('https://auth.example.org');
  await expect(cookie).toHaveValue('example.org');
  await expect(npm(page).locator('[data-code="portal-outside-cookie-domain"]')).toHaveCount(0);
});
