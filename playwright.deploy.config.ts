import { defineConfig, devices } from '@playwright/test';

// The built site served by deploy/nginx/site.conf (Debian's nginx on a loopback port, via scripts/serve-nginx.ts),
// so every header, the CSP and the 404 handling are the ones the container sends.
// Run: npx playwright test --config playwright.deploy.config.ts
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_DEPLOY_PORT ?? 4331);
const dist = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e-deploy',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Timeouts only guard against a hang: a slow machine must not fail a test (deterministic gates only), so they are
  // generous. Every assertion still has to hold; it just may take longer to under load.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-deploy.json' }]],
  outputDir: 'test-results/e2e-deploy-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
  },
  projects: [{ name: 'deploy-chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath } } }],
  webServer: {
    command: `node scripts/serve-nginx.ts ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    // Never reuse whatever else listens there (the plain e2e server sends none of these headers).
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
