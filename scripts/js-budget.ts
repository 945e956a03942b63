// Shared by the byte-budget e2e test and the benchmark: the JavaScript budgets of builder pages and which built files
// make up the highlighter (the highlight worker and every chunk it imports: Shiki, themes, grammars).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const JS_BUDGET = {
  /** A builder page after load and a scroll to the end, no click: everything but the highlighter. */
  builderBeforeHighlighter: 45 * 1024,
  /** The same, highlighter included. */
  builderTotal: 100 * 1024,
};

const IMPORT = /(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)[`'"](\.\/[^`'"]+\.js)[`'"]/g;

/** `/_astro/…` paths of the highlight worker and everything it imports, statically or on demand. */
export function highlighterFiles(dist: string): Set<string> {
  const dir = join(dist, '_astro');
  const seeds = readdirSync(dir).filter((f) => /^highlight\.worker-[\w-]+\.js$/.test(f));
  if (seeds.length === 0) throw new Error(`no highlight worker in ${dir}`);
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name) || !existsSync(join(dir, name))) return;
    found.add(name);
    for (const m of readFileSync(join(dir, name), 'utf8').matchAll(IMPORT)) visit(m[1]!.slice(2));
  };
  seeds.forEach(visit);
  return new Set([...found].map((f) => `/_astro/${f}`));
}
