import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/unit mirrors src/lib; tests/nginx runs generated snippets through a real nginx;
    // tests/built checks the built site in dist/ (run `npm run build` first).
    include: ['tests/unit/**/*.test.ts', 'tests/nginx/**/*.test.ts', 'tests/dns/**/*.test.ts', 'tests/doctor/**/*.test.ts', 'tests/built/**/*.test.ts'],
    environment: 'node',
    // A timeout only guards against a hang. Some tests do real work (argon2id with 64 MiB, a real nginx), which takes
    // seconds on a loaded 2-core machine: a slow machine must not fail a test, so the guard is generous.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
