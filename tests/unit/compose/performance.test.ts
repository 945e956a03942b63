import { describe, expect, it } from 'vitest';
import { parseDotenv, splitCompose } from '../../../src/lib/compose';

/** About 3,000 lines: 150 services of 20 lines, half of them with inline secrets. */
function largeCompose(): string {
  const lines = ['# generated benchmark stack', 'services:'];
  for (let i = 0; i < 150; i++) {
    lines.push(
      `  app-${i}:`,
      `    image: ghcr.io/example/app-${i}:1.${i}`,
      '    restart: unless-stopped',
      '    environment:',
      `      APP_NAME: app-${i}`,
      '      TZ: Europe/Berlin',
      `      DB_PASSWORD: "db-pa55-${i}-${(i * 7919).toString(36)}"`,
      `      API_TOKEN: tok_${(i * 104729).toString(36)}x9Lq2Wm`,
      '      LOG_LEVEL: info # comment',
      '    volumes:',
      `      - ./data/${i}:/data`,
      '    ports:',
      `      - "${10000 + i}:80"`,
      '    labels:',
      `      traefik.enable: "true"`,
      `      traefik.http.routers.app${i}.rule: Host(\`app${i}.home.example\`)`,
      '    healthcheck:',
      '      test: ["CMD", "wget", "-q", "--spider", "http://localhost/"]',
      '      interval: 30s',
      '',
    );
  }
  return lines.join('\n') + '\n';
}

describe('performance (benchmark, no timing assertion)', () => {
  it('splits a 3,000-line compose file', () => {
    const source = largeCompose();
    expect(source.split('\n').length).toBeGreaterThanOrEqual(3000);
    const times: number[] = [];
    let result = splitCompose(source); // warm-up
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      result = splitCompose(source);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    if (process.env.DEBUG) {
      console.log(
        `splitCompose on ${source.split('\n').length} lines: best ${times[0]?.toFixed(1)} ms, median ${times[2]?.toFixed(1)} ms`,
      );
    }
    expect(Object.keys(parseDotenv(result.files[1]?.content ?? '')).length).toBe(300);
  });
});
