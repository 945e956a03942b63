import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectSettled, expectStored, expectListedAtField } from './helpers';

const GUIDE = '/guides/internal-dns/';

async function hydrated(page: Page) {
  await page.locator('.dns-builder').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Fails the test on any uncaught error in the page (a crash on some input). */
function noCrash(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const output = (page: Page) => page.locator('.dns-builder .output-file');
const tabs = (page: Page) => page.locator('.dns-builder [role="tab"]');

test('the builder renders the guide’s example with no error, and the fallback is replaced', async ({ page }) => {
  const errors = noCrash(page);
  await page.goto(GUIDE);
  await hydrated(page);
  await expect(page.locator('.builder-fallback')).toHaveCount(0);
  await expect(page.locator('#dns-domain')).toHaveValue('example.com');
  await expect(page.locator('#dns-zone')).toHaveValue('home');
  await expect(page.locator('#dns-serverIp')).toHaveValue('192.168.1.10');
  await expect(page.locator('#dns-server')).toHaveValue('dnsmasq');
  await expect(page.locator('.dns-builder .diagnostics-error')).toHaveCount(0);
  await expect(page.locator('.dns-builder [aria-invalid="true"]')).toHaveCount(0);
  await expect(page.locator('.builder-incomplete')).toHaveCount(0);
  await expect(output(page)).toContainText('home.example.com');
  await expect(output(page)).toContainText('192.168.1.10');
  expect(errors).toEqual([]);
});

test('a public name under the wildcard gets its message on the field, typed with the keyboard', async ({ page }) => {
  const errors = noCrash(page);
  await page.goto(GUIDE);
  await hydrated(page);
  const field = page.locator('#dns-publicNames');
  await field.focus();
  await page.keyboard.type('status.home.example.com');
  const messages = page.locator('#dns-publicNames-messages');
  await expect(messages.locator('[data-code="public-exception"]')).toContainText('status.home.example.com');
  await expect(messages.locator('[data-code="public-exception"]')).toContainText('*.home.example.com');
  await expect(field).toHaveAttribute('aria-describedby', /dns-publicNames-messages/);
  await expect(field).toHaveValue('status.home.example.com');
  await expectListedAtField(
    page.locator('.dns-builder .diagnostics [data-code="public-exception"]'),
    field,
    'status.home.example.com',
  );
  await expect(output(page)).toContainText('status.home.example.com');

  // The whole domain as the zone, with the wildcard: a warning on the zone field, with its fix a key press away.
  const zone = page.locator('#dns-zone');
  await zone.fill('');
  const zoneMessages = page.locator('#dns-zone-messages');
  await expect(zoneMessages.locator('[data-code="zone-whole-domain"]')).toContainText('A wildcard for all of example.com');
  await zone.focus();
  await page.keyboard.press('Tab');
  const fix = zoneMessages.getByRole('button', { name: 'Apply fix (use home)' });
  await expect(fix).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(zone).toHaveValue('home');
  await expect(zone).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Internal zone changed to home');
  await expect(zoneMessages).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('each server gets its own files, and Copy puts the shown file on the clipboard', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const page = await context.newPage();
  const errors = noCrash(page);
  await page.goto(GUIDE);
  await hydrated(page);
  const names = async () => (await tabs(page).allTextContents()).join(' | ');
  const seen = new Map<string, string>([['dnsmasq', await names()]]);

  // Chosen with the keyboard: dnsmasq → unbound → pihole → adguard → technitium.
  await page.locator('#dns-server').focus();
  for (const server of ['unbound', 'pihole', 'adguard', 'technitium']) {
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#dns-server')).toHaveValue(server);
    await expect.poll(names).not.toBe([...seen.values()].at(-1));
    seen.set(server, await names());
    await expect(output(page)).toContainText('home.example.com');
  }
  // Five servers, five different sets of files.
  expect(new Set(seen.values()).size).toBe(5);

  // The first tab is shown; Copy takes exactly that file, stamped with its provenance.
  const first = (await tabs(page).first().textContent())!;
  await page.locator('.dns-builder .output-actions').getByRole('button', { name: /^Copy/ }).click();
  await expect(page.locator('#announcer')).toHaveText(`Copied ${first}`);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toContain('Generated by Homelab Front Door');
  expect(clip).toContain('Technitium');
  expect(clip).toContain('home.example.com');
  expect(errors).toEqual([]);
  await context.close();
});

test('state survives a reload, and the share link restores it in a fresh browser', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(GUIDE);
  await hydrated(page);
  await page.locator('#dns-domain').fill('lab.example.net');
  await page.locator('#dns-zone').fill('int');
  await page.locator('#dns-internalNames').fill('jellyfin\nnas');
  await page.locator('#dns-server').selectOption('unbound');
  await expect(output(page)).toContainText('jellyfin.int.lab.example.net');
  await expectStored(page, 'internal-dns', 'lab.example.net', 'jellyfin', '"server":"unbound"'); // debounced write ran
  await page.reload();
  await hydrated(page);
  await expect(page.locator('#dns-domain')).toHaveValue('lab.example.net');
  await expect(page.locator('#dns-zone')).toHaveValue('int');
  await expect(page.locator('#dns-internalNames')).toHaveValue('jellyfin\nnas');
  await expect(page.locator('#dns-server')).toHaveValue('unbound');

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('.state-link input').inputValue();
  expect(link).toContain('#internal-dns=v1.');
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await hydrated(other);
  await expect(other.locator('#dns-domain')).toHaveValue('lab.example.net');
  await expect(other.locator('#dns-zone')).toHaveValue('int');
  await expect(other.locator('#dns-internalNames')).toHaveValue('jellyfin\nnas');
  await expect(other.locator('#dns-server')).toHaveValue('unbound');
  await expect(other.locator('.dns-builder .output-file')).toContainText('nas.int.lab.example.net');
  await fresh.close();
});

test('a bad IP gets a message on the field and stays as typed; the builder never crashes', async ({ page }) => {
  const errors = noCrash(page);
  await page.goto(GUIDE);
  await hydrated(page);
  const ip = page.locator('#dns-serverIp');
  const messages = page.locator('#dns-serverIp-messages');
  const CASES: { input: string; code: string; text: RegExp }[] = [
    { input: '192.168.1.300', code: 'server-ip-invalid', text: /is not an IPv4 address/ },
    { input: '192.168.1', code: 'server-ip-invalid', text: /four numbers 0–255/ },
    { input: 'fd00::10', code: 'server-ip-invalid', text: /enter the IPv4 one/ },
    { input: '127.0.0.1', code: 'server-ip-unusable', text: /cannot be the proxy's address/ },
    { input: ' 💥<script>', code: 'server-ip-invalid', text: /is not an IPv4 address/ },
  ];
  for (const c of CASES) {
    await ip.fill(c.input);
    await expect(messages.locator(`[data-code="${c.code}"]`), c.input).toContainText(c.text);
    await expect(ip).toHaveValue(c.input);
    await expect(ip).toHaveAttribute('aria-invalid', 'true');
    await expect(ip).toHaveAttribute('aria-describedby', /dns-serverIp-messages/);
    await expect(page.locator('.builder-incomplete')).toBeVisible();
  }
  await ip.fill('192.168.1.10');
  await expect(messages).toHaveCount(0);
  await expect(ip).not.toHaveAttribute('aria-invalid', 'true');

  // Other fields keep what was typed too.
  await page.locator('#dns-upstreams').fill('dns.quad9.net');
  await expect(page.locator('#dns-upstreams-messages [data-code="upstream-invalid"]')).toBeVisible();
  await expect(page.locator('#dns-upstreams')).toHaveValue('dns.quad9.net');
  await page.locator('#dns-tailnetIp').fill('10.0.0.5');
  await expect(page.locator('#dns-tailnetIp-messages [data-code="tailnet-ip-invalid"]')).toBeVisible();
  await expect(page.locator('#dns-tailnetIp')).toHaveValue('10.0.0.5');
  expect(errors).toEqual([]);
});

test('typing makes no network request at all', async ({ page }) => {
  await page.goto(GUIDE);
  await hydrated(page);
  // Let the lazily loaded highlighter arrive first: from here on, nothing may be fetched.
  await expect(page.locator('.dns-builder .output-code')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.locator('#dns-domain').fill('');
  await page.locator('#dns-domain').pressSequentially('homelab.example.org');
  await page.locator('#dns-internalNames').pressSequentially('jellyfin, immich');
  await page.locator('#dns-publicNames').pressSequentially('blog.homelab.example.org');
  await expect(output(page)).toContainText('address=/immich.home.homelab.example.org/192.168.1.10');
  await expectSettled(page, page.locator('.dns-builder'), 'internal-dns', 'blog.homelab.example.org'); // write, highlight ran
  await expect(page.locator('.dns-builder .output-code')).toBeVisible();
  expect(requests).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe (WCAG 2.2 AA, ${scheme}): the hydrated builder with field errors, a fix button and notes`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(GUIDE);
    await hydrated(page);
    await page.locator('#dns-zone').fill('');
    await page.locator('#dns-serverIp').fill('192.168.1.300');
    await page.locator('#dns-publicNames').fill('blog.example.com');
    await expect(page.locator('#dns-zone-messages button[data-fix]')).toBeVisible();
    await expect(page.locator('#dns-serverIp-messages')).toBeVisible();
    await page.locator('#dns-serverIp').fill('192.168.1.10');
    await expect(page.locator('.dns-builder .output-code')).toBeVisible();
    await page.locator('#dns-serverIp').fill('192.168.1.300');
    const results = await new AxeBuilder({ page })
      .include('.dns-builder')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
}
