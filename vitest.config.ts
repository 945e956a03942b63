import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/unit mirrors src/lib; tests/nginx runs generated snippets through a real nginx;
    // tests/built checks the built site in dist/ (run `npm run build` first).
    include: ['tests/unit/**/*.test.ts', 'tests/nginx/**/*.test.ts', 'tests/built/**/*.test.ts'],
    environment: 'node',
  },
});
