import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (installed by scripts/test-all.sh); Playwright's own download cannot work here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4321);
// The built site to test (npm test builds dist/ first); another folder can be given for parallel work.
const dist = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Timeouts only guard against a hang: a slow machine must not fail a test (deterministic gates only), so they are
  // generous. Every assertion still has to hold; it just may take longer to under load.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Playwright empties its outputDir on start; keep it apart from the other suites' reports.
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath },
    trace: 'off',
    // Production builds register a service worker (scripts/sw.ts). It would precache the site in the background and
    // answer requests itself, which the specs that count requests or read network timings must not see. Only
    // offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath } },
    },
  ],
  webServer: {
    // A plain static server over the built site (astro preview allows only one instance per project).
    command: `node scripts/serve.ts ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
