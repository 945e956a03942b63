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

/** Each page of a PDF: its height and where its lowest text ends (points), and its text (poppler's pdftotext). */
function pdfPages(file: string): { height: number; bottom: number; text: string }[] {
  const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).split('<page ').slice(1);
  return boxes.map((box, index) => ({
    height: Number(/height="([\d.]+)"/.exec(box)![1]),
    bottom: Math.max(...[...box.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]))),
    text: execFileSync('pdftotext', ['-layout', '-f', String(index + 1), '-l', String(index + 1), file, '-'], {
      encoding: 'utf8',
    }),
  }));
}

for (const format of ['A4', 'Letter'] as const) {
  test(`the printed checklist (${format}) fills its pages: no step leaves one half empty, no heading ends one`, async ({
    page,
  }, testInfo) => {
    await page.goto('/checklist/');
    const file = testInfo.outputPath(`checklist-fill-${format}.pdf`);
    writeFileSync(file, await page.pdf({ format }));
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(1);
    // A step that does not fit runs on between its tasks, so every page but the last is nearly full (a step moved
    // whole to the next page left Letter's third page with 15 lines and its fourth with the last step alone).
    for (const [index, sheet] of pages.slice(0, -1).entries()) {
      expect(sheet.bottom / sheet.height, `page ${index + 1} of ${pages.length} is filled`).toBeGreaterThan(0.7);
    }
    // A step's heading, summary and progress stay with its first task; a task stays whole with its links.
    for (const [index, sheet] of pages.entries()) {
      const lines = sheet.text.split('\n').filter((line) => line.trim());
      const heading = lines.findLastIndex((line) => /^\s*Step \d+:/.test(line));
      if (heading >= 0)
        expect(
          lines.slice(heading).some((line) => /^\s*Guide\b/.test(line)),
          `page ${index + 1}: a task follows the last heading`,
        ).toBe(true);
      expect(lines.at(-1), `page ${index + 1} ends with a task's link`).toMatch(/(Guide|Builder) http|^\s+\S+$/);
    }
    // Every task printed, and every link with the address it leads to.
    const all = pages.map((sheet) => sheet.text).join('\n');
    const tasks = await page.locator('.task').count();
    expect(all.match(/^\s*Guide http/gm)?.length, 'a Guide line for each task').toBe(tasks);
  });
}
