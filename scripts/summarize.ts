// Totals every suite's results into one closing line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const suites: [string, Tally][] = [];

const checks = existsSync('test-results/checks.tsv') ? readFileSync('test-results/checks.tsv', 'utf8').trim().split('\n') : [];
const static_ = { passed: 0, failed: 0, skipped: 0 };
for (const line of checks.filter(Boolean)) {
  const [name, status] = line.split('\t');
  if (status === 'passed') static_.passed++;
  else {
    static_.failed++;
    console.log(`  failed check: ${name}`);
  }
}
suites.push(['static checks', static_]);

// vitest JSON (jest-compatible shape). A missing report means the runner crashed: count one failure.
if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  const failedSuites = (unit.testResults ?? []).filter(
    (r: { status: string; assertionResults: unknown[] }) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  suites.push([
    'unit/property/nginx/dist (vitest)',
    {
      passed: unit.numPassedTests,
      failed: unit.numFailedTests + failedSuites,
      skipped: unit.numPendingTests + unit.numTodoTests,
    },
  ]);
} else suites.push(['unit/property/nginx/dist (vitest)', { passed: 0, failed: 1, skipped: 0 }]);

// Playwright JSON reporter: stats.expected = passed, unexpected = failed, flaky counts as failed here.
// A missing report means the runner never got going: count one failure.
function playwright(name: string, file: string): void {
  if (!existsSync(file)) {
    suites.push([name, { passed: 0, failed: 1, skipped: 0 }]);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const s = report.stats ?? {};
  const errors = (report.errors ?? []).length;
  suites.push([
    name,
    { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) + errors, skipped: s.skipped ?? 0 },
  ]);
}
playwright('e2e (Playwright)', 'test-results/e2e.json');
playwright('e2e under the deploy config (nginx + CSP)', 'test-results/e2e-deploy.json');
// scripts/lighthouse.ts writes the same shape: one test per audited page and gated category (a11y, BP, SEO).
playwright('Lighthouse (page × category gates)', 'test-results/lighthouse.json');

// Each stage's wall time, as scripts/test-all.sh recorded it.
if (existsSync('test-results/stages.tsv')) {
  const stages = readFileSync('test-results/stages.tsv', 'utf8').trim().split('\n').filter(Boolean);
  const total = stages.reduce((sum, line) => sum + Number(line.split('\t')[1]), 0);
  console.log('  stage times:');
  for (const line of stages) {
    const [name, seconds] = line.split('\t');
    console.log(`    ${seconds!.padStart(7)} s  ${name}`);
  }
  console.log(`    ${total.toFixed(1).padStart(7)} s  in all`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [name, t] of suites) {
  console.log(`  ${name}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
  passed += t.passed;
  failed += t.failed;
  skipped += t.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
