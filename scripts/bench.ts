// Benchmark (not a test): build time, and per page the HTML and JS bytes (raw and gzip),
// with JS measured in Chromium after load and a scroll, with no click or key press.
// Targets: build ≤ 20 s on 2 cores; HTML ≤ 15 kB gzip per page; ≤ 5 kB gzip JS on prose pages.
// Usage: npm run bench   (writes bench-results/latest.json too)
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4399);
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

// 1. Cold build.
rmSync('dist', { recursive: true, force: true });
rmSync('node_modules/.vite', { recursive: true, force: true });
rmSync('node_modules/.astro', { recursive: true, force: true });
const t0 = performance.now();
const astro = spawnSync('npx', ['astro', 'build'], { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const t1 = performance.now();
const pagefind = spawnSync('npx', ['pagefind', '--site', 'dist'], { stdio: 'ignore' });
const t2 = performance.now();
if (astro.status !== 0 || pagefind.status !== 0) {
  console.error('build failed');
  process.exit(1);
}
const build = { astroMs: Math.round(t1 - t0), pagefindMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0) };
console.log(
  `build: ${(build.totalMs / 1000).toFixed(2)} s (astro ${(build.astroMs / 1000).toFixed(2)} s + pagefind ${(build.pagefindMs / 1000).toFixed(2)} s; target ≤ 20 s)`,
);

// 2. Pages from dist.
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const pages = walk('dist')
  .filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'))
  .map((f) => {
    const rel = relative('dist', f);
    return { file: f, url: rel === 'index.html' ? '/' : `/${rel.replace(/index\.html$/, '')}` };
  })
  .sort((a, b) => a.url.localeCompare(b.url));

// 3. JS actually loaded in Chromium after load + scroll, no interaction.
// A minimal static server over dist/ (astro preview allows one instance per project, which the
// e2e suite or a developer may already be using).
const types: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  wasm: 'application/wasm',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[extname(file).slice(1)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${PORT}`;
// Chunks loaded after first render (highlighter, grammars, themes, workers).
const LAZY = /\/_astro\/(highlight|github-|yaml\.|nginx\.|shellscript\.|json\.|jsonc\.|ini\.|dotenv\.|[\w-]*worker)/;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const rows: Record<string, unknown>[] = [];
try {
  for (const page of pages) {
    const html = readFileSync(page.file);
    const tab = await browser.newPage();
    const scripts: Buffer[] = [];
    let lazyGzip = 0;
    tab.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.push(body);
      if (LAZY.test(new URL(response.url()).pathname)) lazyGzip += gz(body);
    });
    await tab.goto(base + page.url, { waitUntil: 'networkidle' });
    // Scroll through the whole page like a reader would (no click, no key press).
    await tab.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await tab.waitForTimeout(500);
    await tab.waitForLoadState('networkidle');
    const inline = await tab.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
    );
    const islands = await tab.locator('astro-island').count();
    await tab.close();
    const jsRaw = scripts.reduce((n, b) => n + b.length, 0) + Buffer.byteLength(inline);
    const jsGzip = scripts.reduce((n, b) => n + gz(b), 0) + gz(inline);
    rows.push({
      url: page.url,
      htmlRaw: html.length,
      htmlGzip: gz(html),
      jsFiles: scripts.length,
      jsRaw,
      jsGzip,
      lazyGzip,
      islands,
    });
  }
  // Keystroke → output: time from an input event in a builder field to the builder's output changing.
  // (The compose splitter's 300-line typing figures come from tests/e2e/compose.perf.spec.ts, which records them.)
  for (const [path, field] of [
    ['/guides/authelia-forward-auth/', '#ac-1-domain'],
    ['/guides/tailscale/', '#ts-routes'],
    ['/guides/nginx-proxy-manager/', '#npm-1-hostname'],
  ] as const) {
    const tab = await browser.newPage();
    await tab.goto(base + path, { waitUntil: 'networkidle' });
    await tab.locator(field).scrollIntoViewIfNeeded();
    await tab.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    const times = await tab.evaluate(async (selector) => {
      const input = document.querySelector(selector) as HTMLTextAreaElement;
      const out = input.closest('.builder')?.querySelector('.output-file');
      if (!out) return [];
      const result: number[] = [];
      for (let i = 0; i < 60; i++) {
        // The output may be re-created rather than edited, so watch the whole builder; give up after 2 s.
        const changed = new Promise<void>((resolve) => {
          const mo = new MutationObserver(() => {
            mo.disconnect();
            resolve();
          });
          mo.observe(input.closest('.builder') ?? out, { subtree: true, childList: true, characterData: true });
          setTimeout(() => {
            mo.disconnect();
            resolve();
          }, 2000);
        });
        const t0 = performance.now();
        input.value = i % 2 ? input.value.slice(0, -1) : `${input.value}x`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await changed;
        result.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 30));
      }
      return result.sort((a, b) => a - b);
    }, field);
    if (times.length === 0) {
      console.log(`keystroke → output on ${path}: no output panel found`);
      await tab.close();
      continue;
    }
    const p95 = times[Math.floor(times.length * 0.95)]!;
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`keystroke → output on ${path}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 16 ms p95)`);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(
  '\npage'.padEnd(42) +
    'HTML raw'.padStart(10) +
    'HTML gz'.padStart(10) +
    'JS raw'.padStart(10) +
    'JS gz'.padStart(10) +
    '  files',
);
for (const r of rows) {
  const over = (r.htmlGzip as number) > 15 * 1024 || ((r.islands as number) === 0 && (r.jsGzip as number) > 5 * 1024);
  console.log(
    String(r.url).padEnd(41) +
      kb(r.htmlRaw as number).padStart(10) +
      kb(r.htmlGzip as number).padStart(10) +
      kb(r.jsRaw as number).padStart(10) +
      kb(r.jsGzip as number).padStart(10) +
      `  ${r.jsFiles}${over ? '  OVER BUDGET' : ''}`,
  );
}
const maxHtml = Math.max(...rows.map((r) => r.htmlGzip as number));
const maxJs = Math.max(...rows.filter((r) => r.islands === 0).map((r) => r.jsGzip as number));
for (const r of rows.filter((r) => (r.islands as number) > 0)) {
  const initial = (r.jsGzip as number) - (r.lazyGzip as number);
  console.log(
    `builder page ${r.url}: ${kb(initial)} gzip to be usable (target ≤ 45 kB), ${kb(r.jsGzip as number)} with the lazy highlighter (target ≤ 100 kB)`,
  );
}
console.log(`\nlargest HTML: ${kb(maxHtml)} gzip (target ≤ 15 kB); largest prose-page JS: ${kb(maxJs)} gzip (target ≤ 5 kB)`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify({ date: new Date().toISOString(), build, pages: rows }, null, 2));
