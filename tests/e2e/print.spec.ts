import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

test('print media hides navigation and controls and keeps the guide in black on white', async ({ page }) => {
  await page.goto('/guides/ssh-keys/');
  await page.locator('[data-theme-toggle]').click(); // dark on screen must still print light
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.guide-sidebar', '.site-footer', '.toc', '.prev-next', '.copy-button']) {
    const el = page.locator(selector).first();
    if ((await el.count()) > 0) await expect(el, selector).toBeHidden();
  }
  await expect(page.locator('.prose')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const colors = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('.prose p')!).color,
    codeBg: getComputedStyle(document.querySelector('pre.astro-code')!).backgroundColor,
    codeText: getComputedStyle(document.querySelector('pre.astro-code span')!).color,
  }));
  expect(colors).toEqual({
    body: 'rgb(255, 255, 255)',
    text: 'rgb(0, 0, 0)',
    codeBg: 'rgb(255, 255, 255)',
    codeText: 'rgb(0, 0, 0)',
  });
});

// The printed checklist, as a PDF from Chromium read back with poppler (pdfinfo, pdftotext): the links print the
// address the page was opened at, never the build's placeholder host.
for (const format of ['A4', 'Letter'] as const) {
  test(`the printed checklist (${format}) prints the address the page was opened at after each link`, async ({
    page,
    baseURL,
  }, testInfo) => {
    await page.goto('/checklist/');
    const file = testInfo.outputPath(`checklist-${format}.pdf`);
    writeFileSync(file, await page.pdf({ format }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    const all = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(all).not.toContain('.example');
    expect(all).toContain(`${baseURL}/guides/close-the-ports/`);
    expect(all).toContain('Step 5:');
  });
}
