import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/unit mirrors src/lib; tests/nginx runs generated snippets through a real nginx;
    // tests/dist checks the built site (run `npm run build` first).
    include: ['tests/unit/**/*.test.ts', 'tests/nginx/**/*.test.ts', 'tests/dist/**/*.test.ts'],
    environment: 'node',
  },
});
