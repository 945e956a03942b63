// A tiny timing harness for `npm run bench` (figures only; never part of `npm test`). With BENCH_JSON set, every
// figure is also appended to that file (one JSON object per line) for the benchmark's summary table.
import { appendFileSync } from 'node:fs';

export function measure(
  name: string,
  fn: () => unknown,
  { warmup = 20, runs = 200, target }: { warmup?: number; runs?: number; target?: string } = {},
) {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!;
  console.log(
    `${name}: mean ${mean.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over ${runs} runs${target ? ` (target ${target})` : ''}`,
  );
  if (process.env.BENCH_JSON) appendFileSync(process.env.BENCH_JSON, `${JSON.stringify({ name, mean, p95, runs, target })}\n`);
  return { mean, p95 };
}
