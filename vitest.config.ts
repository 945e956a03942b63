import { configDefaults, defineConfig } from 'vitest/config';

/**
 * One vitest project per kind of test, so each can run alone: `npx vitest run --project <name>` (or
 * `npm run test:<name>`). `npx vitest run` runs them all; scripts/test-all.sh runs every project but `built` in one
 * process, and `built` after the build.
 */
const project = (name: string, include: string[], exclude: string[] = []) => ({
  extends: true,
  test: { name, include, exclude: [...configDefaults.exclude, ...exclude] },
});
/** Tests that read the built site in dist/: they run after the build (and not at all when it failed). */
const READS_DIST = ['tests/built/**/*.test.ts', 'tests/nginx/deploy.test.ts'];

export default defineConfig({
  test: {
    projects: [
      // Pure logic, mirrors src/lib: the loop to run while editing (seconds).
      project('unit', ['tests/unit/**/*.test.ts']),
      // Generated snippets in a real nginx.
      project('nginx', ['tests/nginx/**/*.test.ts'], READS_DIST),
      // Generated DNS configs in a real dnsmasq and Unbound on loopback ports.
      project('dns', ['tests/dns/**/*.test.ts']),
      // sshd -t / sshd -T on temporary trees against the SSH simulator. New real-component suites get a line here and
      // a test:<name> script in package.json.
      project('ssh', ['tests/ssh/**/*.test.ts']),
      // Real nginx, sshd and the project's parsers producing the errors the doctor must recognise.
      project('doctor', ['tests/doctor/**/*.test.ts']),
      // The built site in dist/ (run `npm run build` first): links, budgets, metadata, the build's own files, and the
      // deploy config (deploy/nginx) in a real nginx serving it.
      project('built', READS_DIST),
    ],
    environment: 'node',
    // A timeout only guards against a hang. Some tests do real work (argon2id with 64 MiB, a real nginx), which takes
    // seconds on a loaded 2-core machine: a slow machine must not fail a test, so the guard is generous.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
