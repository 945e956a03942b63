import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function hydrated(page: Page) {
  await page.locator('.builder').first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.profile-panel').first()).toBeVisible();
}

async function saveProfile(page: Page, domain: string, lan: string) {
  const panel = page.locator('.profile-panel').first();
  await panel.locator('summary').click();
  await panel.getByLabel('Base domain').fill(domain);
  await panel.getByLabel('LAN ranges').fill(lan);
  await panel.getByLabel('Server LAN IP').fill(lan.replace(/0\/\d+$/, '10'));
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(panel.locator('.profile-message')).toContainText('Profile saved');
}

test('type the profile once and find every builder filled in', async ({ page }) => {
  await page.goto('/guides/authelia-forward-auth/');
  await hydrated(page);
  await saveProfile(page, 'home.example.net', '10.20.30.0/24');
  await expect(page.locator('.output-file')).toContainText("'proxmox.home.example.net'");
  await expect(page.locator('.profile-status').first()).toContainText('filled in from your homelab profile');

  await page.goto('/guides/authelia-setup/');
  await hydrated(page);
  await expect(page.locator('#as-domain')).toHaveValue('home.example.net');
  await expect(page.locator('.builder').first().locator('.output-file')).toContainText(
    "authelia_url: 'https://auth.home.example.net'",
  );

  await page.goto('/guides/tailscale/');
  await hydrated(page);
  await expect(page.locator('.output-file')).toContainText('--advertise-routes=10.20.30.0/24');

  await page.goto('/guides/nginx-proxy-manager/');
  await hydrated(page);
  await expect(page.getByRole('tab', { name: 'proxmox.home.example.net.advanced.conf' })).toBeVisible();

  // Internal DNS: the same hosts NPM proxies, by name under the whole domain, answering the server's address.
  await page.goto('/guides/internal-dns/');
  await hydrated(page);
  await expect(page.locator('#dns-serverIp')).toHaveValue('10.20.30.10');
  await expect(page.locator('#dns-zone')).toHaveValue('');
  await expect(page.locator('#dns-internalNames')).toHaveValue('auth\nproxmox\njellyfin');
  await expect(page.locator('.dns-builder .output-file')).toContainText('address=/proxmox.home.example.net/10.20.30.10');
});

test('a builder edited by hand says so, ignores profile changes, and re-syncs on request', async ({ page }) => {
  await page.goto('/guides/authelia-forward-auth/');
  await hydrated(page);
  await saveProfile(page, 'lab.example.org', '192.168.50.0/24');
  await page.locator('#ac-0-domain').fill('nas.lab.example.org');
  const status = page.locator('.profile-status').first();
  await expect(status).toContainText('edited this builder by hand');

  const panel = page.locator('.profile-panel').first();
  await panel.getByLabel('Base domain').fill('lab2.example.org');
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('#ac-0-domain')).toHaveValue('nas.lab.example.org');

  await page.reload();
  await hydrated(page);
  await expect(page.locator('#ac-0-domain')).toHaveValue('nas.lab.example.org');
  await page.getByRole('button', { name: 'Re-sync with profile' }).click();
  await expect(page.locator('#ac-0-domain')).toHaveValue('proxmox.lab2.example.org');
  await expect(status).toContainText('filled in from your homelab profile');
});

test('the profile exports as JSON, imports back, and travels by link without secrets', async ({ page, browser }) => {
  await page.goto('/guides/authelia-setup/');
  await hydrated(page);
  await saveProfile(page, 'export.example.com', '192.168.7.0/24');
  const panel = page.locator('.profile-panel').first();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('homelab-profile.json');
  const saved = join(mkdtempSync(join(tmpdir(), 'profile-')), 'homelab-profile.json');
  await download.saveAs(saved);
  const json = JSON.parse(readFileSync(saved, 'utf8'));
  expect(json).toMatchObject({ version: 1, domain: 'export.example.com', lanCidrs: ['192.168.7.0/24'] });
  expect(JSON.stringify(json)).not.toMatch(/argon2|secret|password/i);

  await panel.getByLabel('Base domain').fill('changed.example.com');
  await panel.locator('input[type="file"]').setInputFiles(saved);
  await expect(panel.getByLabel('Base domain')).toHaveValue('export.example.com');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: 'Copy profile link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#profile=v1.');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await hydrated(other);
  const otherPanel = other.locator('.profile-panel').first();
  await otherPanel.getByRole('button', { name: 'Load it into the editor' }).click();
  await expect(otherPanel.getByLabel('Base domain')).toHaveValue('export.example.com');
  await fresh.close();
});

test('a profile opened from a link says it is not applied until saved, and applies with one action', async ({ page }) => {
  const { encodeShare } = await import('../../src/lib/core/share');
  const { PROFILE_SCHEMA } = await import('../../src/lib/profile/form');
  const { defaultProfile } = await import('../../src/lib/profile/model');
  await page.goto('/guides/authelia-forward-auth/');
  await hydrated(page);
  await saveProfile(page, 'mine.example.org', '192.168.8.0/24');
  await expect(page.locator('#ac-0-domain')).toHaveValue('proxmox.mine.example.org');

  const linked = { ...defaultProfile, domain: 'linked.example.net' };
  await page.goto(`/guides/authelia-forward-auth/#profile=${encodeShare(linked, defaultProfile, PROFILE_SCHEMA)}`);
  await page.reload();
  await hydrated(page);
  const panel = page.locator('.profile-panel').first();
  await expect(panel.locator('.state-notice')).toContainText('not applied until you save it');
  await panel.getByRole('button', { name: 'Load it into the editor' }).click();
  const notice = panel.locator('[data-linked-profile]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('not applied yet');
  await expect(notice).toContainText('your saved profile (mine.example.org)');
  await expect(panel.getByLabel('Base domain')).toHaveValue('linked.example.net'); // the saved profile does not replace it
  await expect(page.locator('#ac-0-domain')).toHaveValue('proxmox.mine.example.org'); // nothing applied yet

  await notice.getByRole('button', { name: 'Save and apply this profile' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.locator('#ac-0-domain')).toHaveValue('proxmox.linked.example.net');
  await expect(page.locator('.profile-status').first()).toContainText('Profile: linked.example.net');
});
