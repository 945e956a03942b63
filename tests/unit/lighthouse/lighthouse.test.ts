/**
 * scripts/lighthouse-report.ts: the gate, the failing-audit extraction, the printed tables and the JSON report that
 * scripts/summarize.ts counts. Run against small hand-made Lighthouse results; the real run is `npm test`'s
 * Lighthouse step (scripts/lighthouse.ts), and `npm run bench` for the performance figures.
 */
import { describe, expect, it } from 'vitest';
import { builderPages, keyPages } from '../../../src/lib/builders/registry';
import { proseGuide } from '../../../scripts/key-pages';
import {
  describeItem,
  failingAudits,
  failureReport,
  gate,
  GATED,
  outcome,
  PAGES,
  pct,
  PERFORMANCE_TARGET,
  performanceReport,
  report,
  requestedUrls,
  table,
  type AuditLike,
  type LhrLike,
} from '../../../scripts/lighthouse-report.ts';

const audit = (id: string, score: number | null, extra: Partial<AuditLike> = {}): AuditLike => ({
  id,
  title: `title of ${id}`,
  score,
  scoreDisplayMode: score === null ? 'notApplicable' : 'binary',
  ...extra,
});

function lhr(scores: Record<string, number | null>, audits: AuditLike[], refs: Record<string, [string, number][]>): LhrLike {
  return {
    categories: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [
        id,
        { id, score, auditRefs: (refs[id] ?? []).map(([ref, weight]) => ({ id: ref, weight })) },
      ]),
    ),
    audits: Object.fromEntries(audits.map((a) => [a.id, a])),
  };
}

const PERFECT = { performance: 1, accessibility: 1, 'best-practices': 1, seo: 1 };

describe('gate', () => {
  it('passes 100 everywhere', () => {
    expect(gate(PERFECT).every((g) => g.pass)).toBe(true);
  });

  it('gates accessibility, best practices and SEO only: performance is a timing, never a gate', () => {
    expect(GATED).toEqual(['accessibility', 'best-practices', 'seo']);
    const result = gate({ ...PERFECT, performance: 0.1 });
    expect(result.map((g) => g.category)).toEqual(['accessibility', 'best-practices', 'seo']);
    expect(result.every((g) => g.pass)).toBe(true);
  });

  it('fails accessibility, best practices and SEO under 100, even when the rounded score shows 100', () => {
    for (const category of ['accessibility', 'best-practices', 'seo'] as const) {
      const result = gate({ ...PERFECT, [category]: 0.996 }).find((g) => g.category === category)!;
      expect(pct(result.score)).toBe('100');
      expect(result.threshold).toBe(1);
      expect(result.pass).toBe(false);
    }
  });

  it('fails a category that is missing or was not scored', () => {
    const result = gate({ performance: 1, accessibility: null });
    expect(result.map((g) => [g.category, g.pass, g.score])).toEqual([
      ['accessibility', false, null],
      ['best-practices', false, null],
      ['seo', false, null],
    ]);
  });
});

describe('failing audits', () => {
  const result = lhr(
    { ...PERFECT, accessibility: 0.93, performance: 0.8 },
    [
      audit('color-contrast', 0, {
        details: {
          type: 'table',
          items: [
            {
              node: {
                type: 'node',
                selector: 'p.muted',
                snippet: '<p class="muted">',
                explanation: 'Fix any of the following:\n  Element has insufficient color contrast of 3.2',
              },
            },
          ],
        },
      }),
      audit('image-alt', 1),
      audit('label', null),
      audit('aria-hidden-body', 0, { scoreDisplayMode: 'error', errorMessage: 'gatherer crashed' }),
      audit('unweighted-a11y', 0),
      audit('total-blocking-time', 0.4, { scoreDisplayMode: 'numeric', displayValue: '700 ms' }),
      audit('first-contentful-paint', 1, { scoreDisplayMode: 'numeric', displayValue: '0.8 s' }),
      audit('bootup-time', 0.2, {
        scoreDisplayMode: 'metricSavings',
        displayValue: '1.3 s',
        details: { type: 'table', items: [{ url: 'http://x/_astro/big.js', total: 1300.4 }] },
      }),
      audit('render-blocking-insight', 0.5, {
        scoreDisplayMode: 'metricSavings',
        details: { type: 'list', items: [{ type: 'table', items: [{ url: 'http://x/a.css', wastedMs: 150 }] }] },
      }),
      audit('font-display-insight', 1, { scoreDisplayMode: 'metricSavings' }),
      audit('network-requests', null, { scoreDisplayMode: 'informative' }),
    ],
    {
      accessibility: [
        ['color-contrast', 7],
        ['image-alt', 10],
        ['label', 10],
        ['aria-hidden-body', 10],
        ['unweighted-a11y', 0],
      ],
      performance: [
        ['total-blocking-time', 30],
        ['first-contentful-paint', 10],
        ['bootup-time', 0],
        ['render-blocking-insight', 0],
        ['font-display-insight', 0],
        ['network-requests', 0],
      ],
    },
  );

  it('lists each weighted accessibility audit that failed or errored, with the offending element', () => {
    const failing = failingAudits(result, 'accessibility');
    expect(failing.map((a) => a.id)).toEqual(['color-contrast', 'aria-hidden-body']);
    expect(failing[0]!.items).toEqual([
      'p.muted <p class="muted"> — Fix any of the following: Element has insufficient color contrast of 3.2',
    ]);
    expect(failing[1]!.items).toEqual(['error: gatherer crashed']);
  });

  it('lists the performance metrics under full marks, then the diagnostics that flagged something, worst first', () => {
    const failing = failingAudits(result, 'performance');
    expect(failing.map((a) => a.id)).toEqual(['total-blocking-time', 'bootup-time', 'render-blocking-insight']);
    expect(failing[1]!.items).toEqual(['http://x/_astro/big.js total=1300']);
    expect(failing[2]!.items).toEqual(['http://x/a.css wastedMs=150']);
  });

  it('describes an item it does not know as JSON, cut to one line', () => {
    expect(describeItem({ odd: true })).toBe('{"odd":true}');
    expect(describeItem('x'.repeat(400)).length).toBe(240);
    expect(describeItem({ href: 'http://x/a/', text: 'click here' })).toBe('http://x/a/ click here');
  });

  it('prints only the pages and gated categories under their gate; performance goes to its own figure report', () => {
    const failed = outcome({ path: '/a/', label: 'a' }, [{ lhr: result, requested: [] }], 12.3);
    const passed = outcome({ path: '/b/', label: 'b' }, [{ lhr: lhr(PERFECT, [], {}), requested: [] }], 9.9);
    const text = failureReport([failed, passed]);
    expect(text).toContain('/a/ — accessibility 93 (gate 100):');
    expect(text).toContain('  color-contrast: title of color-contrast');
    expect(text).not.toContain('performance');
    expect(text).not.toContain('/b/');
    expect(failureReport([passed])).toBe('');
    const slow = performanceReport([failed, passed]);
    expect(slow).toContain('/a/ — performance 80 (target 95, runs 80):');
    expect(slow).toContain('  total-blocking-time: title of total-blocking-time — 700 ms score 40');
    expect(slow).not.toContain('/b/');
  });

  it('draws the score table with a mark on every gated score under its gate, and performance against its target', () => {
    const failed = outcome({ path: '/a/', label: 'a' }, [{ lhr: result, requested: [] }], 12.3);
    const lines = table([failed]).split('\n');
    expect(lines[0]).toMatch(/^page\s+a11y\s+bp\s+seo\s+perf\s+perf runs\s+FCP\s+LCP\s+TBT\s+CLS\s+time$/);
    expect(lines[2]).toMatch(/^\/a\/\s+93 ✗\s+100\s+100\s+80 < 95\s+80\s+0\.8 s\s+–\s+700 ms\s+–\s+12\.3 s$/);
  });

  it('leaves the performance columns out when performance was not audited (the npm test run)', () => {
    const gatedOnly = { accessibility: 1, 'best-practices': 1, seo: 1 };
    const o = outcome({ path: '/c/', label: 'c' }, [{ lhr: lhr(gatedOnly, [], {}), requested: [] }], 3);
    expect(o.performance).toBeUndefined();
    const lines = table([o]).split('\n');
    expect(lines[0]).toMatch(/^page\s+a11y\s+bp\s+seo\s+time$/);
    expect(lines[2]).toMatch(/^\/c\/\s+100\s+100\s+100\s+3\.0 s$/);
  });
});

describe('several runs of a page', () => {
  const run = (scores: Partial<Record<string, number | null>>, tbt: string, extra: Partial<LhrLike> = {}) => ({
    lhr: {
      ...lhr({ ...PERFECT, ...scores }, [audit('total-blocking-time', 1, { displayValue: tbt })], {}),
      ...extra,
    },
    requested: [],
  });

  it('takes the median run as the performance figure and shows that run’s metrics', () => {
    const o = outcome(
      { path: '/p/', label: 'p' },
      [run({ performance: 0.95 }, '90 ms'), run({ performance: 0.85 }, '400 ms'), run({ performance: 0.91 }, '150 ms')],
      30,
    );
    expect(o.performance).toMatchObject({ score: 0.91, runs: [0.95, 0.85, 0.91], target: PERFORMANCE_TARGET });
    expect(o.performance?.metrics.TBT).toBe('150 ms');
  });

  it('never fails a page for its performance, however low', () => {
    const o = outcome(
      { path: '/p/', label: 'p' },
      [run({ performance: 0.2 }, '1'), run({ performance: 0.1 }, '2'), run({ performance: 0.3 }, '3')],
      30,
    );
    expect(o.performance?.score).toBe(0.2);
    expect(o.gates.every((g) => g.pass)).toBe(true);
    expect(report([o], [], 1).stats).toMatchObject({ expected: 3, unexpected: 0 });
  });

  it('takes the worst run for accessibility, best practices and SEO', () => {
    const o = outcome(
      { path: '/p/', label: 'p' },
      [run({}, '1'), run({ seo: 0.92 }, '2'), run({ accessibility: null }, '3')],
      30,
    );
    expect(o.gates.map((g) => [g.category, g.score, g.pass])).toEqual([
      ['accessibility', null, false],
      ['best-practices', 1, true],
      ['seo', 0.92, false],
    ]);
  });

  it('names the run that had a runtime error', () => {
    const broken = run({ performance: null }, '–', { runtimeError: { code: 'NO_FCP', message: 'no paint' } });
    const o = outcome({ path: '/p/', label: 'p' }, [run({}, '1'), broken], 20);
    expect(o.problems).toEqual(['Lighthouse runtime error (run 2) NO_FCP: no paint']);
  });
});

describe('required requests', () => {
  const withRequests = (urls: string[]) =>
    lhr(PERFECT, [audit('network-requests', null, { details: { type: 'table', items: urls.map((url) => ({ url })) } })], {});

  it('reads the requested URLs from the network-requests audit', () => {
    expect(requestedUrls(withRequests(['http://x/', 'http://x/a.js']))).toEqual(['http://x/', 'http://x/a.js']);
  });

  it('turns a missing required request into a problem that fails all of the page’s tests', () => {
    const page = { path: '/s/', label: 's', mustRequest: [/\/ui\.js$/, /\/fragment\//] };
    const missing = withRequests(['http://x/s/', 'http://x/ui.js']);
    const o = outcome(page, [{ lhr: missing, requested: requestedUrls(missing) }], 1);
    expect(o.problems).toEqual(['no request matched /\\/fragment\\//']);
    expect(report([o], [], 1000).stats).toMatchObject({ expected: 0, unexpected: 3 });
    const complete = withRequests(['http://x/s/', 'http://x/ui.js', 'http://x/fragment/en_1.pf_fragment']);
    expect(outcome(page, [{ lhr: complete, requested: requestedUrls(complete) }], 1).problems).toEqual([]);
  });

  it('reports a runtime error once instead of every audit it broke', () => {
    const broken: LhrLike = {
      ...lhr({ performance: null, accessibility: null, 'best-practices': null, seo: null }, [], {}),
      runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'Status code: 404' },
    };
    const o = outcome({ path: '/gone/', label: 'gone' }, [{ lhr: broken, requested: [] }], 1);
    expect(o.problems).toEqual(['Lighthouse runtime error ERRORED_DOCUMENT_REQUEST: Status code: 404']);
    expect(o.failing).toEqual({});
  });
});

describe('the JSON report', () => {
  it('has one test per page and gated category, in the Playwright reporter’s stats shape', () => {
    const good = outcome({ path: '/', label: 'home' }, [{ lhr: lhr(PERFECT, [], {}), requested: [] }], 1);
    const bad = outcome({ path: '/x/', label: 'x' }, [{ lhr: lhr({ ...PERFECT, seo: 0.9 }, [], {}), requested: [] }], 1);
    const r = report([good, bad], [], 2500);
    expect(r.stats).toEqual({ expected: 5, unexpected: 1, skipped: 0, flaky: 0, duration: 2500 });
    expect(r.errors).toEqual([]);
    expect(r.results).toHaveLength(6);
    expect(r.results.find((t) => t.status === 'unexpected')).toMatchObject({
      page: '/x/',
      category: 'seo',
      score: 0.9,
      threshold: 1,
    });
    expect(r.results[0]!.title).toBe('/ › accessibility = 100');
    expect(r.results.some((t) => (t.category as string) === 'performance')).toBe(false);
    // Scores stay 0–1 as in Lighthouse's own result; performance is a figure beside the tests (the bench prints it).
    expect(r.performance).toEqual([
      { page: '/', score: 1, runs: [1], target: 0.95, metrics: { FCP: '–', LCP: '–', TBT: '–', CLS: '–' }, audits: [] },
      { page: '/x/', score: 1, runs: [1], target: 0.95, metrics: { FCP: '–', LCP: '–', TBT: '–', CLS: '–' }, audits: [] },
    ]);
  });

  it('carries errors from outside any page, which the summary counts as failures', () => {
    expect(report([], ['scripts/serve.ts exited with code 1'], 10).errors).toEqual([
      { message: 'scripts/serve.ts exited with code 1' },
    ]);
  });

  it("audits the registry's key pages once each: home, the prose guide, every builder page, checklist, search", () => {
    const audited = PAGES.map((p) => p.path.split('?')[0]!);
    expect(new Set(audited).size).toBe(PAGES.length);
    expect(audited.toSorted()).toEqual(keyPages().toSorted());
    for (const path of builderPages()) expect(audited).toContain(path);
    expect(PAGES[0]).toEqual({ path: '/', label: 'home' });
    // The prose guide is the registry's, so a guide that gains a builder (and leaves the prose type) is not it.
    expect(PAGES.find((p) => p.label === 'prose guide')?.path).toBe(proseGuide());
    expect(builderPages()).not.toContain(proseGuide());
    expect(PAGES.find((p) => p.path === '/guides/authelia-setup/')?.label).toBe(
      'builders: Authelia setup + Nginx Proxy Manager snippets',
    );
    expect(PAGES.find((p) => p.path === '/guides/tailscale/')?.label).toBe('builder: Tailscale');
  });

  it('audits the search UI with results, proven by the requests it made', () => {
    const search = PAGES.find((p) => p.path.startsWith('/search/'))!;
    expect(new URL(search.path, 'http://x').searchParams.get('q')).toBeTruthy();
    expect(search.mustRequest?.length).toBeGreaterThan(0);
  });
});
