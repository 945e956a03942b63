// The pure half of the Lighthouse run (scripts/lighthouse.ts): which pages are audited, the gate, the failing-audit
// extraction, the printed tables and the JSON report that scripts/summarize.ts counts. Unit-tested in
// tests/unit/lighthouse with small hand-made Lighthouse results.
//
// Only categories that do not depend on timing are gates: accessibility, best practices and SEO must be 100 in every
// run. Performance is a timing (its score comes from simulated load metrics of one run on a shared machine), so it is
// a figure for `npm run bench`, printed against PERFORMANCE_TARGET and never a pass/fail.

import { keyPageList, SEARCH_WITH_RESULTS } from './key-pages.ts';

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';
export type GatedCategory = Exclude<Category, 'performance'>;

/** The minimum category score (0–1) each page must reach in `npm test`. */
export const GATES: Record<GatedCategory, number> = {
  accessibility: 1,
  'best-practices': 1,
  seo: 1,
};
export const GATED = Object.keys(GATES) as GatedCategory[];

/** What `npm run bench` aims the median performance score at (0–1). A figure, never a gate. */
export const PERFORMANCE_TARGET = 0.95;

export interface AuditedPage {
  path: string;
  label: string;
  /** Requests the page must have made, proving the audited state is the one named (e.g. search results shown). */
  mustRequest?: RegExp[];
}

/**
 * The audited pages: the key pages of the registry (scripts/key-pages.ts) — home, the prose guide, every builder page,
 * the checklist and search — with their labels.
 */
export const PAGES: AuditedPage[] = keyPageList().map(({ path, kind, label }) =>
  kind === 'search'
    ? // Search is a dialog on every page, opened on demand, so a navigation audit of any page would only see it closed.
      // /search/ mounts the same Pagefind UI on load (it is also the link target of the header's Search button when
      // scripts are off, and a bookmarkable ?q= address), and ?q= runs a query, so Lighthouse audits the search field,
      // its results list and Pagefind's loading cost. The required requests prove the results were fetched and shown.
      {
        path: SEARCH_WITH_RESULTS,
        label: 'search (Pagefind UI with results)',
        mustRequest: [/\/pagefind\/pagefind-ui\.js$/, /\/pagefind\/fragment\//],
      }
    : { path, label },
);

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
  category: GatedCategory;
  /** 0–1 as in Lighthouse's result (its report shows ×100), or null when the category could not be scored. */
  score: number | null;
  /** 0–1. */
  threshold: number;
  pass: boolean;
}

/** Checks category scores (0–1, as in an LHR) against GATES. A missing or unscored category fails. */
export function gate(scores: Partial<Record<Category, number | null>>): GateResult[] {
  return GATED.map((category) => {
    const raw = scores[category];
    const score = typeof raw === 'number' ? raw : null;
    // Compare the raw score: 0.996 shows as 100 in Lighthouse's report yet still has a failing audit behind it.
    return { category, score, threshold: GATES[category], pass: score !== null && score >= GATES[category] };
  });
}

const scoreOf = (lhr: LhrLike, category: Category): number | null => lhr.categories[category]?.score ?? null;

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

export function clip(text: string, max = 160): string {
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

/** The performance figure of one page (only when the run audited performance: `--performance`). */
export interface PerformanceFigure {
  /** The median run's score (0–1), as Lighthouse's documentation advises for its run-to-run variance. */
  score: number | null;
  /** The score of each run, in run order. */
  runs: (number | null)[];
  target: number;
  /** The median run's metrics. */
  metrics: Record<string, string>;
  /** What kept the median run under 100 (empty at 100). */
  audits: FailingAudit[];
}

export interface PageOutcome {
  path: string;
  label: string;
  gates: GateResult[];
  /** Keyed by category; only categories under their gate. */
  failing: Partial<Record<GatedCategory, FailingAudit[]>>;
  performance?: PerformanceFigure;
  /** Problems with the run itself (runtime error, missing required request). */
  problems: string[];
  warnings: string[];
  seconds: number;
}

/** A 0–1 score as Lighthouse shows it (0–100), '–' when there is none. */
export const pct = (score: number | null | undefined) => (typeof score === 'number' ? String(Math.round(score * 100)) : '–');

export const SHORT: Record<Category, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};

const rank = (score: number | null | undefined) => (typeof score === 'number' ? score : -1);

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** One Lighthouse run of a page: its result and the URLs the page requested. */
export interface Run {
  lhr: LhrLike;
  requested: string[];
}

/**
 * Everything concluded from the runs of one page. Each gated category is the worst run's, so a failure in any run
 * fails. A runtime error or a missing required request in any run is a problem that fails the page. When the runs
 * audited performance, its figure is the median run's.
 */
export function outcome(page: AuditedPage, runs: Run[], seconds: number): PageOutcome {
  if (runs.length === 0) throw new Error('outcome needs at least one run');
  const worst = (category: GatedCategory) =>
    runs.reduce((w, r) => (rank(scoreOf(r.lhr, category)) < rank(scoreOf(w.lhr, category)) ? r : w));
  const source = Object.fromEntries(GATED.map((c) => [c, worst(c)])) as Record<GatedCategory, Run>;
  const gates = gate(Object.fromEntries(GATED.map((c) => [c, scoreOf(source[c].lhr, c)])));
  const failingByCategory: Partial<Record<GatedCategory, FailingAudit[]>> = {};
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
  let performance: PerformanceFigure | undefined;
  if (runs.some((r) => r.lhr.categories.performance)) {
    const sorted = [...runs].sort((a, b) => rank(scoreOf(a.lhr, 'performance')) - rank(scoreOf(b.lhr, 'performance')));
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const score = scoreOf(median.lhr, 'performance');
    performance = {
      score,
      runs: runs.map((r) => scoreOf(r.lhr, 'performance')),
      target: PERFORMANCE_TARGET,
      metrics: metricsOf(median.lhr),
      audits: score === null || score < 1 ? failingAudits(median.lhr, 'performance') : [],
    };
  }
  return {
    path: page.path,
    label: page.label,
    gates,
    failing: failingByCategory,
    ...(performance ? { performance } : {}),
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

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * The score table: one row per page, a ✗ after every gated score under its gate. When performance was audited, its
 * median (with "< target" when under PERFORMANCE_TARGET, a figure and not a failure), every run and the median run's
 * metrics follow.
 */
export function table(outcomes: PageOutcome[]): string {
  const withPerformance = outcomes.some((o) => o.performance);
  const header = ['page', ...GATED.map((c) => SHORT[c])];
  if (withPerformance) header.push('perf', 'perf runs', ...METRICS.map(([name]) => name));
  header.push('time');
  const rows = outcomes.map((o) => {
    const cells = [o.path, ...o.gates.map((g) => `${pct(g.score)}${g.pass ? '' : ' ✗'}`)];
    if (withPerformance) {
      const p = o.performance;
      const under = p && (p.score === null || p.score < p.target) ? ` < ${pct(p.target)}` : '';
      cells.push(`${pct(p?.score)}${under}`, (p?.runs ?? []).map(pct).join(' '), ...METRICS.map(([n]) => p?.metrics[n] ?? '–'));
    }
    cells.push(`${o.seconds.toFixed(1)} s`);
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function auditLines(audits: FailingAudit[]): string[] {
  const out: string[] = [];
  for (const a of audits) {
    const score = a.score === null ? '' : ` score ${pct(a.score)}`;
    out.push(`  ${a.id}: ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}${score}`);
    for (const item of a.items) out.push(`      ${item}`);
    if (a.total > a.items.length && a.total > MAX_ITEMS) out.push(`      … and ${a.total - MAX_ITEMS} more`);
  }
  return out;
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
      out.push(...auditLines(audits));
    }
  }
  return out.join('\n');
}

/** What kept each page's median performance run under its target (a figure for the bench; never a failure). */
export function performanceReport(outcomes: PageOutcome[]): string {
  const out: string[] = [];
  for (const o of outcomes) {
    const p = o.performance;
    if (!p || (p.score !== null && p.score >= p.target)) continue;
    out.push(`${o.path} — performance ${pct(p.score)} (target ${pct(p.target)}, runs ${p.runs.map(pct).join(' ')}):`);
    out.push(...auditLines(p.audits));
  }
  return out.join('\n');
}

export interface Report {
  stats: { expected: number; unexpected: number; skipped: 0; flaky: 0; duration: number };
  errors: { message: string }[];
  results: {
    title: string;
    page: string;
    category: GatedCategory;
    score: number | null;
    threshold: number;
    status: 'expected' | 'unexpected';
    failingAudits: FailingAudit[];
    problems: string[];
  }[];
  /** Figures, not tests: one entry per page whose runs audited performance (scripts/bench.ts prints them). */
  performance: ({ page: string } & PerformanceFigure)[];
}

/**
 * The --json report, a subset of Playwright's JSON reporter (stats.expected = passed, stats.unexpected = failed,
 * errors = failures outside any test): one test per page × gated category. A page whose run had a problem fails
 * all of its tests, since its scores are not of the state the page claims to be. Performance figures ride along
 * outside the tests.
 */
export function report(outcomes: PageOutcome[], errors: string[], duration: number): Report {
  const results = outcomes.flatMap((o) =>
    o.gates.map((g) => ({
      title: `${o.path} › ${g.category} = ${pct(g.threshold)}`,
      page: o.path,
      category: g.category,
      score: g.score,
      threshold: g.threshold,
      status: (g.pass && o.problems.length === 0 ? 'expected' : 'unexpected') as 'expected' | 'unexpected',
      failingAudits: o.failing[g.category] ?? [],
      problems: o.problems,
    })),
  );
  const expected = results.filter((r) => r.status === 'expected').length;
  return {
    stats: { expected, unexpected: results.length - expected, skipped: 0, flaky: 0, duration: Math.round(duration) },
    errors: errors.map((message) => ({ message })),
    results,
    performance: outcomes.flatMap((o) => (o.performance ? [{ page: o.path, ...o.performance }] : [])),
  };
}
