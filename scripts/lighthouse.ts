// The Lighthouse gate: audits the built site in Debian's Chromium (mobile, simulated throttling — Lighthouse's
// defaults) and fails when a page misses its gate: accessibility, best practices and SEO must be 100. Those do not
// depend on timing, so one run a page decides. Performance does depend on timing (a loaded machine scores lower), so
// it is no gate: `--performance` adds it as a figure, printed against its target (npm run bench does this).
//
// Usage: node scripts/lighthouse.ts [dist=dist] [--json file] [--performance] [--runs N] [--reports dir] [--only /path/]...
//   Serves <dist> with scripts/serve.ts on a free loopback port and audits the pages in PAGES one after another,
//   each run in a fresh Chromium (no cache, storage or service worker carries over). Gated categories count the
//   worst run, so a failure in any run fails. Prints a score table, then every audit that keeps a page under its
//   gate with the offending elements or URLs. Exits 1 when a gate fails (never because of performance).
//   --json         writes a report in the shape of Playwright's JSON reporter (stats/errors/results), one test per
//                  page × gated category, so scripts/summarize.ts counts it like the e2e suites; performance figures
//                  ride along under "performance".
//   --performance  also audits performance (median of --runs, default 3 then) and prints what held it back.
//   --runs         runs a page (default 1; 3 with --performance).
//   --reports      keeps every run's full Lighthouse report (HTML to open in a browser, and the JSON result).
//   --only         audits only the given page(s), for working on one page.
//   CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clip,
  failureReport,
  gate,
  GATED,
  outcome,
  PAGES,
  pct,
  performanceReport,
  report,
  requestedUrls,
  SHORT,
  table,
  type Category,
  type LhrLike,
  type PageOutcome,
  type Run,
} from './lighthouse-report.ts';

// ---------------------------------------------------------------------------------------------------------------
// The run.

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function startServer(dist: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const serve = resolve(dirname(fileURLToPath(import.meta.url)), 'serve.ts');
  const child = spawn(process.execPath, [serve, dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  // Also on an early exit (Ctrl+C reaches chrome-launcher's handler, which exits the process).
  process.once('exit', () => child.kill());
  const origin = `http://127.0.0.1:${port}`;
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`scripts/serve.ts did not start on port ${port}`)), 15_000);
    child.once('exit', (code) => fail(new Error(`scripts/serve.ts exited with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('serving')) {
        clearTimeout(timer);
        ready();
      }
    });
  });
  return { origin, child };
}

interface Options {
  dist: string;
  json?: string;
  reports?: string;
  runs?: number;
  performance: boolean;
  only: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { dist: 'dist', performance: false, only: [] };
  const value = (i: number, what: string) => {
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${argv[i]} needs ${what}`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = value(i++, 'a file name');
    else if (arg === '--reports') options.reports = value(i++, 'a folder');
    else if (arg === '--only') options.only.push(value(i++, 'a page path'));
    else if (arg === '--performance') options.performance = true;
    else if (arg === '--runs') {
      const runs = Number(value(i++, 'a number'));
      if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number ≥ 1');
      options.runs = runs;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.dist = arg;
  }
  return options;
}

async function main(): Promise<number> {
  const started = performance.now();
  const outcomes: PageOutcome[] = [];
  const errors: string[] = [];
  let json: string | undefined;
  let server: ChildProcess | undefined;
  try {
    const options = parseArgs(process.argv.slice(2));
    json = options.json;
    const { dist, reports, only } = options;
    const runs = options.runs ?? (options.performance ? 3 : 1);
    const onlyCategories: Category[] = options.performance ? [...GATED, 'performance'] : [...GATED];
    const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const pages = only.length ? PAGES.filter((p) => only.includes(p.path) || only.includes(p.path.split('?')[0]!)) : PAGES;
    if (pages.length === 0) throw new Error(`no page matches --only ${only.join(' ')}`);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: build the site first`);
    const { default: lighthouse } = await import('lighthouse');
    const { launch } = await import('chrome-launcher');
    const site = await startServer(resolve(dist));
    server = site.child;
    console.log(
      `Lighthouse: ${dist} at ${site.origin}/ in ${chromePath} (mobile, simulated throttling), ${runs} run(s) a page, ` +
        `categories ${onlyCategories.map((c) => SHORT[c]).join(', ')}`,
    );
    for (const page of pages) {
      const t0 = performance.now();
      const done: Run[] = [];
      let failure: string | undefined;
      for (let run = 1; run <= runs && !failure; run++) {
        // A fresh browser (and profile) per run: no cache, storage or service worker from an earlier run.
        const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'], logLevel: 'silent' });
        try {
          const result = await lighthouse(`${site.origin}${page.path}`, {
            port: chrome.port,
            output: 'html',
            logLevel: 'error',
            onlyCategories,
            // Not in any category, so onlyCategories alone would drop it; the required-request check reads it.
            onlyAudits: ['network-requests'],
          });
          if (!result) throw new Error('Lighthouse returned no result');
          if (outcomes.length === 0 && done.length === 0) {
            console.log(`  Lighthouse ${result.lhr.lighthouseVersion}, ${result.lhr.environment.hostUserAgent}`);
          }
          const lhr = result.lhr as unknown as LhrLike;
          done.push({ lhr, requested: requestedUrls(lhr) });
          if (reports) {
            const name = page.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
            mkdirSync(reports, { recursive: true });
            writeFileSync(join(reports, `${name}.${run}.html`), String(result.report));
            writeFileSync(join(reports, `${name}.${run}.json`), JSON.stringify(result.lhr));
          }
        } catch (error) {
          failure = (error as Error).message;
        } finally {
          chrome.kill();
        }
      }
      const seconds = (performance.now() - t0) / 1000;
      const o: PageOutcome = failure
        ? {
            path: page.path,
            label: page.label,
            gates: gate({}),
            failing: {},
            problems: [`Lighthouse failed: ${failure}`],
            warnings: [],
            seconds,
          }
        : outcome(page, done, seconds);
      outcomes.push(o);
      const scores = o.gates.map((g) => `${SHORT[g.category]} ${pct(g.score)}${g.pass ? '' : ' ✗'}`).join(', ');
      const perf = o.performance ? `, perf ${pct(o.performance.score)} [runs ${o.performance.runs.map(pct).join(' ')}]` : '';
      console.log(`  ${page.path} (${page.label}): ${scores}${perf} — ${seconds.toFixed(1)} s`);
      for (const problem of o.problems) console.log(`    problem: ${problem}`);
      for (const warning of o.warnings) console.log(`    warning: ${clip(warning, 300)}`);
    }
  } catch (error) {
    errors.push((error as Error).message);
    console.error(`lighthouse: ${(error as Error).message}`);
  } finally {
    server?.kill();
  }

  const seconds = (performance.now() - started) / 1000;
  if (outcomes.length) console.log(`\n${table(outcomes)}\n`);
  const failures = failureReport(outcomes);
  if (failures) {
    console.log('Under the gate (accessibility, best practices, SEO = 100 in every run):');
    console.log(`${failures}\n`);
  }
  const slow = performanceReport(outcomes);
  if (slow) console.log(`Performance under its target (a figure, not a failure):\n${slow}\n`);
  const r = report(outcomes, errors, seconds * 1000);
  if (json) {
    mkdirSync(dirname(resolve(json)), { recursive: true });
    writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  }
  const failed = r.stats.unexpected + r.errors.length;
  console.log(`lighthouse: ${r.stats.expected} passed, ${failed} failed in ${seconds.toFixed(0)} s`);
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await main());
}
