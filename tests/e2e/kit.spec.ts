import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { storedState, expectListedAtField } from './helpers';

const PAGE = '/kit/';
const DOMAIN = 'kit.example.net';
const PASSWORD = 'Correct-Horse-Battery-42';

/** Every request of the context (pages and workers), with its body. */
function recordRequests(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on('request', (r) => requests.push(r));
  return requests;
}

const kit = (page: Page) => page.locator('.kit-builder');
const panel = (page: Page) => page.locator('.profile-panel');
const downloadButton = (page: Page) => page.getByRole('button', { name: 'Download the kit' });

/** The island has rendered and the profile editor (loaded on demand, open on this page) is there. */
async function ready(page: Page) {
  await page.goto(PAGE);
  await expect(kit(page)).toBeVisible();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(panel(page).getByLabel('Base domain')).toBeVisible();
}

async function saveProfile(page: Page, domain: string, lan: string, server: string) {
  await panel(page).getByLabel('Base domain').fill(domain);
  await panel(page).getByLabel('LAN ranges').fill(lan);
  await panel(page).getByLabel('Server LAN IP').fill(server);
  await panel(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(panel(page).locator('.profile-message')).toContainText('Profile saved');
}

/** The file names the tree lists, in its order. */
async function treeFiles(page: Page): Promise<string[]> {
  return page.locator('.kit-tree button[data-file]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-file')!));
}

test('fill a profile, hash a password, see every cross-check pass and download the kit: nothing sent, nothing kept', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const requests = recordRequests(context);
  const page = await context.newPage();
  await ready(page);

  // A new reader has no profile saved yet: the kit waits for one.
  await expect(downloadButton(page)).toBeDisabled();
  await expect(page.locator('#kit-download-note')).toContainText('Save your profile above first');

  await saveProfile(page, DOMAIN, '10.1.2.0/24', '10.1.2.10');
  await page.getByLabel('Password for ana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Hash the password for ana' }).click();
  await expect(kit(page).getByText('Hashed with argon2id.')).toBeVisible();

  // The cross-checks are clean and the download is offered.
  await expect(kit(page).locator('.kit-checks-ok')).toHaveText('Every cross-check passed: the files agree with each other.');
  await expect(downloadButton(page)).toBeEnabled();
  const listed = await treeFiles(page);
  for (const name of ['compose.yaml', '.env.example', '.gitignore', 'create-secrets.sh', 'README.md'])
    expect(listed).toContain(name);
  for (const name of ['authelia/configuration.yml', 'authelia/users_database.yml', 'npm/checklist.md', 'ssh/00-homelab.conf'])
    expect(listed).toContain(name);
  expect(listed).toContain(`npm/auth.${DOMAIN}.advanced.conf`);
  expect(listed).toContain(`npm/proxmox.${DOMAIN}.advanced.conf`);

  const saved = page.waitForEvent('download');
  await downloadButton(page).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe('front-door-kit.zip');
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));

  // Exactly the files the tree lists, under their exact names, with the content the page shows.
  expect(Object.keys(zip).sort()).toEqual([...listed].sort());
  const config = strFromU8(zip['authelia/configuration.yml']!);
  expect(config).toContain(`authelia_url: 'https://auth.${DOMAIN}'`);
  const users = strFromU8(zip['authelia/users_database.yml']!);
  const digest = /\$argon2id\$[^'"\s]+/.exec(users)?.[0];
  expect(digest, 'users_database.yml holds the argon2id digest').toBeTruthy();
  expect(users).not.toContain(PASSWORD);
  await page.locator('.kit-tree button[data-file="authelia/configuration.yml"]').click();
  await expect(kit(page).locator('.output-file')).toContainText(`authelia_url: 'https://auth.${DOMAIN}'`);

  // Nothing the reader typed or the page made left it: every request went to the site, as a GET, without them.
  await page.waitForLoadState('networkidle');
  for (const request of requests) {
    expect(new URL(request.url()).origin, request.url()).toBe(new URL(baseURL!).origin);
    expect(request.method()).toBe('GET');
    for (const secret of [PASSWORD, digest!, DOMAIN]) expect(request.url() + (request.postData() ?? '')).not.toContain(secret);
  }
  // Without "Remember secrets", neither the password nor its digest is stored.
  const stored = await storedState(page);
  expect(stored).toContain(DOMAIN);
  expect(stored).not.toContain(PASSWORD);
  expect(stored).not.toContain('argon2id');
  await context.close();
});

test('bad input: a message on the field, the input kept, and no kit to download until it is fixed', async ({ page }) => {
  await ready(page);
  await saveProfile(page, DOMAIN, '10.1.2.0/24', '10.1.2.10');
  await expect(downloadButton(page)).toBeEnabled();

  // A profile field: the editor says what is wrong under the field, keeps the text, and the kit holds its download.
  const domain = panel(page).getByLabel('Base domain');
  await domain.fill('not a domain');
  await expect(domain).toHaveValue('not a domain');
  await expect(domain).toHaveAttribute('aria-invalid', 'true');
  const messages = page.locator(`#${await domain.getAttribute('aria-describedby').then((ids) => ids!.split(' ').pop()!)}`);
  await expect(messages).toContainText('Error:');
  await expect(downloadButton(page)).toBeDisabled();
  await expect(page.locator('#kit-download-note')).toContainText('Your profile has errors');
  await domain.fill(DOMAIN);
  await expect(downloadButton(page)).toBeEnabled();

  // A choice: the tunnel without a service to publish. The message is on the field, and there are no files at all.
  await page.getByLabel('Publish one service to the internet through Cloudflare Tunnel').check();
  const service = page.getByLabel('Service to publish');
  await expect(service).toHaveValue('');
  await expect(page.locator('#kit-choices-tunnel-service-messages')).toContainText('Pick the one service cloudflared publishes');
  await expect(downloadButton(page)).toBeDisabled();
  await expect(page.locator('#kit-download-note')).toContainText('The kit has errors');
  await expect(page.locator('.kit-tree')).toHaveCount(0);
  await expectListedAtField(
    kit(page).locator('.kit-checks .diagnostics-error li'),
    service,
    'Pick the one service cloudflared publishes',
  );

  // A sensitive service is refused too; a public one gives the kit back, with the tunnel in it.
  await service.selectOption('proxmox');
  await expect(page.locator('#kit-choices-tunnel-service-messages')).toContainText('sensitive');
  await expect(downloadButton(page)).toBeDisabled();
  await service.selectOption('jellyfin');
  await expect(downloadButton(page)).toBeEnabled();
  await page.locator('.kit-tree button[data-file="compose.yaml"]').click();
  await expect(kit(page).locator('.output-file')).toContainText('cloudflared');

  const results = await new AxeBuilder({ page }).include('.kit-builder').withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the file tree works from the keyboard, and copying a file says so', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const page = await context.newPage();
  await ready(page);
  await saveProfile(page, DOMAIN, '10.1.2.0/24', '10.1.2.10');
  const files = await treeFiles(page);
  expect(files.length).toBeGreaterThan(5);

  // Tab from the download button lands in the tree, on its first file.
  await downloadButton(page).focus();
  await page.keyboard.press('Tab');
  const first = page.locator(`.kit-tree button[data-file="${files[0]}"]`);
  await expect(first).toBeFocused();
  // Arrow keys move between files; Enter opens the focused one.
  await page.keyboard.press('ArrowDown');
  const second = page.locator(`.kit-tree button[data-file="${files[1]}"]`);
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('#kit-file-name')).toHaveText(files[1]!);
  await page.keyboard.press('End');
  const last = page.locator(`.kit-tree button[data-file="${files.at(-1)}"]`);
  await expect(last).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('#kit-file-name')).toHaveText(files.at(-1)!);

  // Copy, from the keyboard: the clipboard holds the open file and the page announces it.
  const copy = page.getByRole('button', { name: `Copy ${files.at(-1)}` });
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#announcer')).toHaveText(`Copied ${files.at(-1)}`);
  const shown = await page.locator('.kit-file .output-file').innerText();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard.trim()).toBe(shown.trim());
  await context.close();
});
