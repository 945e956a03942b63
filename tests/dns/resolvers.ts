/**
 * Runs Debian's dnsmasq and Unbound for the tests on loopback ports, with a stub upstream written here, so no query
 * ever leaves this machine. Every process is started by the tests, stopped by its pid, and killed on exit.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitExit } from '../process';

export const DNSMASQ_BIN = process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
export const UNBOUND_BIN = process.env.UNBOUND_BIN ?? '/usr/sbin/unbound';
export const UNBOUND_CHECKCONF_BIN = process.env.UNBOUND_CHECKCONF_BIN ?? '/usr/sbin/unbound-checkconf';
export const DIG_BIN = process.env.DIG_BIN ?? '/usr/bin/dig';

/** The address the stub upstream answers every A query with: it proves a name was forwarded. */
export const STUB_ANSWER = '192.0.2.99';

/** Fails loudly when a binary is missing: these tests must never be skipped silently. */
export function requireBinaries(): void {
  const missing = [DNSMASQ_BIN, UNBOUND_BIN, UNBOUND_CHECKCONF_BIN, DIG_BIN].filter((b) => !existsSync(b));
  if (missing.length)
    throw new Error(
      `Missing ${missing.join(', ')}. The DNS tests run every generated config in a real dnsmasq and Unbound. ` +
        'Install Debian dnsmasq, unbound and dnsutils (npm test does this).',
    );
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface Stub {
  port: number;
  /** Every question the stub received, as `name TYPE`. */
  queries: string[];
  close(): Promise<void>;
}

const TYPES: Record<number, string> = { 1: 'A', 28: 'AAAA', 15: 'MX', 16: 'TXT', 2: 'NS', 6: 'SOA' };

/** A tiny upstream on 127.0.0.1: A → 192.0.2.99, any other type → no data. Records what it was asked. */
export function startStub(): Promise<Stub> {
  const sock: Socket = createSocket('udp4');
  const queries: string[] = [];
  sock.on('message', (msg, rinfo) => {
    if (msg.length < 12) return;
    let off = 12;
    const labels: string[] = [];
    while (off < msg.length && msg[off] !== 0) {
      const len = msg[off] ?? 0;
      labels.push(msg.subarray(off + 1, off + 1 + len).toString('latin1'));
      off += len + 1;
    }
    const qEnd = off + 5;
    if (qEnd > msg.length) return;
    const qtype = msg.readUInt16BE(off + 1);
    queries.push(`${labels.join('.').toLowerCase()} ${TYPES[qtype] ?? qtype}`);
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180 | (msg.readUInt16BE(2) & 0x0100), 2); // QR, RD copied, RA, NOERROR
    header.writeUInt16BE(1, 4);
    const answer =
      qtype === 1
        ? Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, ...STUB_ANSWER.split('.').map(Number)])
        : Buffer.alloc(0);
    header.writeUInt16BE(answer.length ? 1 : 0, 6);
    sock.send(Buffer.concat([header, msg.subarray(12, qEnd), answer]), rinfo.port, rinfo.address);
  });
  return new Promise((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(0, '127.0.0.1', () => {
      resolve({
        port: sock.address().port,
        queries,
        close: () => new Promise<void>((r) => sock.close(() => r())),
      });
    });
  });
}

/** A UDP port on 127.0.0.1 that was free a moment ago (asked from the kernel, then released). */
export function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  return new Promise((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

/** `dig +short` for one name and type at 127.0.0.1:port; the answer lines (addresses). */
export function dig(port: number, name: string, type = 'A', timeSec = 5): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(
      DIG_BIN,
      ['+short', '+tries=1', `+time=${timeSec}`, '-p', String(port), '@127.0.0.1', name, type],
      { timeout: 60_000 },
      (_err, stdout) =>
        resolve(
          String(stdout)
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith(';')),
        ),
    );
  });
}

export interface Workdir {
  root: string;
  file(name: string, content: string): string;
  remove(): void;
}

export function workdir(prefix: string): Workdir {
  const root = mkdtempSync(join(tmpdir(), prefix));
  // dnsmasq reads --addn-hosts after dropping root privileges to its own user.
  chmodSync(root, 0o755);
  return {
    root,
    file(name, content) {
      const p = join(root, name);
      writeFileSync(p, content, { mode: 0o644 });
      return p;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function dnsmasqTest(conf: string): { ok: boolean; output: string } {
  const r = spawnSync(DNSMASQ_BIN, ['--test', '-C', conf], { encoding: 'utf8', timeout: 30_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

export function unboundCheckconf(conf: string): { ok: boolean; output: string } {
  const r = spawnSync(UNBOUND_CHECKCONF_BIN, [conf], { encoding: 'utf8', timeout: 30_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

export interface Daemon {
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a foreground daemon and waits (hang guard only) until it answers `probe` on the port. */
async function startDaemon(bin: string, args: string[], port: number, probe: string): Promise<Daemon> {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, 'SIGTERM');
      if (!(await waitExit(child, 5000))) {
        process.kill(child.pid, 'SIGKILL');
        await waitExit(child, 5000);
      }
    }
    running.delete(child);
  };
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child.exitCode !== null) break;
    if ((await dig(port, probe, 'A', 1)).length) return { pid: child.pid ?? -1, output: () => out, stop };
  }
  await stop();
  throw new Error(`${bin} did not answer on 127.0.0.1:${port}:\n${out}`);
}

/** dnsmasq on 127.0.0.1:port with the config file; the stub is its only upstream (the "standard" server). */
export function startDnsmasq(conf: string, port: number, stubPort: number, probe: string, extra: string[] = []): Promise<Daemon> {
  const args = [
    '--keep-in-foreground',
    '--no-resolv',
    '--no-hosts',
    '--no-poll',
    `--port=${port}`,
    '--listen-address=127.0.0.1',
    '--bind-interfaces',
    '--pid-file=',
    '--log-facility=-',
    `--server=127.0.0.1#${stubPort}`,
    '-C',
    conf,
    ...extra,
  ];
  return startDaemon(DNSMASQ_BIN, args, port, probe);
}

/** The test's own `server:` clause: loopback port, no chroot/user switch, temp dir, the stub allowed on localhost. */
export function unboundTestServer(dir: string, port: number): string {
  return [
    'server:',
    `  interface: 127.0.0.1@${port}`,
    `  port: ${port}`,
    '  do-ip6: no',
    '  do-not-query-localhost: no',
    '  chroot: ""',
    '  username: ""',
    `  directory: "${dir}"`,
    `  pidfile: "${join(dir, 'unbound.pid')}"`,
    '  use-syslog: no',
    '  logfile: ""',
    '  verbosity: 1',
    '  num-threads: 1',
    '  so-reuseport: no',
    '  access-control: 127.0.0.0/8 allow',
    'remote-control:',
    '  control-enable: no',
    '',
  ].join('\n');
}

export function startUnbound(conf: string, port: number, probe: string): Promise<Daemon> {
  return startDaemon(UNBOUND_BIN, ['-d', '-c', conf], port, probe);
}
