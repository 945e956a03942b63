/**
 * Runs Debian's nginx for the tests: `nginx -t` on a temp prefix, and a foreground single-process instance on 127.0.0.1.
 * Every path (pid, logs, temp dirs) lives under a temp directory; nothing touches /etc/nginx, /run or /var.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { includeFiles, renderMain, renderProxyHost, type Ports, type ProxyHostConf } from './npm-template';
import { waitExit } from '../process';

export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/** Fails loudly when nginx is missing: these tests must never be skipped silently. */
export function requireNginx(): string {
  if (!existsSync(NGINX_BIN)) {
    throw new Error(
      `nginx not found at ${NGINX_BIN}. The NPM snippet tests run every generated snippet through a real nginx and cannot pass without it. ` +
        'Install Debian nginx (apt-get install -y --no-install-recommends nginx) — npm test does this — or set NGINX_BIN.',
    );
  }
  return NGINX_BIN;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export interface Workspace {
  root: string;
  conf: string;
  /** The ports every host listens on (kernel-chosen, 127.0.0.1). */
  ports: Ports;
  /** Replaces the proxy hosts (one file each, like NPM's /data/nginx/proxy_host/<id>.conf) and rewrites nginx.conf. */
  write(hosts: readonly ProxyHostConf[], opts?: { foreground?: boolean; extraTrust?: readonly string[] }): void;
  /** `nginx -t` on the current files. */
  test(): { ok: boolean; output: string };
  /** The current files, for failure messages. */
  dump(): string;
  remove(): void;
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** The ACME challenge file every certificate host serves (NPM's webroot), and its content. */
export const ACME_TOKEN = { path: '/.well-known/acme-challenge/test-token', body: 'acme-token-body\n' };

/**
 * A throwaway self-signed certificate for *.example.test, made with openssl in the workspace (NPM's Let's Encrypt
 * layout: letsencrypt/live/npm-1/fullchain.pem + privkey.pem). Valid for one day; used only by the tests' own clients.
 */
function makeCertificate(root: string): void {
  const dir = join(root, 'letsencrypt/live/npm-1');
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=npm-test.example.test',
      '-addext',
      'subjectAltName=DNS:*.example.test,DNS:*.example.com',
      '-keyout',
      join(dir, 'privkey.pem'),
      '-out',
      join(dir, 'fullchain.pem'),
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  if (r.error || r.status !== 0) throw new Error(`openssl could not make the test certificate: ${r.error?.message ?? r.stderr}`);
}

export async function createWorkspace(prefix = 'npm-nginx-'): Promise<Workspace> {
  requireNginx();
  const root = mkdtempSync(join(tmpdir(), prefix));
  const conf = join(root, 'nginx.conf');
  for (const d of [
    'logs',
    'temp',
    'custom',
    'access',
    'proxy_host',
    'letsencrypt-acme-challenge/.well-known/acme-challenge',
    'cache',
  ])
    mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'letsencrypt-acme-challenge', ACME_TOKEN.path), ACME_TOKEN.body);
  writeTree(root, includeFiles(root));
  makeCertificate(root);
  const ports: Ports = { http: await freePort(), https: await freePort(), https2: await freePort() };
  let written: string[] = [];
  return {
    root,
    conf,
    ports,
    write(hosts, opts = {}) {
      rmSync(join(root, 'proxy_host'), { recursive: true, force: true });
      mkdirSync(join(root, 'proxy_host'));
      writeFileSync(
        conf,
        renderMain({
          root,
          userRoot: isRoot,
          foreground: opts.foreground ?? false,
          ...(opts.extraTrust ? { extraTrust: opts.extraTrust } : {}),
        }),
      );
      written = [conf];
      for (const h of hosts) {
        const file = join(root, 'proxy_host', `${h.id}.conf`);
        writeFileSync(file, renderProxyHost(h, root, ports));
        writeFileSync(join(root, 'access', String(h.id)), 'user:$apr1$x$x\n');
        written.push(file);
      }
    },
    test() {
      // Two minutes: a hang guard only (hundreds of TLS hosts on a loaded 2-core machine take a while to load).
      const r = spawnSync(NGINX_BIN, ['-t', '-p', `${root}/`, '-c', conf, '-e', 'stderr'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.error) throw r.error;
      return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
    },
    dump() {
      return written.map((f) => `--- ${f}\n${readFileSync(f, 'utf8')}`).join('\n');
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RunningNginx {
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts nginx in the foreground (daemon off, master_process off) and waits until `port` accepts connections. */
export async function startNginx(ws: Workspace, port = ws.ports.http): Promise<RunningNginx> {
  const child = spawn(NGINX_BIN, ['-p', `${ws.root}/`, '-c', ws.conf, '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitExit(child, 3000))) {
        child.kill('SIGKILL');
        await waitExit(child, 3000);
      }
    }
    running.delete(child);
  };
  // Up to two minutes: a hang guard only, so a loaded machine that starts nginx slowly does not fail the test.
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    if (child.exitCode !== null) break;
    if (await canConnect(port)) return { pid: child.pid ?? -1, stop };
    await sleep(50);
  }
  await stop();
  const log = existsSync(join(ws.root, 'logs/error.log')) ? readFileSync(join(ws.root, 'logs/error.log'), 'utf8') : '';
  throw new Error(`nginx did not start on 127.0.0.1:${port}:\n${output}\n${log}`);
}
