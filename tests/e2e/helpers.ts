import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every page URL listed in the built sitemap, as a local path. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist', 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

/** A WebAssembly module compiled in the page or one of its workers, as the DevTools protocol reported it. */
export interface CompiledWasm {
  /** 'page', or the URL of the worker's script. */
  target: string;
  url: string;
}

/**
 * Watches, through the DevTools protocol, every WebAssembly module compiled in the page and in each dedicated worker
 * it starts, by target. V8 reports each compiled module to an attached debugger as a parsed script whose language is
 * WebAssembly, so this tells structurally where work runs, whatever the machine's load. Call before navigating.
 * Workers are auto-attached paused and resumed once the debugger listens, so no module compiled at start-up is missed.
 */
export async function watchWasm(page: Page): Promise<() => CompiledWasm[]> {
  const compiled: CompiledWasm[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.scriptLanguage === 'WebAssembly') compiled.push({ target: 'page', url: e.url });
  });
  await cdp.send('Debugger.enable');
  // Playwright keeps the protocol's flat sessions to itself, so this session attaches to workers the nested way and
  // talks to them through Target.sendMessageToTarget / receivedMessageFromTarget.
  const workers = new Map<string, string>();
  let id = 1;
  const sendTo = (sessionId: string, method: string) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: id++, method }) });
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type !== 'worker') return;
    workers.set(e.sessionId, e.targetInfo.url);
    void sendTo(e.sessionId, 'Debugger.enable').then(() => sendTo(e.sessionId, 'Runtime.runIfWaitingForDebugger'));
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { method?: string; params?: { scriptLanguage?: string; url?: string } };
    if (message.method === 'Debugger.scriptParsed' && message.params?.scriptLanguage === 'WebAssembly')
      compiled.push({ target: workers.get(e.sessionId ?? '') ?? 'unknown worker', url: message.params.url ?? '' });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return () => [...compiled];
}

/** A builder state as stored or shared (`v<version>.` + base64url JSON), decoded to its JSON; other values as they are. */
const decodeState = (value: string) => {
  const encoded = /^v\d+\.(.*)$/s.exec(value);
  return encoded ? Buffer.from(encoded[1]!, 'base64url').toString('utf8') : value;
};

/**
 * What the site keeps in localStorage, with builder states decoded from their share encoding (`v<version>.` +
 * base64url JSON) so a secret cannot hide from a `not.toContain` in base64.
 *
 * Without `id`: every entry, one `key=value` line each. Fires `pagehide` first: the builders write their debounced
 * state on it, so the result is the current state, not one from before the pause.
 *
 * With `id`: the state the builder with that id (its share-link and storage key) has stored so far, decoded, or ''
 * when it has stored none. No `pagehide`: this reads what the debounced write has really put there, so
 * `expectStored` can wait for it.
 */
export async function storedState(page: Page, id?: string): Promise<string> {
  if (id !== undefined) {
    const value = await page.evaluate((key) => localStorage.getItem(key), `builder:${id}`);
    return value === null ? '' : decodeState(value);
  }
  const entries = await page.evaluate(() => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    return { ...localStorage };
  });
  return Object.entries(entries)
    .map(([key, value]) => `${key}=${decodeState(value)}`)
    .join('\n');
}

/**
 * Waits until the builder `id` has stored a state that contains every one of `texts` (write them as they appear in
 * the state's JSON): the debounced storage write after the last edit has run. Instead of sleeping through the pause.
 */
export async function expectStored(page: Page, id: string, ...texts: string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const stored = await storedState(page, id);
        return texts.filter((text) => !stored.includes(text));
      },
      { message: `builder:${id} in localStorage holds ${texts.join(', ')}` },
    )
    .toEqual([]);
}

/**
 * Waits until the island that holds `selector` is interactive: scrolls the element into view (islands hydrate when
 * visible) and waits until its <astro-island> has hydrated (Astro removes the `ssr` attribute once the component has
 * rendered in the browser). Returns the element's locator.
 */
export async function hydrated(page: Page, selector: string): Promise<Locator> {
  const element = page.locator(selector).first();
  await element.scrollIntoViewIfNeeded();
  await expect
    .poll(() => element.evaluate((node) => node.closest('astro-island')?.hasAttribute('ssr') ?? 'not in an island'), {
      message: `the island holding ${selector} has hydrated`,
    })
    .toBe(false);
  return element;
}

/**
 * Waits until the output panel in `builder` shows its current file highlighted: the panel shows the plain text until
 * the highlighter (after a pause, in a worker) has coloured that exact content.
 */
export async function expectHighlighted(builder: Locator): Promise<void> {
  await expect(builder.locator('.output-file .output-plain')).toHaveCount(0);
  await expect(builder.locator('.output-file .output-code').first()).toBeVisible();
}

/**
 * Waits until a builder has done the work it defers after the last edit: the debounced storage write holds every one
 * of `stored` (so the edit has rendered), and the output of that edit has been highlighted.
 */
export async function expectSettled(page: Page, builder: Locator, id: string, ...stored: string[]): Promise<void> {
  await expectStored(page, id, ...stored);
  await expectHighlighted(builder);
}

/** A page opened from a builder's share link in a fresh browser context (no storage), and how to close it. */
export interface SharedPage {
  page: Page;
  link: string;
  close: () => Promise<void>;
}

/**
 * The share-link round trip: clicks "Copy share link" in `builder`, reads the link the builder shows, checks it
 * carries the builder's parameter (`#<id>=v<version>.…`), and opens it in a fresh browser context with empty
 * storage, waiting until the island holding `ready` (a selector on the new page) has hydrated. The caller checks the
 * restored fields and closes the context.
 */
export async function openShareLink(browser: Browser, builder: Locator, id: string, ready: string): Promise<SharedPage> {
  await builder.getByRole('button', { name: 'Copy share link' }).click();
  const link = await builder.locator('.state-link input').inputValue();
  expect(link).toMatch(new RegExp(`[#&]${id}=v\\d+\\.`));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await hydrated(page, ready);
  return { page, link, close: () => context.close() };
}

/**
 * A check whose message the field shows under it: the checks list names the field (its label) instead of repeating
 * the message, and its "Go to field" focuses the field. `entry` is the list item (`.diagnostics … [data-code=…]`).
 */
export async function expectListedAtField(entry: Locator, field: Locator, message: string | RegExp): Promise<void> {
  const id = await field.getAttribute('id');
  const label = (await field.page().locator(`label[for="${id}"]`).first().innerText()).trim();
  await expect(entry).toHaveClass(/diagnostic-at-field/);
  await expect(entry).toContainText(`Shown under ${label}`);
  await expect(entry).not.toContainText(message);
  await expect(entry.getByRole('button', { name: `Go to field ${label}` })).toBeVisible();
  await entry.getByRole('button', { name: /^Go to field/ }).click();
  await expect(field).toBeFocused();
}
