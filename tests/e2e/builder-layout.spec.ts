import { expect, test, type Locator, type Page } from '@playwright/test';
import { BUILDERS, builderPages } from '../../src/lib/builders/registry';

// The shared builder layout (src/components/builder/BuilderOutput.tsx, src/styles/builder-layout.css) and the hold on
// the link's target while the islands appear (src/components/builder/holdLinkTarget.ts).

/** The id prefix each builder gives its output (BuilderOutput's `id`), by registry id. */
const OUTPUT_ID: Record<string, string> = {
  tailscale: 'ts',
  'internal-dns': 'dns',
  npm: 'npm',
  'authelia-setup': 'as',
  access: 'ac',
  compose: 'cs',
  ssh: 'ssh',
};

/**
 * The builders that sit in a guide's prose. The front-door kit is a page of its own (profile, choices, file tree and
 * viewer) with its own layout, covered by tests/e2e/kit.spec.ts.
 */
const IN_GUIDES = BUILDERS.filter((entry) => entry.id in OUTPUT_ID);
const guidePages = () =>
  builderPages().filter((path) => IN_GUIDES.some((entry) => entry.page === path || entry.alsoOn?.includes(path)));

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Waits until every island on the page has rendered, without scrolling (tests/e2e/helpers.ts `hydrated` scrolls). */
async function allHydrated(page: Page): Promise<void> {
  await expect.poll(() => page.locator('astro-island[ssr]').count(), { message: 'every island has hydrated' }).toBe(0);
  await expect(page.locator('.builder-output').first()).toBeVisible();
}

/** The element's top relative to the viewport's, and how far from where a link to it puts it in the page as it is now. */
function linkOffset(page: Page, id: string) {
  return page.evaluate((targetId) => {
    const root = document.documentElement;
    const target = document.getElementById(targetId)!;
    // Where a link puts it: the page's scroll padding and the heading's own scroll margin (room for the section bar).
    const padding =
      (parseFloat(getComputedStyle(root).scrollPaddingTop) || 0) + (parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
    const top = target.getBoundingClientRect().top;
    const wanted = Math.min(window.scrollY + top - padding, root.scrollHeight - window.innerHeight);
    return { top: Math.round(top), offBy: Math.round(window.scrollY - wanted) };
  }, id);
}

/** Up to two section headings of the prose that come after the first builder on the page. */
async function headingsBelowBuilders(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await allHydrated(page);
  return page.evaluate(() => {
    const builder = document.querySelector('astro-island')!;
    return [...document.querySelectorAll<HTMLElement>('.prose h2[id]')]
      .filter((heading) => builder.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING)
      .slice(0, 2)
      .map((heading) => heading.id);
  });
}

for (const [label, viewport] of [
  ['1280 px', WIDE],
  ['390 px', PHONE],
] as const) {
  for (const path of guidePages()) {
    test(`${label}: links to sections below the builders on ${path} land on the heading after the builders appear`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      const ids = await headingsBelowBuilders(page, path);
      // The browser's own scroll to the link's target must be instant: a smooth one (scroll-behavior on the root) runs
      // on towards the target's place before the builders appeared and races the hold's correction.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
      expect(ids.length, 'headings below the builder').toBeGreaterThan(0);
      for (const id of ids) {
        await page.goto('about:blank');
        await page.goto(`${path}#${id}`);
        await allHydrated(page);
        // The builders go on changing after they render (the output is highlighted after a pause): the heading stays.
        await expect(page.locator('.builder-output .output-plain')).toHaveCount(0);
        const { offBy, top } = await linkOffset(page, id);
        expect(
          Math.abs(offBy),
          `#${id}: the page is scrolled where the link puts the heading (its top is at ${top} px)`,
        ).toBeLessThanOrEqual(2);
        expect(top, `#${id} is in view`).toBeGreaterThanOrEqual(0);
        expect(top, `#${id} is in view`).toBeLessThan(viewport.height);
      }
    });
  }
}

test.describe('the "needs JavaScript" note', () => {
  test('shows, as one paragraph, on every builder page without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of guidePages()) {
      await page.goto(path);
      const notes = page.locator('.builder-fallback');
      expect(await notes.count(), path).toBeGreaterThan(0);
      for (const note of await notes.all()) {
        await expect(note, path).toBeVisible();
        await expect(note, path).toContainText('needs JavaScript');
        await expect(note.locator('p'), `${path}: no paragraph inside the note's paragraph`).toHaveCount(0);
      }
    }
    await context.close();
  });

  test('never shows with JavaScript, not even while the builder loads', async ({ page }) => {
    // The builders' code never arrives: the page stays in its loading state.
    await page.route(/\/_astro\/[A-Za-z]+Builder[A-Za-z]*\.[^/]*\.js$|\/_astro\/ComposeSplitter\.[^/]*\.js$/, (route) =>
      route.abort(),
    );
    for (const path of guidePages()) {
      await page.goto(path);
      await expect(page.locator('astro-island[ssr]').first()).toBeAttached();
      for (const note of await page.locator('.builder-fallback').all()) await expect(note, path).toBeHidden();
    }
  });
});

/** The builder `id` (registry id) on its own page, hydrated. */
async function openBuilder(page: Page, id: string): Promise<Locator> {
  const entry = BUILDERS.find((candidate) => candidate.id === id)!;
  await page.goto(entry.page);
  await allHydrated(page);
  return page.locator('.builder').filter({ has: page.locator(`#${OUTPUT_ID[id]}-output-heading`) });
}

/** Whether the element's box lies within the viewport, top and bottom. */
function inViewport(element: Locator) {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

for (const entry of IN_GUIDES) {
  test(`1280 px: ${entry.title} shows its first field and its output at once, and the output stays in view further down the form`, async ({
    page,
  }) => {
    await page.setViewportSize(WIDE);
    const builder = await openBuilder(page, entry.id);
    const output = builder.locator('.builder-output');
    const outputTop = builder.locator(`#${OUTPUT_ID[entry.id]}-output-heading`);
    const first = builder.locator(':is(input:not([type="hidden"]), select, textarea):visible').first();
    await first.scrollIntoViewIfNeeded();
    expect(await inViewport(first), 'the first field is in view').toBe(true);
    expect(await inViewport(outputTop), 'the output heading is in view beside it').toBe(true);
    await expect(output.locator('.output-panel, .builder-empty, .output-errors').first()).toBeInViewport({ ratio: 0.5 });

    // A text field lower in the form: the first one more than a screen below the first field, else the last one.
    const firstTop = await first.evaluate((node) => node.getBoundingClientRect().top + window.scrollY);
    const textFields = builder.locator(':is(input[type="text"], textarea):visible');
    const candidates = await textFields.evaluateAll((nodes, top) => {
      const tops = nodes.map((node) => node.getBoundingClientRect().top + window.scrollY);
      const far = tops.findIndex((value) => value > top + window.innerHeight);
      return far >= 0 ? far : tops.length - 1;
    }, firstTop);
    const lower = textFields.nth(candidates);
    await lower.scrollIntoViewIfNeeded();
    await lower.press('End');
    await lower.pressSequentially('x');
    await expect(lower, 'the field typed into is in view').toBeInViewport();
    expect(await inViewport(outputTop), 'the output heading is still in view').toBe(true);
    await expect(output.locator('.output-panel, .builder-empty, .output-errors').first()).toBeInViewport({ ratio: 0.5 });
  });

  test(`390 px: ${entry.title} has the output one control away from the form, and a way back`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    const builder = await openBuilder(page, entry.id);
    const field = builder.locator(':is(input[type="text"], textarea):visible').first();
    await field.scrollIntoViewIfNeeded();
    await field.focus();
    const jump = builder.locator('.builder-jump button');
    await expect(jump, 'the jump rides in view while the form is').toBeInViewport();
    await jump.focus();
    await page.keyboard.press('Enter');
    const heading = builder.locator(`#${OUTPUT_ID[entry.id]}-output-heading`);
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await builder.locator('.builder-back button').click();
    await expect(field).toBeFocused();
    await expect(field).toBeInViewport();
  });
}

test('print shows the builder’s output without its form', async ({ page }) => {
  const builder = await openBuilder(page, 'tailscale');
  await page.emulateMedia({ media: 'print' });
  await expect(builder.locator('.builder-output .output-file')).toBeVisible();
  await expect(builder.locator('fieldset').first()).toBeHidden();
  await expect(builder.locator('.output-actions')).toBeHidden();
  await expect(builder.locator('.builder-back')).toBeHidden();
  expect(await builder.locator('.builder-output').evaluate((node) => getComputedStyle(node).position)).toBe('static');
});

test('the hold lets go at the reader’s first scroll: later changes above the section no longer move the page back to it', async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  const path = '/guides/tailscale/';
  const [id] = await headingsBelowBuilders(page, path);
  await page.goto('about:blank');
  await page.goto(`${path}#${id}`);
  await allHydrated(page);
  await expect
    .poll(async () => Math.abs((await linkOffset(page, id!)).offBy), { message: 'the link landed' })
    .toBeLessThanOrEqual(2);

  // The reader scrolls up with the wheel, then something above grows (as a builder does while it settles).
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await linkOffset(page, id!)).offBy, { message: 'the wheel moved the page' }).toBeLessThan(-300);
  // Wheel scrolling may be animated: wait until the page has kept still for ten frames.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = scrollY;
        let still = 0;
        const frame = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 10) done();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  const before = await linkOffset(page, id!);
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '600px';
    document.querySelector('.prose')!.prepend(spacer);
  });
  // Two frames: a hold still running would have put the heading back at the top by now.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const after = await linkOffset(page, id!);
  expect(after.offBy, `#${id} stays where the reader scrolled it`).toBeLessThan(-300);
  expect(
    Math.abs(after.top - before.top),
    'the heading stays put on the screen (the browser keeps the reader’s place)',
  ).toBeLessThanOrEqual(2);
});
