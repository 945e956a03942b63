// The Lighthouse gate: audits the built site in Debian's Chromium (mobile, simulated throttling — Lighthouse's
// defaults) and fails when a page misses its gate: accessibility, best practices and SEO must be 100; performance
// is aimed at 100 and printed, but gated at 90 so a loaded CI machine cannot fail the build on timing noise.
//
// Usage: node scripts/lighthouse.ts [dist=dist] [--json file] [--runs 3] [--reports dir] [--only /path/]...
//   Serves <dist> with scripts/serve.ts on a free loopback port and audits the pages in PAGES one after another,
//   each run in a fresh Chromium (no cache, storage or service worker carries over). Every page is audited --runs
//   times: performance counts the median run, as Lighthouse's documentation advises for its run-to-run variance;
//   accessibility, best practices and SEO count the worst run, so a failure in any run fails. Prints a score table,
//   then every audit that keeps a page under its gate with the offending elements or URLs. Exits 1 when a gate fails.
//   --json     writes a report in the shape of Playwright's JSON reporter (stats/errors/results), one test per
//              page × gated category, so scripts/summarize.ts counts it like the e2e suites.
//   --reports  keeps every run's full Lighthouse report (HTML to open in a browser, and the JSON result).
//   --only     audits only the given page(s), for working on one page.
//   CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

/** The minimum category score (0–1) each page must reach. */
export const GATES: Record<Category, number> = {
  performance: 0.9,
  accessibility: 1,
  'best-practices': 1,
  seo: 1,
};
export const CATEGORIES = Object.keys(GATES) as Category[];

export interface AuditedPage {
  path: string;
  label: string;
  /** Requests the page must have made, proving the audited state is the one named (e.g. search results shown). */
  mustRequest?: RegExp[];
}

export const PAGES: AuditedPage[] = [
  { path: '/', label: 'home' },
  { path: '/guides/ssh-keys/', label: 'prose guide' },
  { path: '/guides/authelia-forward-auth/', label: 'builder: access control' },
  { path: '/guides/authelia-setup/', label: 'builders: Authelia setup + NPM' },
  { path: '/guides/nginx-proxy-manager/', label: 'builder: NPM snippets' },
  { path: '/guides/tailscale/', label: 'builder: Tailscale' },
  { path: '/guides/secrets/', label: 'builder: compose splitter' },
  { path: '/checklist/', label: 'checklist' },
  // Search is a dialog on every page, opened on demand, so a navigation audit of any page would only see it closed.
  // /search/ mounts the same Pagefind UI on load (it is also the link target of the header's Search button when
  // scripts are off, and a bookmarkable ?q= address), and ?q= runs a query, so Lighthouse audits the search field,
  // its results list and Pagefind's loading cost. The required requests prove the results were fetched and shown.
  {
    path: '/search/?q=tailscale',
    label: 'search (Pagefind UI with results)',
    mustRequest: [/\/pagefind\/pagefind-ui\.js$/, /\/pagefind\/fragment\//],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Pure parts (unit-tested): the gate, the failing audits, the table and the report.

/** The parts of a Lighthouse result (LH.Result) this script reads. */
export interface AuditLike {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  explanation?: string;
  errorMessage?: string;
  details?: { type?: string; items?: unknown };
}
export interface LhrLike {
  categories: Record<string, { id: string; score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, AuditLike | undefined>;
  runWarnings?: string[];
  runtimeError?: { code: string; message: string };
}

export interface GateResult {
  category: Category;
  /** 0–1 as in Lighthouse's result (its report shows ×100), or null when the category could not be scored. */
  score: number | null;
  /** 0–1. */
  threshold: number;
  pass: boolean;
}

/** Checks category scores (0–1, as in an LHR) against GATES. A missing or unscored category fails. */
export function gate(scores: Partial<Record<Category, number | null>>): GateResult[] {
  return CATEGORIES.map((category) => {
    const raw = scores[category];
    const score = typeof raw === 'number' ? raw : null;
    // Compare the raw score: 0.996 shows as 100 in Lighthouse's report yet still has a failing audit behind it.
    return {
      category,
      score,
      threshold: GATES[category],
      pass: score !== null && score >= GATES[category],
    };
  });
}

export function scoresOf(lhr: LhrLike): Record<Category, number | null> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as Record<Category, number | null>;
}

export const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
] as const;

export function metricsOf(lhr: LhrLike): Record<string, string> {
  return Object.fromEntries(METRICS.map(([name, id]) => [name, lhr.audits[id]?.displayValue ?? '–']));
}

export interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  /** One line per offending element, URL or source location (at most MAX_ITEMS). */
  items: string[];
  /** How many items there were in all. */
  total: number;
}

const MAX_ITEMS = 8;
const SCORED = new Set(['binary', 'numeric', 'metricSavings']);

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One readable line for one row of an audit's details table or list. */
export function describeItem(item: unknown): string {
  if (typeof item !== 'object' || item === null) return clip(String(item), 240);
  const row = item as Record<string, unknown>;
  const parts: string[] = [];
  const node = row.node as { type?: string; selector?: string; snippet?: string; explanation?: string } | undefined;
  if (node?.type === 'node') {
    parts.push(node.selector ?? '', node.snippet ?? '');
    if (node.explanation) parts.push(`— ${node.explanation.split('\n').slice(0, 2).join(' ')}`);
  }
  const source = row.source as { url?: string; line?: number; value?: string } | undefined;
  if (typeof row.url === 'string') parts.push(row.url);
  else if (source?.url) parts.push(`${source.url}${source.line === undefined ? '' : `:${source.line + 1}`}`);
  else if (source?.value) parts.push(source.value);
  for (const key of ['href', 'text', 'label', 'statistic', 'reason', 'description', 'failureType']) {
    if (typeof row[key] === 'string') parts.push(row[key] as string);
  }
  for (const key of ['wastedMs', 'wastedBytes', 'totalBytes', 'duration', 'total', 'value']) {
    const value = row[key];
    if (typeof value === 'number') parts.push(`${key}=${Math.round(value)}`);
  }
  const text = parts.filter(Boolean).join(' ');
  return clip(text || JSON.stringify(row), 240);
}

function itemsOf(audit: AuditLike): unknown[] {
  const items = audit.details?.items;
  if (!Array.isArray(items)) return [];
  // Some details are a list of tables (e.g. insights); flatten one level.
  return items.flatMap((entry) => {
    const nested = (entry as { type?: string; items?: unknown } | null)?.items;
    return (entry as { type?: string } | null)?.type === 'table' && Array.isArray(nested) ? nested : [entry];
  });
}

function failing(audit: AuditLike): FailingAudit {
  const all = itemsOf(audit);
  const items = all.slice(0, MAX_ITEMS).map(describeItem);
  if (all.length === 0 && audit.explanation) items.push(clip(audit.explanation, 300));
  if (audit.errorMessage) items.push(`error: ${clip(audit.errorMessage, 300)}`);
  return { id: audit.id, title: audit.title, score: audit.score, displayValue: audit.displayValue, items, total: all.length };
}

/**
 * The audits that keep a category under 100. Accessibility, best practices and SEO: every weighted audit that did
 * not pass. Performance: the metrics that did not score full marks, then the diagnostics and insights (unweighted,
 * but they say why) that flagged something, worst first.
 */
export function failingAudits(lhr: LhrLike, category: Category): FailingAudit[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const audits = refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter((x): x is { ref: { id: string; weight: number }; audit: AuditLike } => x.audit !== undefined);
  // An audit that errored (its score is null) leaves the category's score untrustworthy: list it too.
  const weighted = audits.filter(
    ({ ref, audit }) => ref.weight > 0 && ((audit.score !== null && audit.score < 1) || audit.scoreDisplayMode === 'error'),
  );
  if (category !== 'performance') return weighted.map(({ audit }) => failing(audit));
  const diagnostics = audits
    .filter(
      ({ ref, audit }) => ref.weight === 0 && SCORED.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < 0.9,
    )
    .sort((a, b) => (a.audit.score ?? 0) - (b.audit.score ?? 0));
  return [...weighted, ...diagnostics].map(({ audit }) => failing(audit));
}

export interface PageOutcome {
  path: string;
  label: string;
  gates: GateResult[];
  /** The performance score (0–1) of each run, in run order (the gate uses their median). */
  performanceRuns: (number | null)[];
  /** The median performance run's metrics. */
  metrics: Record<string, string>;
  /** Keyed by category; only categories under their gate. */
  failing: Partial<Record<Category, FailingAudit[]>>;
  /** Problems with the run itself (runtime error, missing required request). */
  problems: string[];
  warnings: string[];
  seconds: number;
}

/** A 0–1 score as Lighthouse shows it (0–100), '–' when there is none. */
export const pct = (score: number | null | undefined) => (typeof score === 'number' ? String(Math.round(score * 100)) : '–');

const SHORT: Record<Category, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The score table: one row per page, a ✗ after every score under its gate, the metrics of the median run. */
export function table(outcomes: PageOutcome[]): string {
  const header = ['page', ...CATEGORIES.map((c) => SHORT[c]), 'perf runs', ...METRICS.map(([name]) => name), 'time'];
  const rows = outcomes.map((o) => [
    o.path,
    ...o.gates.map((g) => `${pct(g.score)}${g.pass ? '' : ' ✗'}`),
    o.performanceRuns.map(pct).join(' '),
    ...METRICS.map(([name]) => o.metrics[name] ?? '–'),
    `${o.seconds.toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The failing audits of every page under a gate, for the CI log. Empty when everything passed. */
export function failureReport(outcomes: PageOutcome[]): string {
  const out: string[] = [];
  for (const o of outcomes) {
    for (const problem of o.problems) out.push(`${o.path}: ${problem}`);
    for (const g of o.gates.filter((x) => !x.pass)) {
      out.push(`${o.path} — ${g.category} ${g.score === null ? 'not scored' : pct(g.score)} (gate ${pct(g.threshold)}):`);
      const audits = o.failing[g.category] ?? [];
      if (audits.length === 0) out.push('  (no failing audit reported)');
      for (const a of audits) {
        const score = a.score === null ? '' : ` score ${pct(a.score)}`;
        out.push(`  ${a.id}: ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}${score}`);
        for (const item of a.items) out.push(`      ${item}`);
        if (a.total > a.items.length && a.total > MAX_ITEMS) out.push(`      … and ${a.total - MAX_ITEMS} more`);
      }
    }
  }
  return out.join('\n');
}

export interface Report {
  stats: { expected: number; unexpected: number; skipped: 0; flaky: 0; duration: number };
  errors: { message: string }[];
  results: {
    title: string;
    page: string;
    category: Category;
    score: number | null;
    threshold: number;
    status: 'expected' | 'unexpected';
    /** Performance only: the score (0–1) of every run. */
    runs?: (number | null)[];
    failingAudits: FailingAudit[];
    problems: string[];
  }[];
}

/**
 * The --json report, a subset of Playwright's JSON reporter (stats.expected = passed, stats.unexpected = failed,
 * errors = failures outside any test): one test per page × gated category. A page whose run had a problem fails
 * all of its tests, since its scores are not of the state the page claims to be.
 */
export function report(outcomes: PageOutcome[], errors: string[], duration: number): Report {
  const results = outcomes.flatMap((o) =>
    o.gates.map((g) => ({
      title: `${o.path} › ${g.category} ≥ ${pct(g.threshold)}`,
      page: o.path,
      category: g.category,
      score: g.score,
      threshold: g.threshold,
      status: (g.pass && o.problems.length === 0 ? 'expected' : 'unexpected') as 'expected' | 'unexpected',
      ...(g.category === 'performance' ? { runs: o.performanceRuns } : {}),
      failingAudits: o.failing[g.category] ?? [],
      problems: o.problems,
    })),
  );
  const expected = results.filter((r) => r.status === 'expected').length;
  return {
    stats: { expected, unexpected: results.length - expected, skipped: 0, flaky: 0, duration: Math.round(duration) },
    errors: errors.map((message) => ({ message })),
    results,
  };
}

/** One Lighthouse run of a page: its result and the URLs the page requested. */
export interface Run {
  lhr: LhrLike;
  requested: string[];
}

const rank = (score: number | null | undefined) => (typeof score === 'number' ? score : -1);

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * Everything the script concludes from the runs of one page. Performance is the median run's (with its metrics and
 * failing audits); each other category is the worst run's. A runtime error or a missing required request in any run
 * is a problem that fails the page.
 */
export function outcome(page: AuditedPage, runs: Run[], seconds: number): PageOutcome {
  if (runs.length === 0) throw new Error('outcome needs at least one run');
  const byPerformance = [...runs].sort((a, b) => rank(scoresOf(a.lhr).performance) - rank(scoresOf(b.lhr).performance));
  const median = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!;
  const source = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      c === 'performance'
        ? median
        : runs.reduce((worst, r) => (rank(scoresOf(r.lhr)[c]) < rank(scoresOf(worst.lhr)[c]) ? r : worst)),
    ]),
  ) as Record<Category, Run>;
  const gates = gate(Object.fromEntries(CATEGORIES.map((c) => [c, scoresOf(source[c].lhr)[c]])));
  const failingByCategory: Partial<Record<Category, FailingAudit[]>> = {};
  const problems: string[] = [];
  runs.forEach((run, i) => {
    const which = runs.length > 1 ? ` (run ${i + 1})` : '';
    const error = run.lhr.runtimeError;
    if (error) problems.push(`Lighthouse runtime error${which} ${error.code}: ${error.message}`);
    for (const pattern of page.mustRequest ?? []) {
      if (!run.requested.some((url) => pattern.test(pathOf(url)))) problems.push(`no request matched ${pattern}${which}`);
    }
  });
  for (const g of gates) {
    // After a runtime error every audit errors with the same message, already listed once as a problem.
    if (!g.pass && !source[g.category].lhr.runtimeError)
      failingByCategory[g.category] = failingAudits(source[g.category].lhr, g.category);
  }
  return {
    path: page.path,
    label: page.label,
    gates,
    performanceRuns: runs.map((r) => scoresOf(r.lhr).performance),
    metrics: metricsOf(median.lhr),
    failing: failingByCategory,
    problems,
    warnings: [...new Set(runs.flatMap((r) => r.lhr.runWarnings ?? []))],
    seconds,
  };
}

/** The URLs in the network-requests audit. */
export function requestedUrls(lhr: LhrLike): string[] {
  const items = lhr.audits['network-requests']?.details?.items;
  return Array.isArray(items) ? items.map((i) => String((i as { url?: string }).url ?? '')).filter(Boolean) : [];
}

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
  runs: number;
  only: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { dist: 'dist', runs: 3, only: [] };
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
    else if (arg === '--runs') {
      options.runs = Number(value(i++, 'a number'));
      if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs needs a whole number ≥ 1');
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
    const { dist, reports, runs, only } = options;
    const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const pages = only.length ? PAGES.filter((p) => only.includes(p.path) || only.includes(p.path.split('?')[0]!)) : PAGES;
    if (pages.length === 0) throw new Error(`no page matches --only ${only.join(' ')}`);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: build the site first`);
    const { default: lighthouse } = await import('lighthouse');
    const { launch } = await import('chrome-launcher');
    const site = await startServer(resolve(dist));
    server = site.child;
    console.log(`Lighthouse: ${dist} at ${site.origin}/ in ${chromePath} (mobile, simulated throttling), ${runs} run(s) a page`);
    for (const page of pages) {
      const t0 = performance.now();
      const done: Run[] = [];
      let failure: string | undefined;
      for (let run = 1; run <= runs && !failure; run++) {
        // A fresh browser (and profile) per run: no cache, storage or service worker from an earlier run.
        const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'], logLevel: 'silent' });
        try {
          const result = await lighthouse(`${site.origin}${page.path}`, { port: chrome.port, output: 'html', logLevel: 'error' });
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
            performanceRuns: [],
            metrics: {},
            failing: {},
            problems: [`Lighthouse failed: ${failure}`],
            warnings: [],
            seconds,
          }
        : outcome(page, done, seconds);
      outcomes.push(o);
      const scores = o.gates.map((g) => `${SHORT[g.category]} ${pct(g.score)}${g.pass ? '' : ' ✗'}`).join(', ');
      console.log(
        `  ${page.path} (${page.label}): ${scores} [perf runs ${o.performanceRuns.map(pct).join(' ')}] — ${seconds.toFixed(1)} s`,
      );
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
    console.log('Under the gate (accessibility, best practices, SEO = 100 in every run; median performance ≥ 90):');
    console.log(`${failures}\n`);
  }
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
