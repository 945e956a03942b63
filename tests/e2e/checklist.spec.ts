import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKLIST } from '../../src/lib/checklist';

test('ticks persist across a reload, progress counts per step, and reset clears them', async ({ page }) => {
  await page.goto('/checklist/');
  const first = page.getByRole('checkbox', { name: CHECKLIST[0]!.tasks[0]!.text });
  const progress = page.locator('[data-progress-for="step-1"]');
  await expect(progress).toHaveText(`0 of ${CHECKLIST[0]!.tasks.length} done`);
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await expect(progress).toHaveText(`1 of ${CHECKLIST[0]!.tasks.length} done`);
  const ssh = CHECKLIST[1]!;
  for (const task of ssh.tasks) await page.getByRole('checkbox', { name: task.text }).check();
  await expect(page.locator('[data-progress-for="step-2"]')).toHaveText(`All ${ssh.tasks.length} done`);

  await page.reload();
  await expect(first).toBeChecked();
  await expect(page.locator('[data-progress-for="step-2"]')).toHaveText(`All ${ssh.tasks.length} done`);

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Clear all ticks' }).click();
  await expect(first).not.toBeChecked();
  await page.reload();
  await expect(first).not.toBeChecked();
});

test('each task links to its guide section', async ({ page }) => {
  await page.goto('/checklist/');
  const links = page.locator('.task-links a');
  expect(await links.count()).toBeGreaterThanOrEqual(CHECKLIST.flatMap((s) => s.tasks).length);
  await page.getByRole('link', { name: `Guide: ${CHECKLIST[1]!.tasks[1]!.text}` }).click();
  await expect(page).toHaveURL(/\/guides\/ssh-keys\/#turn-off-password-logins$/);
});

test('a Markdown task list in a guide uses the same persistent checkbox', async ({ page }) => {
  await page.goto('/guides/build-order/');
  const box = page.locator('.prose .task-list .task-box').first();
  await expect(box).toBeEnabled();
  await box.check();
  await page.reload();
  await expect(page.locator('.prose .task-list .task-box').first()).toBeChecked();
});

test('print media shows tasks with boxes and guide URLs, without navigation or buttons', async ({ page }) => {
  await page.goto('/checklist/');
  await page.getByRole('checkbox', { name: CHECKLIST[0]!.tasks[0]!.text }).check();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('.checklist-actions')).toBeHidden();
  const after = await page
    .locator('.task-links a')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toMatch(/https?:\/\/[^ ]+\/guides\//);
  const border = await page
    .locator('.task-box')
    .first()
    .evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(border).toBe('rgb(0, 0, 0)');
});

for (const format of ['A4', 'Letter'] as const) {
  test(`the ${format} PDF holds every task and no navigation`, async ({ page }) => {
    await page.goto('/checklist/');
    const pdf = await page.pdf({ format, printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'checklist-'));
    try {
      writeFileSync(join(dir, 'c.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const step of CHECKLIST) {
        expect(text).toContain(step.title);
        for (const task of step.tasks) expect(text, task.text).toContain(task.text);
      }
      expect(text).not.toContain('Skip to content');
      expect(text).not.toContain('Clear all ticks');
      expect(text).toMatch(/\/guides\/tailscale\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
