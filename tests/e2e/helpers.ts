import type { Page } from '@playwright/test';
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

/**
 * Everything the site keeps in localStorage, one `key=value` line each, with builder states decoded from their share
 * encoding (`v1.` + base64url JSON) so a secret cannot hide from a `not.toContain` in base64. Fires `pagehide` first:
 * the builders write their debounced state on it, so the result is the current state, not one from before the pause.
 */
export async function storedState(page: Page): Promise<string> {
  const entries = await page.evaluate(() => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    return { ...localStorage };
  });
  const decode = (value: string) => (value.startsWith('v1.') ? Buffer.from(value.slice(3), 'base64url').toString('utf8') : value);
  return Object.entries(entries)
    .map(([key, value]) => `${key}=${decode(value)}`)
    .join('\n');
}
