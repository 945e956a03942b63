import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SECRET_HOST = 'nextcloud.zzsecret-home.lan';
const PASTE = [
  `2019/09/08 22:42:06 [error] 3685#3685: *1 auth request unexpected status: 502 while sending to client, client: 192.168.60.20, server: ${SECRET_HOST}, request: "GET / HTTP/2.0", host: "${SECRET_HOST}"`,
  'Some peers are advertising routes but --accept-routes is false',
].join('\n');

test('recognises a pasted log while typing, links guide and builder, and copies a redacted version', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.url()} ${request.postData() ?? ''}`));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/doctor/');

  const input = page.getByLabel('Error message, log or config');
  await input.click();
  await input.fill(PASTE);

  const status = page.locator('#doctor-summary');
  await expect(status).toHaveText('2 findings.');
  await expect(status).toHaveAttribute('role', 'status');
  const first = page.locator('.doctor-finding').first();
  await expect(first).toHaveAttribute('data-finding', 'nginx-auth-request-502');
  await expect(first).toContainText('Line 1');
  await expect(first.getByRole('link', { name: 'Read the guide section' })).toHaveAttribute(
    'href',
    '/guides/authelia-troubleshooting/#auth-request-unexpected-status-502',
  );
  await expect(first.getByRole('link', { name: /Open the Nginx Proxy Manager snippets/ })).toHaveAttribute(
    'data-field',
    'autheliaUpstream',
  );
  await expect(page.locator('.doctor-finding').nth(1)).toHaveAttribute('data-finding', 'tailscale-accept-routes-false');

  // The guide heading the finding links to exists on the built page.
  const guide = await page.request.get('/guides/authelia-troubleshooting/');
  expect(await guide.text()).toContain('id="auth-request-unexpected-status-502"');

  await page.getByRole('button', { name: 'Copy redacted' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('auth request unexpected status: 502');
  expect(copied).not.toContain(SECRET_HOST);
  expect(copied).not.toContain('192.168.60.20');

  // Nothing carries the paste anywhere, and nothing of it is stored.
  expect(
    requests.filter((entry) => entry.includes('zzsecret') || entry.includes('192.168.60.20') || entry.includes('accept-routes')),
  ).toEqual([]);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('zzsecret');
  expect(stored).not.toContain('accept-routes');
});

test('works from the keyboard and passes axe with findings shown', async ({ page }) => {
  await page.goto('/doctor/');
  const input = page.getByLabel('Error message, log or config');
  await input.focus();
  await page.keyboard.insertText('Warning: IP forwarding is disabled, subnet routing/exit nodes will not work.');
  await expect(page.locator('#doctor-summary')).toHaveText('1 finding.');
  // Tab leaves the text area and reaches the finding's links.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Read the guide section' })).toBeFocused();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('diagnoses a 2 MB paste in the worker without freezing the page', async ({ page }) => {
  await page.goto('/doctor/');
  const line = 'Oct 1 10:00:00 host app[1]: nothing to see here, just a long log line with some words in it\n';
  const big = `${line.repeat(Math.ceil(2_000_000 / line.length))}Warning: IP forwarding is disabled, subnet routing/exit nodes will not work.\n`;
  // A paste arrives as one input event with the whole text (fill() would type-simulate 2 MB).
  await page.getByLabel('Error message, log or config').evaluate((element, value) => {
    (element as HTMLTextAreaElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await expect(page.locator('#doctor-summary')).toHaveText('1 finding.', { timeout: 60_000 });
  await expect(page.locator('.doctor-finding').first()).toHaveAttribute('data-finding', 'tailscale-ip-forwarding-disabled');
  // The page still answers: the header link is clickable at once.
  await expect(page.getByRole('link', { name: 'Doctor' }).first()).toBeVisible();
});

test('the header links to the doctor', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Doctor' }).click();
  await expect(page).toHaveURL(/\/doctor\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Doctor' })).toBeVisible();
});

// "Open this in the builder": the text reaches the builder's paste field through postMessage, and no address, history
// entry or storage of either page ever holds it.
const HANDOFFS = [
  {
    name: 'a compose file to the splitter',
    paste: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: zzhandoffsecret4711\n',
    button: /Open this text in the Compose secrets splitter/,
    field: '#cs-source',
    page: /\/guides\/secrets\/#cs-source$/,
  },
  {
    name: 'sshd_config to the SSH builder',
    paste: 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\nPermitRootLogin zzhandoffsecret4711\n',
    button: /Open this text in the SSH hardening builder/,
    field: '#ssh-paste',
    page: /\/guides\/ssh-keys\/#ssh-paste$/,
  },
];

for (const handoff of HANDOFFS) {
  test(`hands ${handoff.name} over in memory, never in a link or in storage`, async ({ page, context }) => {
    const requests: string[] = [];
    context.on('request', (request) => requests.push(`${request.url()} ${request.postData() ?? ''}`));
    await page.goto('/doctor/');
    await page.getByLabel('Error message, log or config').fill(handoff.paste);
    const button = page.getByRole('button', { name: handoff.button });
    await expect(button).toBeVisible();

    const [builder] = await Promise.all([context.waitForEvent('page'), button.click()]);
    await expect(builder).toHaveURL(handoff.page);
    await expect(builder.locator(handoff.field)).toHaveValue(handoff.paste);

    for (const tab of [page, builder]) {
      expect(tab.url()).not.toContain('zzhandoff');
      const kept = await tab.evaluate(() => ({
        storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
        url: location.href,
      }));
      expect(kept.storage).not.toContain('zzhandoff');
      expect(kept.url).not.toContain('zzhandoff');
    }
    // The builder saves its state a moment after each change, and at once when the page is hidden: make it save now.
    await builder.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const storedLater = await builder.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storedLater).not.toContain('zzhandoff');
    expect(requests.filter((entry) => entry.includes('zzhandoff'))).toEqual([]);
  });
}

test("shows the builder's own checks for a pasted Authelia access_control section, at their lines", async ({ page }) => {
  await page.goto('/doctor/');
  await page
    .getByLabel('Error message, log or config')
    .fill("access_control:\n  default_policy: 'deny'\n  rules:\n    - domain: 'wiki.example.com'\n      policy: 'maybe'\n");
  const card = page.locator('[data-finding="config-authelia-access-control"]');
  await expect(card.locator('.doctor-checks li').filter({ hasText: "'maybe'" })).toContainText('(line 5');
  await expect(card).toContainText('no field to paste YAML into');
  await expect(card.getByRole('button', { name: /Open this text/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
