import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectSettled, expectStored, expectListedAtField } from './helpers';

const GUIDE = '/guides/tailscale/';

async function hydrated(page: Page) {
  await page.locator('.builder').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Fails the test on any uncaught error in the page (a crash on some input). */
function noCrash(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const output = (page: Page) => page.locator('.output-file');
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

test('a route with host bits set shows the CLI message on the field, and one click applies the fix', async ({ page }) => {
  const errors = noCrash(page);
  await page.goto(GUIDE);
  await hydrated(page);
  const routes = page.locator('#ts-routes');
  await expect(routes).toHaveValue('192.168.1.0/24'); // the article's example
  await expect(output(page)).toContainText('sudo tailscale set --hostname=home-router --advertise-routes=192.168.1.0/24');

  await routes.fill('');
  await routes.pressSequentially('192.168.1.10/24');
  const messages = page.locator('#ts-routes-messages');
  await expect(messages.locator('[data-code="route-host-bits"]')).toContainText(
    '192.168.1.10/24 has non-address bits set; expected 192.168.1.0/24',
  );
  await expect(routes).toHaveAttribute('aria-invalid', 'true');
  await expect(routes).toHaveAttribute('aria-describedby', /ts-routes-messages/);
  await expect(routes).toHaveValue('192.168.1.10/24'); // never altered behind the user's back
  await expectListedAtField(page.locator('.diagnostics-error li'), routes, 'has non-address bits set');
  await expect(page.locator('.builder-incomplete')).toBeVisible();

  // The fix is one keyboard step away: Tab from the field lands on it.
  await page.keyboard.press('Tab');
  const fix = messages.getByRole('button', { name: /^Apply fix/ });
  await expect(fix).toBeFocused();
  await expect(fix).toHaveAccessibleName('Apply fix (use 192.168.1.0/24)');
  await page.keyboard.press('Enter');
  await expect(routes).toHaveValue('192.168.1.0/24');
  await expect(routes).toBeFocused();
  await expect(routes).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-code="route-host-bits"]')).toHaveCount(0);
  await expect(page.locator('#announcer')).toHaveText('Routes to advertise changed to 192.168.1.0/24');
  await expect(output(page)).toContainText('--advertise-routes=192.168.1.0/24');
  expect(errors).toEqual([]);
});

test('switching to an exit node and to Headscale changes the commands, and Copy puts them on the clipboard', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const page = await context.newPage();
  await page.goto(GUIDE);
  await hydrated(page);

  // Exit node, chosen with the keyboard.
  await page.locator('#ts-role').focus();
  await page.keyboard.press('ArrowDown'); // subnet-router → exit-node
  await expect(page.locator('#ts-role')).toHaveValue('exit-node');
  await expect(output(page)).toContainText('sudo tailscale set --hostname=home-router --advertise-exit-node');
  await expect(output(page)).not.toContainText('--advertise-routes');
  await expect(output(page)).toContainText("'net.ipv6.conf.all.forwarding = 1'");
  await expect(page.locator('#ts-routes-messages [data-code="routes-ignored"]')).toBeVisible();
  await expect(page.locator('#ts-exitNodeAllowLanAccess')).toBeChecked();
  await tab(page, 'client.sh').click();
  await expect(output(page)).toContainText('sudo tailscale set --exit-node=home-router --exit-node-allow-lan-access');
  await tab(page, 'approve.txt').click();
  await expect(output(page)).toContainText('Tick "Use as exit node"');

  // Headscale: the login server goes on `up`, and approval moves to the Headscale server.
  await page.locator('#ts-coordination').selectOption('headscale');
  // Empty with an HTML placeholder, not a placeholder value (issue 21 item 11).
  await expect(page.locator('#ts-loginServer')).toHaveValue('');
  await expect(page.locator('#ts-loginServer')).toHaveAttribute('placeholder', 'https://headscale.example.com');
  await page.locator('#ts-loginServer').fill('https://hs.home.arpa.example.net');
  await expect(tab(page, 'approve.txt')).toHaveCount(0);
  await tab(page, 'headscale.sh').click();
  await expect(output(page)).toContainText('headscale nodes approve-routes --identifier "$NODE_ID" --routes 0.0.0.0/0,::/0');
  await expect(output(page)).toContainText('headscale routes enable'); // the pre-0.26 form, noted
  await tab(page, 'router.sh').click();
  await expect(output(page)).toContainText('sudo tailscale up --login-server=https://hs.home.arpa.example.net');

  await page.locator('.output-actions').getByRole('button', { name: /^Copy/ }).click();
  await expect(page.locator('#announcer')).toHaveText('Copied router.sh');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toMatch(
    /^#!\/bin\/sh\n# Generated by Homelab Front Door [\d.]+ for Tailscale 1\.80\+ on \d{4}-\d{2}-\d{2}\.\n# Tailscale exit node on Linux/,
  );
  expect(clip).toContain('sudo tailscale up --login-server=https://hs.home.arpa.example.net\n');
  expect(clip).toContain('sudo tailscale set --hostname=home-router --advertise-exit-node\n');
  expect(clip).not.toContain('--advertise-routes');
  await context.close();
});

test('the presets load the travel exit node and the Headscale router', async ({ page }) => {
  await page.goto(GUIDE);
  await hydrated(page);
  page.on('dialog', (d) => void d.accept());
  await page.locator('#ts-routes').fill('10.20.0.0/24');

  await page.locator('#ts-preset').selectOption('travel');
  await page.getByRole('button', { name: 'Load example' }).click();
  await expect(page.locator('#ts-role')).toHaveValue('exit-node');
  await expect(page.locator('#ts-routes')).toHaveValue('');
  await expect(page.locator('#ts-clientOs')).toHaveValue('macos');
  await expect(output(page)).toContainText('--advertise-exit-node');
  await tab(page, 'client.sh').click();
  await expect(output(page)).toContainText('tailscale set --exit-node=home-router --exit-node-allow-lan-access');

  await page.locator('#ts-preset').selectOption('headscale');
  await page.getByRole('button', { name: 'Load example' }).click();
  await expect(page.locator('#ts-coordination')).toHaveValue('headscale');
  await expect(page.locator('#ts-routes')).toHaveValue('192.168.1.0/24');
  await tab(page, 'headscale.sh').click();
  await expect(output(page)).toContainText('--routes 192.168.1.0/24');
  await expect(page.locator('#announcer')).toHaveText(/^Loaded example: Headscale/);
});

test('Windows output is PowerShell without sudo, with the flags Windows has', async ({ page }) => {
  await page.goto(GUIDE);
  await hydrated(page);
  await page.locator('#ts-os').selectOption('windows');
  await page.locator('#ts-ssh').check();
  await expect(tab(page, 'router.ps1')).toBeVisible();
  await expect(output(page)).toContainText('tailscale set --hostname=home-router --advertise-routes=192.168.1.0/24 --unattended');
  await expect(output(page)).not.toContainText('sudo');
  await expect(output(page)).not.toContainText('--ssh');
  await expect(page.locator('#ts-ssh-messages')).toContainText('The Tailscale SSH server is not supported on windows');
});

test('the Docker platform writes a compose service with the key from .env; LXC adds the Proxmox host step', async ({ page }) => {
  const errors = noCrash(page);
  // A link from before the platform field existed still opens, on the plain Linux install.
  await page.goto(`${GUIDE}#tailscale=v1.${Buffer.from('{"role":"both"}').toString('base64url')}`);
  await hydrated(page);
  await expect(page.locator('#ts-role')).toHaveValue('both');
  await expect(page.locator('#ts-platform')).toHaveValue('host');
  await expect(tab(page, 'compose.yaml')).toHaveCount(0);

  await page.locator('#ts-platform').selectOption('docker');
  await tab(page, 'compose.yaml').click();
  const compose = output(page);
  await expect(compose).toContainText('services:\n  tailscale:\n    image: tailscale/tailscale:v1.102.3');
  await expect(compose).toContainText('network_mode: host');
  await expect(compose).toContainText('- /dev/net/tun:/dev/net/tun');
  await expect(compose).toContainText('- NET_ADMIN');
  await expect(compose).toContainText("- 'TS_AUTHKEY=${TS_AUTHKEY}'");
  await expect(compose).toContainText("- 'TS_USERSPACE=false'");
  await expect(compose).toContainText("- 'TS_ROUTES=192.168.1.0/24'");
  await expect(compose).toContainText("- 'TS_EXTRA_ARGS=--advertise-exit-node'");
  await tab(page, '.env.example').click();
  await expect(output(page)).toContainText('TS_AUTHKEY=');
  await tab(page, 'router.sh').click();
  await expect(output(page)).toContainText('sysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding');
  await expect(output(page)).toContainText('docker compose up -d');

  await page.locator('#ts-platform').selectOption('lxc');
  await tab(page, 'lxc-host.sh').click();
  await expect(output(page)).toContainText('lxc.cgroup2.devices.allow: c 10:200 rwm');
  await expect(output(page)).toContainText('lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file');
  await expect(tab(page, 'compose.yaml')).toHaveCount(0);

  // The platform only applies to Linux routers.
  await page.locator('#ts-os').selectOption('windows');
  await expect(page.locator('#ts-platform')).toHaveCount(0);
  await expect(tab(page, 'router.ps1')).toBeVisible();
  expect(errors).toEqual([]);
});

test('state survives a reload, and the share link restores it in a fresh browser', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(GUIDE);
  await hydrated(page);
  await page.locator('#ts-routes').fill('10.20.30.0/24,192.168.50.0/24');
  await page.locator('#ts-coordination').selectOption('headscale');
  await page.locator('#ts-tags').fill('tag:router');
  await expect(output(page)).toContainText('--advertise-routes=10.20.30.0/24,192.168.50.0/24');
  await expectStored(page, 'tailscale', '192.168.50.0/24', 'headscale', 'tag:router'); // debounced write ran
  await page.reload();
  await hydrated(page);
  await expect(page.locator('#ts-routes')).toHaveValue('10.20.30.0/24,192.168.50.0/24');
  await expect(page.locator('#ts-coordination')).toHaveValue('headscale');
  await expect(page.locator('#ts-tags')).toHaveValue('tag:router');

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.locator('.state-link input').inputValue();
  expect(link).toContain('#tailscale=v1.');
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await hydrated(other);
  await expect(other.locator('#ts-routes')).toHaveValue('10.20.30.0/24,192.168.50.0/24');
  await expect(other.locator('#ts-coordination')).toHaveValue('headscale');
  await expect(other.locator('#ts-tags')).toHaveValue('tag:router');
  await expect(other.locator('.output-file')).toContainText(
    '--login-server=https://headscale.example.com --advertise-tags=tag:router',
  );
  await fresh.close();
});

test('typing makes no network request at all', async ({ page }) => {
  await page.goto(GUIDE);
  await hydrated(page);
  // Let the lazily loaded highlighter arrive first: from here on, nothing may be fetched.
  await expect(page.locator('.output-code')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  const routes = page.locator('#ts-routes');
  await routes.fill('');
  await routes.pressSequentially('10.73.18.7/24,fd00:1234::/64');
  await page.locator('#ts-hostname').fill('');
  await page.locator('#ts-hostname').pressSequentially('nas-router');
  await page.locator('#ts-tags').pressSequentially('tag:router');
  await expect(output(page)).toContainText('--hostname=nas-router');
  await expectSettled(page, page.locator('.builder:has(#ts-routes)'), 'tailscale', 'tag:router'); // write, highlight ran
  await expect(page.locator('.output-code')).toBeVisible();
  expect(requests).toEqual([]);
});

test('bad input gets a clear message on the field, stays as typed, and never crashes the builder', async ({ page }) => {
  const errors = noCrash(page);
  await page.goto(GUIDE);
  await hydrated(page);
  const routes = page.locator('#ts-routes');
  const messages = page.locator('#ts-routes-messages');
  const CASES: { input: string; cli: string; hint: RegExp; fix?: string }[] = [
    {
      input: '192.168.1.0/24, 10.0.0.0/24',
      cli: '" 10.0.0.0/24" is not a valid IP address or CIDR prefix',
      hint: /no spaces/,
      fix: '192.168.1.0/24,10.0.0.0/24',
    },
    {
      input: '192.168.1.0/24;10.20.0.0/24',
      cli: '"192.168.1.0/24;10.20.0.0/24" is not a valid IP address or CIDR prefix',
      hint: /commas, not semicolons/,
      fix: '192.168.1.0/24,10.20.0.0/24',
    },
    {
      input: '192.168.1.10',
      cli: '"192.168.1.10" is not a valid IP address or CIDR prefix',
      hint: /needs a prefix length/,
    },
    {
      input: 'fd00:1234::1%eth0/64',
      cli: '"fd00:1234::1%eth0/64" is not a valid IP address or CIDR prefix',
      hint: /IPv6 zone/,
      fix: 'fd00:1234::/64',
    },
    {
      input: '192.168.1.1-254',
      cli: '"192.168.1.1-254" is not a valid IP address or CIDR prefix',
      hint: /ranges are not accepted/,
      fix: '192.168.1.0/24',
    },
    { input: '192.168.1.0/33', cli: '"192.168.1.0/33" is not a valid IP address or CIDR prefix', hint: /0 to 32/ },
    { input: ',,', cli: '"" is not a valid IP address or CIDR prefix', hint: /empty entry/ },
    { input: '0.0.0.0/0', cli: '0.0.0.0/0 advertised without its IPv6 counterpart', hint: /exit node/, fix: '0.0.0.0/0,::/0' },
    { input: '💥<script>', cli: 'is not a valid IP address or CIDR prefix', hint: /not an IPv4 or IPv6 address/ },
  ];
  for (const c of CASES) {
    await routes.fill(c.input);
    const error = messages.locator('.field-message-error').first();
    await expect(error, c.input).toContainText(c.cli);
    await expect(error, c.input).toContainText(c.hint);
    await expect(routes).toHaveValue(c.input);
    await expect(routes).toHaveAttribute('aria-invalid', 'true');
    if (c.fix) await expect(messages.locator(`button[data-fix="${c.fix}"]`), c.input).toHaveCount(1);
    await expect(output(page)).toContainText('tailscale'); // the rest of the builder keeps working
  }

  // Other fields: the CLI's tag and hostname rules, kept as typed.
  await page.locator('#ts-tags').fill('tag:my_router');
  await expect(page.locator('#ts-tags-messages')).toContainText(
    'tag: "tag:my_router": tag names can only contain numbers, letters, or dashes',
  );
  await expect(page.locator('#ts-tags')).toHaveValue('tag:my_router');
  await page.locator('#ts-hostname').fill('home router!');
  await expect(page.locator('#ts-hostname-messages .field-message-error')).toBeVisible();
  await expect(page.locator('#ts-hostname')).toHaveValue('home router!');
  await page.locator('#ts-coordination').selectOption('headscale');
  await page.locator('#ts-loginServer').fill('not a url');
  await expect(page.locator('#ts-loginServer-messages')).toContainText('not a URL');
  await expect(page.locator('#ts-loginServer')).toHaveValue('not a url');
  expect(errors).toEqual([]);
});

test('a damaged share link shows a notice and the defaults instead of breaking', async ({ page }) => {
  const errors = noCrash(page);
  await page.goto(`${GUIDE}#tailscale=v1.${Buffer.from('{"role":"router","routes":42,"ipv6":"yes"}').toString('base64url')}`);
  await hydrated(page);
  await expect(page.locator('#ts-role')).toHaveValue('subnet-router');
  await expect(page.locator('#ts-routes')).toHaveValue('192.168.1.0/24');
  await expect(output(page)).toContainText('--advertise-routes=192.168.1.0/24');
  await page.goto(`${GUIDE}#tailscale=v9.xyz`);
  await page.reload();
  await hydrated(page);
  await expect(page.locator('.state-notice')).toContainText('another version');
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe (WCAG 2.2 AA, ${scheme}): the hydrated builder with field errors, a fix button and Headscale fields`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(GUIDE);
    await hydrated(page);
    await page.locator('#ts-role').selectOption('both');
    await page.locator('#ts-routes').fill('192.168.1.10/24,0.0.0.0/0');
    await page.locator('#ts-tags').fill('router');
    await page.locator('#ts-coordination').selectOption('headscale');
    await page.locator('#ts-snatSubnetRoutes').uncheck();
    await expect(page.locator('#ts-routes-messages button[data-fix]').first()).toBeVisible();
    await expect(page.locator('.output-code')).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include('.ts-builder')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
}
