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
  ['too many redirects', '/guides/authelia-troubleshooting/'],
  ['authelia troubleshooting', '/guides/authelia-troubleshooting/'],
  ['cookie domain', '/guides/authelia-troubleshooting/'],
  ['subnet router', '/guides/tailscale/'],
  ['ssh keys', '/guides/ssh-keys/'],
];

for (const [question, guide] of FIRST) {
  test(`"${question}" lists ${guide} first`, async ({ page }) => {
    const paths = await resultPaths(page, question);
    expect(paths[0], paths.join(', ')).toBe(guide);
  });
}
