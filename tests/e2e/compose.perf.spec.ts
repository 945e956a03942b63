import { expect, test, type Page } from '@playwright/test';
import { largeCompose } from '../fixtures/large-inputs';

// Timing-sensitive checks run in their own Playwright project, after every other test, alone.
// The figure (keystroke → output ≤ 16 ms p95 on a 300-line file) is a benchmark: it is measured and reported here
// (see the test's annotations), but the test only asserts what holds on any machine: every keystroke reaches the output,
// and the page never has a long task over 200 ms while typing.
const PAGE = '/guides/secrets/';

/** About 300 lines: 15 services of 20 lines, each with inline secrets, ending in a comment line to type into. */
const composeOf300Lines = () => `${largeCompose(15, '300-line stack for the typing benchmark')}# notes: `;

async function hydrated(page: Page) {
  await page.locator('.builder').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('#cs-source')).toBeEditable();
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

test('typing in a 300-line compose file: every keystroke reaches the output, with no long task', async ({ page }) => {
  const source = composeOf300Lines();
  expect(source.split('\n').length).toBeGreaterThanOrEqual(300);
  await page.goto(PAGE);
  await hydrated(page);
  await page.locator('#cs-source').fill(source);
  await expect(page.locator('#cs-output-panel')).toContainText('# notes:');
  await expect(page.locator('#cs-output-panel .output-code')).toBeVisible(); // highlighting loaded
  await page.waitForLoadState('networkidle');
  // Warm up (the first keystrokes run cold code), then measure.
  await page.locator('#cs-source').press('ControlOrMeta+End');
  await page.keyboard.type('warm', { delay: 30 });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await expect(page.locator('#cs-source')).toHaveValue(source);

  // Per keystroke: when the key went down, and when the output first showed the text typed up to that key.
  await page.evaluate(() => {
    const w = window as unknown as { perf: { downs: number[]; shown: number[]; painted: number[]; longTasks: number[] } };
    w.perf = { downs: [], shown: [], painted: [], longTasks: [] };
    const textarea = document.querySelector<HTMLTextAreaElement>('#cs-source')!;
    const panel = document.querySelector<HTMLElement>('#cs-output-panel')!;
    const typed = () => textarea.value.slice(textarea.value.lastIndexOf('# notes: ') + 9);
    const expected: string[] = [];
    textarea.addEventListener('keydown', (e) => e.key.length === 1 && w.perf.downs.push(e.timeStamp), true);
    textarea.addEventListener('input', () => expected.push(typed()), true);
    const check = () => {
      const text = panel.textContent ?? '';
      const at = text.lastIndexOf('# notes: ');
      const shownText = at < 0 ? '' : text.slice(at + 9).split('\n')[0]!;
      const now = performance.now();
      for (let k = w.perf.shown.length; k < expected.length && shownText.startsWith(expected[k]!); k++) {
        w.perf.shown.push(now);
        requestAnimationFrame(() => w.perf.painted.push(performance.now()));
      }
    };
    new MutationObserver(check).observe(panel, { childList: true, subtree: true, characterData: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.perf.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });

  const text = 'rotate the database password every spring';
  await page.keyboard.type(text, { delay: 60 });
  await expect(page.locator('#cs-output-panel')).toContainText(`# notes: ${text}`);
  await page.waitForTimeout(300);

  const perf = await page.evaluate(
    () => (window as unknown as { perf: { downs: number[]; shown: number[]; painted: number[]; longTasks: number[] } }).perf,
  );
  expect(perf.downs).toHaveLength(text.length);
  expect(perf.shown).toHaveLength(text.length);
  const latency = perf.shown.map((t, i) => t - perf.downs[i]!);
  const painted = perf.painted.map((t, i) => t - perf.downs[i]!);
  const summary = `keystroke → output (DOM) p50 ${percentile(latency, 50).toFixed(1)} ms, p95 ${percentile(latency, 95).toFixed(1)} ms; to next frame p95 ${percentile(painted, 95).toFixed(1)} ms (target ≤ 16 ms p95)`;
  test.info().annotations.push({ type: 'benchmark', description: summary });
  console.log(summary);

  expect(perf.longTasks.filter((d) => d > 200)).toEqual([]);
  await expect(page.locator('#cs-source')).toHaveValue(source + text);
});
