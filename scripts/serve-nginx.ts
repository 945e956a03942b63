// Serves a built site with the deploy config (deploy/nginx/site.conf) on 127.0.0.1, in the foreground, with Debian's
// nginx: the same server block the container runs, with only the listen address, the site folder and the CSP include
// path swapped for local ones. Used by the deploy end-to-end tests (playwright.deploy.config.ts).
// Writes <dir>/_csp/nginx-csp.conf first (scripts/csp.ts), like a real deploy.
// Every nginx file (pid, logs, temp) lives in a temp folder, removed on exit; nothing touches /etc/nginx or /var.
// Usage: node scripts/serve-nginx.ts [dir=dist] [port=4331]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP_DIR, NGINX_CSP_FILE, writeCsp } from './csp.ts';

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
export const SITE_CONF = fileURLToPath(new URL('../deploy/nginx/site.conf', import.meta.url));

/** What the container config names, and what a local run puts in its place. */
const CONTAINER_ROOT = '/usr/share/nginx/html';
const CONTAINER_CSP = `${CONTAINER_ROOT}/${CSP_DIR}/${NGINX_CSP_FILE}`;
const CONTAINER_LISTEN = 'listen 8080;';

function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`deploy/nginx/site.conf: expected "${from}" exactly once, found ${count}`);
  return text.replace(from, () => to);
}

export interface LocalSite {
  /** Absolute path of the built site. */
  dist: string;
  port: number;
  /** The generated CSP include to use (default: <dist>/_csp/nginx-csp.conf). */
  cspInclude?: string;
}

/** deploy/nginx/site.conf with the container paths and port replaced for a loopback run. */
export function renderSite(site: LocalSite, source = readFileSync(SITE_CONF, 'utf8')): string {
  const include = site.cspInclude ?? join(site.dist, CSP_DIR, NGINX_CSP_FILE);
  let conf = replaceOnce(source, `include ${CONTAINER_CSP};`, `include ${include};`);
  conf = replaceOnce(conf, `root ${CONTAINER_ROOT};`, `root ${site.dist};`);
  conf = replaceOnce(conf, CONTAINER_LISTEN, `listen 127.0.0.1:${site.port};`);
  const directives = conf.replace(/#.*$/gm, '');
  if (directives.includes(CONTAINER_ROOT))
    throw new Error(`deploy/nginx/site.conf: unexpected ${CONTAINER_ROOT} left after rendering`);
  return conf;
}

/**
 * The main nginx.conf around the server block, close to the image's own (mime types, sendfile, one http block), with
 * every writable path under `prefix`. `user root` only when running as root (nginx would switch to nobody otherwise).
 */
export function renderMain(prefix: string, siteFile: string): string {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    isRoot ? 'user root;' : '',
    'daemon off;',
    'master_process off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/logs/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    '    sendfile on;',
    '    keepalive_timeout 65;',
    `    access_log ${prefix}/logs/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${prefix}/temp/${t};`),
    `    include ${siteFile};`,
    '}',
    '',
  ].join('\n');
}

export interface Prepared {
  prefix: string;
  conf: string;
  remove(): void;
}

/** Writes nginx.conf + site.conf into a new temp prefix. */
export function prepare(site: LocalSite, tmpPrefix = 'deploy-nginx-'): Prepared {
  if (!existsSync(NGINX_BIN)) {
    throw new Error(
      `nginx not found at ${NGINX_BIN}: install Debian nginx (apt-get install -y --no-install-recommends nginx; npm test does this) or set NGINX_BIN.`,
    );
  }
  if (!existsSync(join(site.dist, 'index.html'))) throw new Error(`${site.dist} has no index.html: build the site first`);
  const prefix = mkdtempSync(join(tmpdir(), tmpPrefix));
  for (const d of ['logs', 'temp']) mkdirSync(join(prefix, d));
  const siteFile = join(prefix, 'site.conf');
  writeFileSync(siteFile, renderSite(site));
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, renderMain(prefix, siteFile));
  return { prefix, conf, remove: () => rmSync(prefix, { recursive: true, force: true }) };
}

export function nginxArgs(p: Prepared): string[] {
  return ['-p', `${p.prefix}/`, '-c', p.conf, '-e', 'stderr'];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const port = Number(process.argv[3] ?? 4331);
  const csp = writeCsp(dist);
  console.log(`csp: ${csp.hashes.length} inline-script hashes from ${csp.files} HTML files`);
  const prepared = prepare({ dist, port });
  const child = spawn(NGINX_BIN, nginxArgs(prepared), { stdio: 'inherit' });
  console.log(`serving ${dist} with deploy/nginx/site.conf at http://127.0.0.1:${port}/ (nginx pid ${child.pid})`);
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  child.on('exit', (code, signal) => {
    prepared.remove();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
