import { defineConfig } from 'vitest/config';

// `npm run bench` only: timing runs that print figures (not part of `npm test`).
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    silent: false,
    reporters: ['verbose'],
    testTimeout: 300_000,
  },
});
