// Builds the site's Content-Security-Policy from the built HTML and writes it where the deploy config reads it.
//
// Every inline <script> in every HTML file under <dir> (the theme bootstrap, Astro's island bootstrap, small inlined
// module scripts) is allowed by its sha256 hash, so script-src needs no 'unsafe-inline' and no 'unsafe-eval'.
// Data blocks (JSON-LD and other non-JavaScript types) are not scripts to CSP and get no hash. Inline event-handler
// attributes and javascript: URLs cannot be allowed by a hash, so finding one is an error.
//
// Writes, inside <dir>/_csp/ (deploy/nginx/site.conf includes the first and never serves the folder):
//   nginx-csp.conf  add_header Content-Security-Policy "…" always;
//   policy.txt      the bare policy, for a CDN's or static host's header rules
//
// `astro build` runs this after the pages and the search index (src/integrations/post-build.ts calls writeCsp).
// Usage on its own: node scripts/csp.ts [dir=dist]   (over a built folder, after Pagefind, before deploying)
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Script types a browser executes, so CSP applies to them. Anything else (JSON-LD, templates) is a data block. */
const EXECUTABLE_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
]);

export interface InlineScript {
  file: string;
  hash: string;
}

export interface CspResult {
  /** The policy, one header value. */
  policy: string;
  /** Distinct inline-script hashes ('sha256-…' without quotes), sorted. */
  hashes: string[];
  /** How many HTML files were read. */
  files: number;
  /** Inline scripts found, per file (duplicates across files included). */
  scripts: InlineScript[];
}

/** The folder inside the built site that holds the generated files (never served). */
export const CSP_DIR = '_csp';
export const NGINX_CSP_FILE = 'nginx-csp.conf';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== CSP_DIR) out.push(...htmlFiles(full));
    } else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out.sort();
}

function attribute(attrs: string, name: string): string | undefined {
  const m = attrs.match(new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+)))?(?=\\s|/|$)`, 'i'));
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

/** sha256 of the exact bytes between <script …> and </script>, as CSP hashes them (UTF-8, no normalisation). */
export function scriptHash(content: string): string {
  return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}

/** The inline scripts of one HTML document that CSP applies to, and any inline handlers (which a hash cannot allow). */
export function inlineScripts(html: string): { hashes: string[]; problems: string[] } {
  const hashes: string[] = [];
  const problems: string[] = [];
  // Comments cannot hide a script from the scan in Astro's output, but strip them so commented-out markup is ignored.
  const source = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    if (attribute(attrs, 'src') !== undefined) continue;
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    hashes.push(scriptHash(body));
  }
  // Outside <script> and <style>: inline event handlers and javascript: URLs.
  const markup = source.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  for (const m of markup.matchAll(/<[a-z][\w-]*\b[^>]*?\s(on[a-z]+)\s*=/gi)) problems.push(`inline event handler ${m[1]}=`);
  for (const m of markup.matchAll(/\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi))
    problems.push(`javascript: URL (${m[0].trim()})`);
  return { hashes, problems };
}

/** The policy for a site whose inline scripts have the given hashes. */
export function policyFor(hashes: readonly string[]): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // Pagefind and the argon2 hasher compile WebAssembly: 'wasm-unsafe-eval' allows exactly that, not eval().
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...hashes.map((h) => `'${h}'`)],
    // Astro and Shiki write style="" attributes; inline styles cannot run code, so this is the accepted trade-off.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    // The builders' workers (highlighting, hashing, splitting) are same-origin module scripts under /_astro/.
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['media-src', "'self'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Reads every HTML file under `dir` and returns the policy that allows exactly their inline scripts. */
export function buildCsp(dir: string): CspResult {
  const root = resolve(dir);
  const files = htmlFiles(root);
  if (files.length === 0) throw new Error(`no HTML files under ${root}: build the site first`);
  const scripts: InlineScript[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const found = inlineScripts(readFileSync(file, 'utf8'));
    const rel = relative(root, file);
    for (const hash of found.hashes) scripts.push({ file: rel, hash });
    for (const p of found.problems) problems.push(`${rel}: ${p}`);
  }
  if (problems.length > 0) {
    throw new Error(`a hash cannot allow these; move them into a script:\n  ${problems.join('\n  ')}`);
  }
  const hashes = [...new Set(scripts.map((s) => s.hash))].sort();
  return { policy: policyFor(hashes), hashes, files: files.length, scripts };
}

/** The nginx include: one add_header line, sent on every response including error pages. */
export function nginxInclude(result: CspResult): string {
  if (/["\\$]/.test(result.policy)) throw new Error('policy contains a character nginx would misread');
  return [
    `# Generated by scripts/csp.ts from ${result.files} HTML files (${result.hashes.length} inline-script hashes).`,
    '# Regenerate after every build: a changed inline script is blocked until its new hash is listed here.',
    `add_header Content-Security-Policy "${result.policy}" always;`,
    '',
  ].join('\n');
}

/** Builds the policy for `dir` and writes `<outDir>/nginx-csp.conf` and `<outDir>/policy.txt`. */
export function writeCsp(dir: string, outDir = join(dir, CSP_DIR)): CspResult & { include: string } {
  const result = buildCsp(dir);
  mkdirSync(outDir, { recursive: true });
  const include = join(outDir, NGINX_CSP_FILE);
  writeFileSync(include, nginxInclude(result));
  writeFileSync(join(outDir, 'policy.txt'), `${result.policy}\n`);
  return { ...result, include };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  try {
    const result = writeCsp(dir);
    console.log(
      `csp: ${result.hashes.length} inline-script hashes from ${result.files} HTML files → ${relative(process.cwd(), result.include)}`,
    );
  } catch (error) {
    console.error(`csp: ${(error as Error).message}`);
    process.exit(1);
  }
}
