import { expect, test, type Page } from '@playwright/test';

// Questions readers ask, with the guide that answers them. Each runs through the site's own search (the /search/
// page, so the ranking options in src/scripts/search.ts apply) and reads the order of the results.
async function resultPaths(page: Page, question: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(question)}`);
  const links = page.locator('#search-page-mount .pagefind-ui__result-link');
  await expect(links.first()).toBeVisible();
  return (await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))).map(
    (href) => new URL(href, 'https://x.invalid').pathname,
  );
}

const FIRST: [question: string, guide: string][] = [
  ['authelia redirect loop', '/guides/authelia-troubleshooting/'],
  ['redirect loop', '/guides/authelia-troubleshooting/'],
  ['too many redirects', '/guides/authelia-troubleshooting/'],
  ['authelia troubleshooting', '/guides/authelia-troubleshooting/'],
  ['ip forwarding', '/guides/tailscale/'],
  ['accept routes', '/guides/tailscale/'],
  ['wildcard certificate', '/guides/nginx-proxy-manager/'],
  ['cookie domain', '/guides/authelia-troubleshooting/'],
  ['502', '/guides/authelia-troubleshooting/'],
  ['ssh permission denied', '/guides/ssh-keys/'],
  ['.env secrets', '/guides/secrets/'],
  ['subnet router', '/guides/tailscale/'],
  ['exit node', '/guides/tailscale/'],
  ['split dns', '/guides/nginx-proxy-manager/'],
  ['ssh keys', '/guides/ssh-keys/'],
];

for (const [question, guide] of FIRST) {
  test(`"${question}" lists ${guide} first`, async ({ page }) => {
    const paths = await resultPaths(page, question);
    expect(paths[0], paths.join(', ')).toBe(guide);
  });
}

// "2fa": the build order's step 5 ("Authelia and 2FA") is a fair first answer; the guide that explains the second
// factors must come right after it at the latest.
test('"2fa" lists /guides/authelia-forward-auth/ among the first two', async ({ page }) => {
  const paths = [...new Set(await resultPaths(page, '2fa'))];
  expect(paths.slice(0, 2), paths.join(', ')).toContain('/guides/authelia-forward-auth/');
});

// "ip" also starts "IPv6" and "IPv4": the scan guide (its title ends in "public IP", its IPv6 section) must not come
// before the guide with the IP forwarding section.
test('"ip forwarding" does not list the scanning guide first', async ({ page }) => {
  const paths = await resultPaths(page, 'ip forwarding');
  expect(paths[0], paths.join(', ')).not.toBe('/guides/verify/');
});
