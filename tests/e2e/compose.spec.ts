import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parseDotenv, samples } from '../../src/lib/compose';
import { storedState } from './helpers';

const PAGE = '/guides/secrets/';
const VAULTWARDEN = samples.find((s) => s.id === 'vaultwarden')!.compose;
const AUTHELIA = samples.find((s) => s.id === 'authelia')!.compose;
/** Values in the Vaultwarden sample that must never leave the page (plus text that proves the file itself was not kept). */
const VAULTWARDEN_SECRETS = [
  's3cr3t-SMTP-pa55',
  'Kx7pQ2mVn9ZrT4wB8sL1',
  'bXBGMENBZUVzT3VUSFErTzQzK25Jck1BN2Z0amFuWjdSdVlIQVZqYzAzYz0',
  'T9m73OdD2mz9',
  'argon2id',
  'vaultwarden/server',
];
const AUTHELIA_SECRETS = [
  '4Fq9zL2xR7mT1vK8pW3sN6yB0cH5jD2g',
  'pQ8rT3vW6yZ1bC4eF7hJ0kM2nP5sU8xA',
  'Sup3r-secret!pg',
  'mail-Pa55word',
];

/** The name Chrome saves each single-file download under. */
const SAVED_AS: Record<string, string> = {
  'compose.yaml': 'compose.yaml',
  '.env': 'env.txt',
  '.env.example': 'env.example',
  '.gitignore': 'gitignore.txt',
};

async function hydrated(page: Page) {
  await page.locator('.builder').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('#cs-source')).toBeEditable();
}

/** Every request of the context (pages and workers), with its body. */
function recordRequests(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on('request', (r) => requests.push(r));
  return requests;
}

function describe(requests: Request[]): string[] {
  return requests.map((r) => `${r.method()} ${r.url()}`);
}

/** The decoded JSON of the compose parameter of a share link. */
function sharePayload(link: string): string {
  const value = new URLSearchParams(new URL(link).hash.slice(1)).get('compose') ?? '';
  expect(value).toMatch(/^v1\./);
  return Buffer.from(value.slice(3), 'base64url').toString('utf8');
}

const output = (page: Page) => page.locator('#cs-output-panel');

async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

test('paste a sample, untick a finding, copy and download all four files: nothing sent, nothing kept', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const requests = recordRequests(context);
  const page = await context.newPage();
  await page.goto(PAGE);
  await hydrated(page);
  await page.waitForLoadState('networkidle');

  // Warm-up: the page's lazily loaded code (syntax colouring per file type, the zip writer) arrives the first time it is
  // needed. Load it with the public sample, then start over: from then on the page may not make a single request.
  await page.locator('#cs-sample').selectOption('authelia');
  await page.getByRole('button', { name: 'Load sample' }).click();
  await expect(output(page)).toContainText('AUTHELIA_SESSION_SECRET:?set');
  for (const name of ['compose.yaml', '.env', '.env.example', '.gitignore']) {
    await showTab(page, name);
    if (name !== '.gitignore') await expect(output(page).locator('.output-code')).toBeVisible(); // no grammar: plain text
  }
  const warmZip = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download all (.zip)' }).click();
  await warmZip;
  await page.waitForLoadState('networkidle');
  for (const r of requests) {
    expect(new URL(r.url()).origin, r.url()).toBe(new URL(baseURL!).origin);
    expect(r.method()).toBe('GET');
    for (const secret of AUTHELIA_SECRETS) expect(r.url() + (r.postData() ?? '')).not.toContain(secret);
  }
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('#cs-source')).toHaveValue('');
  const before = requests.length;

  // Paste the Vaultwarden sample from the clipboard.
  await page.evaluate((text) => navigator.clipboard.writeText(text), VAULTWARDEN);
  await page.locator('#cs-source').focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.locator('#cs-source')).toHaveValue(VAULTWARDEN);

  // The findings name key, service, line and reason, and never a value.
  const findings = page.getByRole('list', { name: /Values that look secret/ });
  const adminToken = findings.getByRole('checkbox', { name: /ADMIN_TOKEN in vaultwarden \(line \d+\)/ });
  await expect(adminToken).toBeChecked();
  await expect(findings).toContainText('Argon2');
  const smtp = findings.getByRole('checkbox', { name: /^SMTP_PASSWORD in vaultwarden/ });
  await expect(smtp).toBeChecked();
  const listed = await page.locator('.compose-findings').allInnerTexts();
  for (const secret of VAULTWARDEN_SECRETS.slice(0, 4)) expect(listed.join('\n')).not.toContain(secret);
  await expect(page.locator('.compose-summary')).toContainText('will be moved out of the compose file');

  await showTab(page, 'compose.yaml');
  await expect(output(page)).toContainText('SMTP_PASSWORD: "${SMTP_PASSWORD:?set SMTP_PASSWORD in .env}"');

  // Untick SMTP_PASSWORD with the keyboard: the value stays inline and leaves .env.
  await smtp.focus();
  await page.keyboard.press('Space');
  await expect(smtp).not.toBeChecked();
  await expect(output(page)).toContainText('SMTP_PASSWORD: "s3cr3t-SMTP-pa55"');
  await showTab(page, '.env');
  await expect(output(page)).toContainText("ADMIN_TOKEN='$argon2id$v=19$");
  await expect(output(page)).not.toContainText('SMTP_PASSWORD');
  await expect(output(page)).not.toContainText('s3cr3t-SMTP-pa55');

  // Copy and download each of the four files; the two must match.
  const contents: Record<string, string> = {};
  for (const name of ['compose.yaml', '.env', '.env.example', '.gitignore']) {
    await showTab(page, name);
    await page
      .locator('.output-actions')
      .getByRole('button', { name: new RegExp(`^Copy ${name.replace('.', '\\.')}$`) })
      .click();
    await expect(page.locator('#announcer')).toHaveText(`Copied ${name}`);
    contents[name] = await page.evaluate(() => navigator.clipboard.readText());
    const download = page.waitForEvent('download');
    await page
      .locator('.output-actions')
      .getByRole('button', { name: new RegExp(`^Download ${name.replace('.', '\\.')}$`) })
      .click();
    const file = await download;
    // Chrome drops a leading dot and adds .txt to a name without an extension (.env is saved as env.txt); the UI says
    // so next to the buttons, and the .zip below keeps the exact names.
    expect(file.suggestedFilename()).toBe(SAVED_AS[name]);
    expect(readFileSync((await file.path())!, 'utf8')).toBe(contents[name]);
  }
  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download all (.zip)' }).click();
  const archive = await zip;
  expect(archive.suggestedFilename()).toBe('compose-split.zip');
  const entries = unzipSync(readFileSync((await archive.path())!));
  expect(Object.keys(entries).sort()).toEqual(['.env', '.env.example', '.gitignore', 'compose.yaml']);
  for (const [name, data] of Object.entries(entries)) expect(strFromU8(data)).toBe(contents[name]);

  // What the files say: Compose gets the same values back, the example is empty, git ignores the real values.
  const compose = contents['compose.yaml']!;
  expect(compose).toMatch(
    /^# Generated by Homelab Front Door [\d.]+ for Docker Compose v2 on \d{4}-\d{2}-\d{2}\.\n# Vaultwarden/,
  );
  expect(compose).toContain('ADMIN_TOKEN: "${ADMIN_TOKEN:?set ADMIN_TOKEN in .env}"');
  expect(compose).toContain('SMTP_PASSWORD: "s3cr3t-SMTP-pa55"');
  const env = parseDotenv(contents['.env']!);
  expect(env.ADMIN_TOKEN).toBe(
    '$argon2id$v=19$m=65540,t=3,p=4$bXBGMENBZUVzT3VUSFErTzQzK25Jck1BN2Z0amFuWjdSdVlIQVZqYzAzYz0$T9m73OdD2mz9+aJKLuOAdbvoARdaKxtOZ+jZcSL9/N0',
  );
  expect(env.PUSH_INSTALLATION_KEY).toBe('Kx7pQ2mVn9ZrT4wB8sL1');
  expect(env.SMTP_PASSWORD).toBeUndefined();
  const example = parseDotenv(contents['.env.example']!);
  expect(Object.keys(example).sort()).toEqual(Object.keys(env).sort());
  expect(Object.values(example).every((v) => v === '')).toBe(true);
  expect(contents['.gitignore']!.split('\n')).toEqual(expect.arrayContaining(['.env', '!.env.example']));

  // No secret in the address bar, a share link or storage (no opt-in was given).
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('.state-link input').inputValue();
  const payload = sharePayload(link);
  expect(JSON.parse(payload)).toEqual({ move: { 'services.vaultwarden.environment.SMTP_PASSWORD': false } });
  const stored = await storedState(page);
  for (const secret of VAULTWARDEN_SECRETS) {
    expect(page.url()).not.toContain(secret);
    expect(link).not.toContain(secret);
    expect(payload).not.toContain(secret);
    expect(stored).not.toContain(secret);
  }

  // The whole interaction, from the paste to the share link, made no request at all.
  expect(describe(requests.slice(before))).toEqual([]);
  await context.close();
});

test('Docker secrets with files, a share link with only the mode and toggles, and the opt-in to remember the text', async ({
  browser,
}) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const requests = recordRequests(context);
  const page = await context.newPage();
  await page.goto(PAGE);
  await hydrated(page);

  await page.locator('#cs-sample').selectOption('authelia');
  await page.getByRole('button', { name: 'Load sample' }).click();
  await expect(page.locator('#cs-source')).toHaveValue(AUTHELIA);
  await expect(page.locator('#announcer')).toHaveText('Loaded sample: Authelia and its secrets');

  await page.getByRole('radio', { name: /Docker secrets/ }).check();
  await page.getByRole('radio', { name: /a file under secrets\// }).check();
  await page.getByRole('checkbox', { name: /^AUTHELIA_NOTIFIER_SMTP_PASSWORD in authelia/ }).uncheck();
  // A value detection left alone can be moved as well.
  await page.getByText(/Other environment values/).click();
  await page.getByRole('checkbox', { name: /^X_AUTHELIA_CONFIG_FILTERS in authelia/ }).check();

  await expect(page.getByRole('tab')).toHaveText(['compose.yaml', '.env', '.env.example', '.gitignore', 'create-secrets.sh']);
  await expect(output(page)).toContainText('AUTHELIA_SESSION_SECRET_FILE: /run/secrets/authelia_session_secret');
  await expect(output(page)).toContainText('AUTHELIA_NOTIFIER_SMTP_PASSWORD: "mail-Pa55word"');
  await showTab(page, 'create-secrets.sh');
  await expect(output(page)).toContainText("printf '%s' 'pQ8rT3vW6yZ1bC4eF7hJ0kM2nP5sU8xA' > secrets/authelia_session_secret");
  const download = page.waitForEvent('download');
  await page.locator('.output-actions').getByRole('button', { name: 'Download create-secrets.sh' }).click();
  expect((await download).suggestedFilename()).toBe('create-secrets.sh');

  // The link restores the choices, not the text.
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('.state-link input').inputValue();
  const shared = JSON.parse(sharePayload(link)) as Record<string, unknown>;
  expect(Object.keys(shared).sort()).toEqual(['mode', 'move', 'secretSource']);
  for (const secret of AUTHELIA_SECRETS) expect(link + JSON.stringify(shared)).not.toContain(secret);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await hydrated(other);
  await expect(other.getByRole('radio', { name: /Docker secrets/ })).toBeChecked();
  await expect(other.getByRole('radio', { name: /a file under secrets\// })).toBeChecked();
  await expect(other.locator('#cs-source')).toHaveValue('');
  await fresh.close();

  // Without the opt-in a reload forgets the text; with it, the text comes back exactly.
  for (const secret of AUTHELIA_SECRETS) expect(await storedState(page)).not.toContain(secret);
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('radio', { name: /a file under secrets\// })).toBeChecked();
  await expect(page.locator('#cs-source')).toHaveValue('');
  await page.locator('#cs-source').fill(AUTHELIA);
  await page.getByRole('checkbox', { name: 'Remember secrets on this device' }).check();
  const remembered = await storedState(page);
  expect(remembered).toContain('builder:compose=');
  for (const secret of AUTHELIA_SECRETS) expect(remembered).toContain(secret); // the opt-in really stores the text
  await page.reload();
  await hydrated(page);
  await expect(page.locator('#cs-source')).toHaveValue(AUTHELIA);
  await page.getByRole('checkbox', { name: 'Remember secrets on this device' }).uncheck();
  // Opting out takes them out of storage at once: read as stored, without waiting for the pause or forcing a write.
  const right = await storedState(page, 'compose');
  expect(right).toContain('secretSource');
  for (const secret of AUTHELIA_SECRETS) expect(right).not.toContain(secret);
  for (const secret of AUTHELIA_SECRETS) expect(await storedState(page)).not.toContain(secret);

  for (const r of requests) {
    expect(r.method()).toBe('GET');
    for (const secret of AUTHELIA_SECRETS) expect(r.url()).not.toContain(secret);
  }
  await context.close();
});

const NEXTCLOUD = readFileSync('tests/fixtures/compose/26-nextcloud.yaml', 'utf8');

test('a real Nextcloud file: the passwords in command: move too, the published port and version: are flagged, the share link appears only with a choice to share', async ({
  page,
}) => {
  await page.goto(PAGE);
  await hydrated(page);
  // Nothing to share yet: the pasted text never goes into a link, and every choice is at its default.
  await expect(page.getByRole('button', { name: 'Reset' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy share link' })).toHaveCount(0);
  await page.locator('#cs-source').fill(NEXTCLOUD);
  await expect(page.locator('.compose-summary')).toHaveText(
    '7 values look secret; 7 will be moved out of the compose file; none stays inline.',
  );
  await expect(page.getByRole('button', { name: 'Copy share link' })).toHaveCount(0);
  const findings = page.getByRole('list', { name: /Values that look secret/ });
  await expect(findings.getByRole('checkbox', { name: /^--requirepass in redis \(command\) \(line 23\)/ })).toBeChecked();
  await expect(findings.getByRole('checkbox', { name: /^-a in redis \(healthcheck test\)/ })).toBeChecked();

  await showTab(page, 'compose.yaml');
  await expect(output(page)).toContainText(
    'redis-server --requirepass "${REDIS_HOST_PASSWORD:?set REDIS_HOST_PASSWORD in .env}"',
  );
  for (const secret of ['pg-N3xtcl0ud-pw', 'r3d1s-P@ss', 'Adm1n-Nc-2024!']) await expect(output(page)).not.toContainText(secret);
  const warnings = page.locator('.diagnostics-warning');
  await expect(warnings.locator('[data-code="port-published-all-interfaces"]')).toContainText('"127.0.0.1:8080:80"');
  await expect(warnings.locator('[data-code="obsolete-version"]')).toContainText('version: is obsolete');

  // Keeping the command's copy inline is the reader's choice, and the summary and the checks say so.
  await findings.getByRole('checkbox', { name: /^--requirepass in redis/ }).uncheck();
  await expect(page.locator('.compose-summary')).toHaveText(
    '7 values look secret; 6 will be moved out of the compose file; 1 stays inline.',
  );
  await expect(warnings.locator('[data-code="secret-left-inline"]')).toContainText('--requirepass in redis looks secret');
  await expect(output(page)).toContainText('redis-server --requirepass "r3d1s-P@ss"');
  // Now the link has a choice to carry.
  await expect(page.getByRole('button', { name: 'Copy share link' })).toBeVisible();
});

const BAD_INPUTS: { name: string; text: string; message: RegExp; line?: number }[] = [
  {
    name: 'malformed YAML',
    text: 'services:\n  app:\n    image: nginx\n    environment: [FOO=bar\n    ports: ["80:80"]\n',
    message: /line \d+, column \d+/,
  },
  {
    name: 'tabs for indentation',
    text: 'services:\n\tapp:\n\t\timage: nginx\n',
    message: /line 2, column \d+/,
    line: 2,
  },
  { name: 'text that is not YAML', text: 'docker run -d -e PASSWORD=hunter2 nginx', message: /not a compose file/ },
  { name: 'broken JSON', text: '{"services": {"app": [1, 2}\n', message: /line 1, column 27/ },
  { name: 'YAML that is not a compose file', text: '- just\n- a list\n', message: /not a compose file/ },
  {
    name: 'binary garbage',
    text: 'services:\n  x: \u0000\u0001\u0002\u00ff\ufffd',
    message: /Line 2, column 6 holds the control character/,
  },
];

for (const bad of BAD_INPUTS) {
  test(`bad input (${bad.name}): a clear message, and the pasted text stays exactly as it was`, async ({ page }) => {
    await page.goto(PAGE);
    await hydrated(page);
    await page.locator('#cs-source').fill(bad.text);
    const error = page.locator('#cs-source-error');
    await expect(error).toContainText(bad.message);
    await expect(page.locator('.diagnostics-error')).toContainText(bad.message);
    await expect(page.locator('#cs-source')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#cs-source')).toHaveAttribute('aria-describedby', /cs-source-error/);
    await expect(page.locator('#cs-source')).toHaveValue(bad.text);
    if (/line \d+, column/i.test(bad.message.source)) {
      await expect(page.locator('.diagnostics-error .diagnostic-where').first()).toContainText(/Line \d+:\d+/);
      await error.getByRole('button', { name: /Go to line/ }).click();
      await expect(page.locator('#cs-source')).toBeFocused();
      if (bad.line) {
        const caretLine = await page
          .locator('#cs-source')
          .evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length);
        expect(caretLine).toBe(bad.line);
      }
    }
    await expect(page.locator('#cs-source')).toHaveValue(bad.text);
  });
}

test('bad input (a 5 MB paste): refused with a message, the text kept, the page responsive', async ({ page }) => {
  // Chromium itself needs seconds to lay out 5 MB in a textarea (about 5 s on an idle 2-core machine, more under load):
  // the global test timeout (playwright.config.ts) leaves room for that.
  await page.goto(PAGE);
  await hydrated(page);
  const huge = 'services:\n' + '# filler line of a very large paste\n'.repeat(Math.ceil((5 * 1024 * 1024) / 36));
  // As a paste does it: the browser puts the text in the box and fires one input event (Playwright's fill types it slower).
  await page.locator('#cs-source').evaluate((el: HTMLTextAreaElement, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, huge);
  await expect(page.locator('#cs-source-error')).toContainText(/The pasted text is 5\.\d MB/, { timeout: 180_000 });
  // No files, and the output says why (the checks' error), rather than a silent empty panel.
  await expect(page.locator('.builder .output-errors')).toContainText(/The checks found \d+ errors?/);
  const same = await page.locator('#cs-source').evaluate((el: HTMLTextAreaElement, text) => el.value === text, huge);
  expect(same).toBe(true);
  // Still usable: load a sample over it.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Load sample' }).click();
  await expect(output(page)).toContainText('POSTGRES_PASSWORD:?set');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe (WCAG 2.2 AA, ${scheme}): the splitter with findings, secrets mode, and a YAML error on the field`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(PAGE);
    await hydrated(page);
    const axe = async () => {
      const results = await new AxeBuilder({ page })
        .include('.compose-splitter')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await page.locator('#cs-sample').selectOption('authelia');
    await page.getByRole('button', { name: 'Load sample' }).click();
    await page.getByRole('radio', { name: /Docker secrets/ }).check();
    await page.getByText(/Other environment values/).click();
    await expect(page.locator('.output-code')).toBeVisible();
    await axe();
    await page.locator('#cs-source').fill('services:\n  app:\n    environment: [A=1\n');
    await expect(page.locator('#cs-source-error')).toBeVisible();
    await axe();
    await context.close();
  });
}
