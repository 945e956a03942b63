import { expect, test, type Page } from '@playwright/test';
import { largeCompose } from '../fixtures/large-inputs';

// Typing into a long compose file: every keystroke reaches the output and nothing typed is lost. How fast that
// happens (keystroke → output, long tasks) is a timing, so `npm run bench` measures it on the same 300-line file.
const PAGE = '/guides/secrets/';

async function hydrated(page: Page) {
  await page.locator('.builder').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('#cs-source')).toBeEditable();
}

test('typing in a 300-line compose file: every keystroke reaches the output, in order, and the text stays as typed', async ({
  page,
}) => {
  const source = `${largeCompose(15, '300-line stack for the typing check')}# notes: `;
  expect(source.split('\n').length).toBeGreaterThanOrEqual(300);
  await page.goto(PAGE);
  await hydrated(page);
  await page.locator('#cs-source').fill(source);
  await expect(page.locator('#cs-output-panel')).toContainText('# notes:');
  await page.locator('#cs-source').press('ControlOrMeta+End');

  // Record what the output's "# notes:" line shows each time it changes.
  await page.evaluate(() => {
    const w = window as unknown as { shown: string[] };
    w.shown = [];
    const panel = document.querySelector<HTMLElement>('#cs-output-panel')!;
    new MutationObserver(() => {
      const text = panel.textContent ?? '';
      const at = text.lastIndexOf('# notes: ');
      const line = at < 0 ? '' : text.slice(at + 9).split('\n')[0]!;
      if (line !== w.shown.at(-1)) w.shown.push(line);
    }).observe(panel, { childList: true, subtree: true, characterData: true });
  });

  const text = 'rotate the database password every spring';
  await page.keyboard.type(text, { delay: 20 });
  await expect(page.locator('#cs-output-panel')).toContainText(`# notes: ${text}`);
  await expect(page.locator('#cs-source')).toHaveValue(source + text);

  // Renders may coalesce keystrokes, but each one shows a longer prefix of what was typed: never an older state
  // after a newer one, never text that was not typed.
  const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown.filter(Boolean));
  expect(shown.at(-1)).toBe(text);
  for (let i = 0; i < shown.length; i++) {
    expect(text.startsWith(shown[i]!), `output line "${shown[i]}" is what was typed`).toBe(true);
    if (i > 0) expect(shown[i]!.length).toBeGreaterThan(shown[i - 1]!.length);
  }
});

test('a 5,000-line compose file is split in the worker, with a few grouped notes and the first rows of its values', async ({
  page,
}) => {
  const source = `${largeCompose(250, '5,000-line stack')}# notes: `;
  expect(source.split('\n').length).toBeGreaterThanOrEqual(5000);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(PAGE);
  await hydrated(page);
  // Pasted in one go, as a paste does (Playwright's fill of 130 k characters alone outlasts the test timeout here).
  await page.locator('#cs-source').evaluate((element: HTMLTextAreaElement, text) => {
    element.value = text;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, source);
  await expect(page.locator('#cs-output-panel')).toContainText('# notes:');
  expect(
    workers.some((url) => /splitter\.worker/.test(url)),
    workers.join(', '),
  ).toBe(true);

  // 250 ports and 500 per-service variables: three of each kind shown, the rest counted in one line each.
  await expect(page.locator('.diagnostics li')).toHaveCount(8);
  await expect(page.locator('.diagnostics-warning')).toContainText('The same applies in 247 more places');
  await expect(page.locator('.compose-summary')).toHaveText(
    '500 values look secret; 500 will be moved out of the compose file; none stays inline.',
  );
  const secrets = page.getByRole('list', { name: /Values that look secret/ });
  await expect(secrets.locator('li')).toHaveCount(50);
  await page.getByRole('button', { name: 'Show all 500 values' }).click();
  await expect(secrets.locator('li')).toHaveCount(500);

  await page.locator('#cs-source').press('ControlOrMeta+End');
  await page.keyboard.type('ok');
  await expect(page.locator('#cs-output-panel')).toContainText('# notes: ok');
  await expect(page.locator('#cs-source')).toHaveValue(source + 'ok');
});
