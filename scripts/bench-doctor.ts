/**
 * Prints how long the doctor takes for 10,000 log lines (a figure for the report, never a gate): a mix of the
 * fixture corpus and ordinary log noise, diagnosed and redacted once after a warm-up run.
 * Run: npx node scripts/bench-doctor.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// The library uses extensionless imports (bundler style): bundle it once into a temp module, then import that.
const root = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'bench-doctor-'));
await build({
  stdin: {
    contents: "export { diagnoseText, redact } from './src/lib/doctor'; export { CORPUS } from './tests/fixtures/doctor/corpus';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Some dependencies still call require() for Node built-ins.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  outfile: join(out, 'doctor.mjs'),
  logLevel: 'error',
});
const { diagnoseText, redact, CORPUS } = (await import(
  pathToFileURL(join(out, 'doctor.mjs')).href
)) as typeof import('../src/lib/doctor/index.ts') & typeof import('../tests/fixtures/doctor/corpus.ts');
rmSync(out, { recursive: true, force: true });

const known = CORPUS.flatMap((entry) => entry.positive.map((positive) => positive.line));
const noise = [
  '2024-05-01T10:00:00.123Z INF Connection 6b41f4fa-d0c0-48bb-83e8-23d81a31d4fa registered connIndex=1 location=HKG',
  '192.168.1.20 - - [01/May/2024:10:00:00 +0000] "GET /api/health HTTP/1.1" 200 17 "-" "curl/8.5.0"',
  'time="2024-05-01T10:00:00Z" level=debug msg="Check authorization of subject username=alice groups=admins ip=192.168.1.20 and object https://app.example.com/"',
  '{"log":"[5/1/2024] [10:00:00 AM] [Nginx    ] › ℹ  info      Reloading Nginx\\n","stream":"stdout","time":"2024-05-01T10:00:00Z"}',
];
const lines: string[] = [];
for (let i = 0; lines.length < 10_000; i++) lines.push((i % 10 === 0 ? known[i % known.length] : noise[i % noise.length]) ?? '');
const text = lines.join('\n');

diagnoseText(text.slice(0, 50_000)); // warm-up
const start = performance.now();
const { findings, redacted } = diagnoseText(text);
const ms = performance.now() - start;
const redactStart = performance.now();
redact(text);
const redactMs = performance.now() - redactStart;
console.log(
  `doctor: ${lines.length} lines (${(text.length / 1024).toFixed(0)} KiB) diagnosed and redacted in ${ms.toFixed(0)} ms; ${findings.length} findings; redacted ${redacted.length} chars (redaction alone ${redactMs.toFixed(0)} ms)`,
);
