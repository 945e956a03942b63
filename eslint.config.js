import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default [
  { ignores: ['dist/', 'dist-*/', 'node_modules/', '.astro/', 'test-results/', 'playwright-report/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        process: 'readonly',
        matchMedia: 'readonly',
      },
    },
  },
  {
    // src/lib is the pure core: no DOM, no UI framework.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
      'no-restricted-imports': ['error', { patterns: ['preact', 'preact/*', '*.astro'] }],
    },
  },
];
