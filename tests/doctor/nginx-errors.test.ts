/**
 * A real nginx writes the error-log lines the doctor must recognise: auth_request to a stopped Authelia (a closed
 * port on 127.0.0.1), to an endpoint answering 404 or a redirect, to an empty $upstream_authelia, and a proxy_pass
 * to a closed port. A minimal runner of our own (tests/nginx belongs to the NPM harness): one foreground process
 * bound to 127.0.0.1, every path in a temp dir, stopped by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseText } from '../../src/lib/doctor';
import { waitExit } from '../process';

const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function status(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path, timeout: 10_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

let dir = '';
let nginx: ChildProcess | undefined;
let port = 0;

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}; install Debian nginx (these tests must not be skipped)`);
  dir = mkdtempSync(join(tmpdir(), 'doctor-nginx-'));
  for (const sub of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'www']) mkdirSync(join(dir, sub));
  // The protected app: static content, served only after auth_request allows it (return would skip the check).
  writeFileSync(join(dir, 'www', 'index.html'), 'app');
  port = await freePort();
  const closed = await freePort(); // free again once probed: nothing listens there, like a stopped Authelia
  const conf = `
worker_processes 1;
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log error;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/client;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location = /authz-stopped { internal; proxy_pass http://127.0.0.1:${closed}/api/authz/auth-request; }
    location = /authz-empty { internal; set $upstream_authelia ""; proxy_pass $upstream_authelia; }
    location = /authz-wrong-path { internal; proxy_pass http://127.0.0.1:${port}/not-authelia; }
    location = /authz-legacy { internal; return 302 https://auth.example.com/?rd=$request_uri; }
    location = /not-authelia { return 404; }
    location /stopped/ { auth_request /authz-stopped; alias ${dir}/www/; }
    location /empty/ { auth_request /authz-empty; alias ${dir}/www/; }
    location /wrong-path/ { auth_request /authz-wrong-path; alias ${dir}/www/; }
    location /legacy/ { auth_request /authz-legacy; alias ${dir}/www/; }
    location /app/ { proxy_pass http://127.0.0.1:${closed}/; }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  nginx = spawn(NGINX, ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await status(port, '/not-authelia');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('nginx did not start');
});

afterAll(async () => {
  if (nginx?.pid !== undefined && nginx.exitCode === null) {
    nginx.kill('SIGTERM');
    if (!(await waitExit(nginx, 10_000))) nginx.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Makes one request and returns what nginx appended to its error log meanwhile. */
async function logOf(path: string): Promise<{ status: number; log: string }> {
  const before = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').length : 0;
  const code = await status(port, path);
  // nginx writes the line before it answers; read it after the answer.
  const log = readFileSync(join(dir, 'error.log'), 'utf8').slice(before);
  return { status: code, log };
}

describe('lines a real nginx writes', () => {
  it('auth_request to a stopped Authelia: 502 from the check, refused connection to 127.0.0.1', async () => {
    const { status: code, log } = await logOf('/stopped/');
    expect(code).toBe(500);
    expect(log).toContain('auth request unexpected status: 502');
    const ids = diagnoseText(log).findings.map((finding) => finding.id);
    expect(ids).toEqual(['nginx-auth-request-502', 'nginx-upstream-localhost']);
  });

  it('auth_request with an empty $upstream_authelia: invalid URL prefix, then 500', async () => {
    const { status: code, log } = await logOf('/empty/');
    expect(code).toBe(500);
    const ids = diagnoseText(log).findings.map((finding) => finding.id);
    expect(ids).toEqual(['nginx-auth-request-500', 'nginx-invalid-url-prefix']);
  });

  it('auth_request to a path that is not the authz endpoint: 404', async () => {
    const { log } = await logOf('/wrong-path/');
    expect(diagnoseText(log).findings.map((finding) => finding.id)).toEqual(['nginx-auth-request-404']);
  });

  it('auth_request to an endpoint that redirects: 302', async () => {
    const { log } = await logOf('/legacy/');
    expect(diagnoseText(log).findings.map((finding) => finding.id)).toEqual(['nginx-auth-request-redirect']);
  });

  it('proxy_pass to a closed port on 127.0.0.1', async () => {
    const { status: code, log } = await logOf('/app/');
    expect(code).toBe(502);
    const findings = diagnoseText(log).findings;
    expect(findings.map((finding) => finding.id)).toEqual(['nginx-upstream-localhost']);
    expect(findings[0]?.lines).toEqual([1]);
  });

  it('recognises the whole error log at once, in docker logs JSON form too', () => {
    const log = readFileSync(join(dir, 'error.log'), 'utf8');
    const plain = new Set(diagnoseText(log).findings.map((finding) => finding.id));
    const wrapped = log
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.stringify({ log: `${line}\n`, stream: 'stderr', time: '2026-01-01T00:00:00Z' }))
      .join('\n');
    expect(new Set(diagnoseText(wrapped).findings.map((finding) => finding.id))).toEqual(plain);
    expect(plain.size).toBeGreaterThanOrEqual(6);
  });
});
