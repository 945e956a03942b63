// `npm run bench` only: the doctor on 10,000 log lines (a figure, never a gate) — a mix of the fixture corpus and
// ordinary log noise, diagnosed (which includes the redacted copy) and redacted alone.
import { it } from 'vitest';
import { diagnoseText, redact } from '../../src/lib/doctor';
import { CORPUS } from '../fixtures/doctor/corpus';
import { measure } from './timing';

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

it('doctor timings', () => {
  measure(`diagnoseText, ${lines.length} log lines (${Math.round(text.length / 1024)} KiB)`, () => diagnoseText(text), {
    warmup: 1,
    runs: 5,
    target: 'a 2 MB paste stays usable (runs in a worker)',
  });
  measure(`redact alone, ${lines.length} log lines`, () => redact(text), { warmup: 1, runs: 5 });
});
