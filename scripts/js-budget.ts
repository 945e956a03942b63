// Shared by the byte-budget e2e test and the benchmark: the JavaScript budgets of builder pages, which built files
// make up the highlighter (the highlight worker and every chunk it imports: Shiki, themes, grammars), and how a page's
// bytes are measured in the browser.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export const JS_BUDGET = {
  /**
   * A builder page after load and a scroll to the end, no click: everything but the highlighter. 51 kB since the
   * second 2026-12-02 session (was 47, and 45 before that), for what issue 21 asked of every builder page: the site
   * script's contents marking, heading anchors, phone menu and three-way theme (+0.7 kB), the output beside the form
   * and the hold on a link's target while islands appear (+1 kB), the output's error banner with copy/download
   * announcements and bounded, grouped messages (+1.2 kB); and the front-door kit, which shares every generator, makes
   * the bundler split them into more, smaller chunks. Measured then: the access-control page 50.7 kB, the others ≤ 48.5.
   */
  builderBeforeHighlighter: 51 * 1024,
  /** The same, highlighter included. */
  builderTotal: 100 * 1024,
};

/**
 * Builder pages allowed more than `builderBeforeHighlighter`, each with its reason. The Authelia setup page runs the
 * whole configuration generator, and inside it the complete access-control validator (Authelia 4.39's decoding,
 * validator messages, RE2 translation and lints — about 14 kB gzip) on every keystroke, so `configuration.yml` is
 * checked exactly as Authelia checks it, plus the rules that keep a hash with its password and say what a reload would
 * lose (63.1 kB gzip before the highlighter measured in the second 2026-12-02 session; 64 kB allowed, 111 kB with the
 * highlighter); the NPM builder it also hosts stays behind a button.
 */
export const BUDGET_EXCEPTIONS: Readonly<Record<string, { beforeHighlighter: number; total: number; reason: string }>> = {
  '/guides/authelia-setup/': {
    beforeHighlighter: 64 * 1024,
    total: 111 * 1024,
    reason: 'the configuration generator with the full access-control validator inside it',
  },
  /**
   * The front-door kit writes every layer's files from the profile as the page opens, so it loads every generator the
   * other builder pages load one at a time (Authelia's configuration with the access-control validator, NPM, internal
   * DNS, Tailscale with its route rules, SSH with its sshd simulator), the profile check with the public-suffix list,
   * and the cross-checks, which parse compose.yaml with the yaml library and run the compose splitter's secret detector
   * (about 41 kB gzip together). Measured 2026-12-02: 171.1 kB gzip before the highlighter, 217.6 kB with it. The zip
   * writer (fflate) and the argon2id worker load only on a click, outside both figures.
   */
  '/kit/': {
    beforeHighlighter: 174 * 1024,
    total: 221 * 1024,
    reason: "every layer's generator and the cross-checks between them, on load",
  },
};

/** The JavaScript a builder page may load before the highlighter. */
export function beforeHighlighterBudget(path: string): number {
  return BUDGET_EXCEPTIONS[path]?.beforeHighlighter ?? JS_BUDGET.builderBeforeHighlighter;
}

/** The JavaScript a builder page may load with the highlighter. */
export function totalBudget(path: string): number {
  return BUDGET_EXCEPTIONS[path]?.total ?? JS_BUDGET.builderTotal;
}

const IMPORT = /(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)[`'"](\.\/[^`'"]+\.js)[`'"]/g;

/** `/_astro/…` paths of the highlight worker and everything it imports, statically or on demand. */
export function highlighterFiles(dist: string): Set<string> {
  const dir = join(dist, '_astro');
  const seeds = readdirSync(dir).filter((f) => /^highlight\.worker-[\w-]+\.js$/.test(f));
  if (seeds.length === 0) throw new Error(`no highlight worker in ${dir}`);
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name) || !existsSync(join(dir, name))) return;
    found.add(name);
    for (const m of readFileSync(join(dir, name), 'utf8').matchAll(IMPORT)) visit(m[1]!.slice(2));
  };
  seeds.forEach(visit);
  return new Set([...found].map((f) => `/_astro/${f}`));
}

/** What a page fetched after load and a scroll to the end with no click: gzip (level 9) bytes per path. */
export interface PageBytes {
  scripts: Map<string, number>;
  styles: Map<string, number>;
  /** Inline scripts of the page, together. */
  inlineGzip: number;
  /** Scripts (inline included) outside the highlighter, and the highlighter's own. */
  before: number;
  highlighterGzip: number;
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/**
 * Loads `url`, scrolls to the end like a reader (no click, no key press), waits until the islands have hydrated and
 * the output panels have been highlighted, and counts every script and stylesheet the browser fetched, workers and
 * lazily loaded chunks included.
 */
export async function measurePage(page: Page, url: string, highlighter: Set<string>): Promise<PageBytes> {
  const scripts = new Map<string, number>();
  const styles = new Map<string, number>();
  const bodies: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const into = type === 'script' ? scripts : type === 'stylesheet' ? styles : undefined;
    if (!into) return;
    const path = new URL(response.url()).pathname;
    bodies.push(
      response.body().then(
        (body) => void into.set(path, gz(body)),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
  });
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  // Every output panel that shows code has been highlighted (or there is nothing to highlight yet).
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.output-file pre.output-plain').length === 0 ||
      document.querySelectorAll('.output-file .output-code').length > 0,
  );
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
  );
  const inlineGzip = gz(inline);
  let before = inlineGzip;
  let highlighterGzip = 0;
  for (const [file, bytes] of scripts) {
    if (highlighter.has(file)) highlighterGzip += bytes;
    else before += bytes;
  }
  return { scripts, styles, inlineGzip, before, highlighterGzip };
}
