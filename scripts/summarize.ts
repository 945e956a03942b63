// Totals the results of every suite scripts/test-all.sh ran into one closing line: "N passed, N failed".
// test-results/suites.tsv lists them, one a line: "<label>\t<kind>\t<argument>", where kind is
//   check       a static check (argument passed | failed), one test each;
//   vitest      a vitest JSON report (jest-compatible shape);
//   playwright  a Playwright JSON report (scripts/lighthouse.ts writes the same shape);
//   blocked     a stage that could not run (argument: why), one failure.
// A report that is missing means its runner crashed or never got going: one failure.
import { existsSync, readFileSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const suites: [string, Tally][] = [];
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
const missing = (label: string, file: string): [string, Tally] => {
  console.log(`  no report ${file}: ${label} did not finish`);
  return [label, { passed: 0, failed: 1, skipped: 0 }];
};

function vitest(label: string, file: string): [string, Tally] {
  if (!existsSync(file)) return missing(label, file);
  const unit = JSON.parse(readFileSync(file, 'utf8'));
  // A test file that failed to load has no assertion results: count it as one failure.
  const failedFiles = (unit.testResults ?? []).filter(
    (r: { status: string; assertionResults: unknown[] }) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  return [
    label,
    { passed: unit.numPassedTests, failed: unit.numFailedTests + failedFiles, skipped: unit.numPendingTests + unit.numTodoTests },
  ];
}

// Playwright JSON reporter: stats.expected = passed, unexpected = failed, flaky counts as failed here.
function playwright(label: string, file: string): [string, Tally] {
  if (!existsSync(file)) return missing(label, file);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const stats = report.stats ?? {};
  const errors = (report.errors ?? []).length;
  return [
    label,
    { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + errors, skipped: stats.skipped ?? 0 },
  ];
}

const checks: Tally = { passed: 0, failed: 0, skipped: 0 };
for (const line of lines('test-results/suites.tsv')) {
  const [label = '', kind, argument = ''] = line.split('\t');
  if (kind === 'check') {
    if (argument === 'passed') checks.passed++;
    else {
      checks.failed++;
      console.log(`  failed check: ${label}`);
    }
  } else if (kind === 'vitest') suites.push(vitest(label, argument));
  else if (kind === 'playwright') suites.push(playwright(label, argument));
  else if (kind === 'blocked') {
    console.log(`  not run: ${label}: ${argument}`);
    suites.push([`${label} (not run)`, { passed: 0, failed: 1, skipped: 0 }]);
  } else suites.push([`unknown suite line: ${line}`, { passed: 0, failed: 1, skipped: 0 }]);
}
if (checks.passed + checks.failed > 0) suites.unshift(['static checks', checks]);

// Each stage's wall time, as scripts/test-all.sh recorded it.
const stages = lines('test-results/stages.tsv');
if (stages.length) {
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
for (const [name, tally] of suites) {
  console.log(`  ${name}: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
  passed += tally.passed;
  failed += tally.failed;
  skipped += tally.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
