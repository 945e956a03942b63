/**
 * Runs the real OpenSSH server in test mode on a throwaway tree: `sshd -t` (syntax) and `sshd -T -C …` (effective
 * values for a connection). No daemon is started and /etc/ssh is never read or written: every Include and HostKey path
 * in the files is moved under a temporary root, and the host key is a fresh one made with ssh-keygen.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConfigFile, Connection } from '../../src/lib/ssh';

export const SSHD = '/usr/sbin/sshd';

/** sshd -t/-T refuse to run without the privilege-separation directory; the Debian unit creates it at boot. */
export function ensurePrivsepDir(): void {
  if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755, recursive: true });
}

export interface SshdRun {
  ok: boolean;
  stderr: string;
  values: Record<string, string[]>;
}

export class SshdTree {
  readonly root = mkdtempSync(join(tmpdir(), 'sshd-tree-'));
  readonly hostKey = join(this.root, 'host_key');

  constructor() {
    ensurePrivsepDir();
    const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', this.hostKey], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`ssh-keygen failed: ${made.stderr}`);
  }

  /** The files under the root, with paths in Include and HostKey lines moved there too. */
  write(files: readonly ConfigFile[]): string {
    rmSync(join(this.root, 'etc'), { recursive: true, force: true });
    for (const file of files) {
      const target = join(this.root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, this.relocate(file.content));
    }
    return join(this.root, files[0]!.path);
  }

  private relocate(content: string): string {
    return content
      .split('\n')
      .map((line) => {
        const found = /^(\s*)(include|hostkey)(\s*=?\s*)(.*)$/i.exec(line);
        if (!found) return line;
        const moved = found[4]!
          .split(/\s+/)
          .map((word) => {
            if (word === '' || word.startsWith('#')) return word;
            if (word.startsWith('/')) return `${this.root}${word}`;
            return found[2]!.toLowerCase() === 'include' ? `${this.root}/etc/ssh/${word}` : word;
          })
          .join(' ');
        if (found[2]!.toLowerCase() === 'hostkey') this.makeKey(moved.split(' ')[0]!);
        return `${found[1]}${found[2]}${found[3]}${moved}`;
      })
      .join('\n');
  }

  private makeKey(path: string): void {
    if (!path.startsWith(this.root) || existsSync(path)) return;
    mkdirSync(dirname(path), { recursive: true });
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path]);
  }

  /**
   * `sshd -t` on the files and, when it passes, `sshd -T -C user=…,host=…,addr=…` for each connection (run side by
   * side: each is a short-lived process that exits by itself; none is a daemon).
   */
  async run(files: readonly ConfigFile[], connections: readonly Connection[]): Promise<SshdRun[]> {
    const main = this.write(files);
    const check = await sshd(['-t', '-f', main, '-h', this.hostKey]);
    if (check.code !== 0) return connections.map(() => ({ ok: false, stderr: check.stderr, values: {} }));
    return Promise.all(
      connections.map(async (connection) => {
        const spec = Object.entries({ user: connection.user, host: connection.host, addr: connection.addr })
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `${key}=${value}`)
          .join(',');
        const dump = await sshd(['-T', '-f', main, '-h', this.hostKey, ...(spec ? ['-C', spec] : [])]);
        return { ok: dump.code === 0, stderr: dump.stderr, values: dump.code === 0 ? parseDump(dump.stdout) : {} };
      }),
    );
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The keywords compared with the real sshd -T output (the list plus the other modeled ones). */
export const COMPARED = [
  'passwordauthentication',
  'kbdinteractiveauthentication',
  'pubkeyauthentication',
  'authenticationmethods',
  'permitrootlogin',
  'permitemptypasswords',
  'allowusers',
  'allowgroups',
  'denyusers',
  'denygroups',
  'maxauthtries',
  'port',
  'listenaddress',
  'addressfamily',
  'loglevel',
  'x11forwarding',
  'allowagentforwarding',
  'allowtcpforwarding',
  'allowstreamlocalforwarding',
  'disableforwarding',
  'clientaliveinterval',
  'clientalivecountmax',
  'usepam',
  'maxsessions',
  'logingracetime',
  'printmotd',
  'x11uselocalhost',
  'permittty',
  'strictmodes',
  'gatewayports',
  'usedns',
  'gssapiauthentication',
  'hostbasedauthentication',
  'syslogfacility',
  'authorizedkeysfile',
  'acceptenv',
  'banner',
  'permittunnel',
  'subsystem',
] as const;

/** Algorithm lists are compared whenever the simulator prints them (it does when a file sets a plain list). */
const ALGORITHMS = ['ciphers', 'macs', 'kexalgorithms', 'hostkeyalgorithms', 'pubkeyacceptedalgorithms'];

/**
 * The compared keywords of a values record, missing ones as empty lists (sshd -T prints nothing for an empty list),
 * plus the algorithm lists the simulator printed (`simulated` is the simulator's record).
 */
export function pick(values: Record<string, string[]>, simulated: Record<string, string[]> = values): Record<string, string[]> {
  const keys = [...COMPARED, ...ALGORITHMS.filter((key) => key in simulated)];
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? []]));
}

function sshd(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(SSHD, args, { encoding: 'utf8', timeout: 30_000 }, (failure, stdout, stderr) => {
      const code = failure ? (typeof failure.code === 'number' ? failure.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `sshd -T` output as keyword → printed lines. */
export function parseDump(stdout: string): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    const space = line.indexOf(' ');
    const key = space === -1 ? line : line.slice(0, space);
    (values[key] ??= []).push(space === -1 ? '' : line.slice(space + 1));
  }
  return values;
}

/** Runs the jobs with at most `width` at a time, each with its own tree. */
export async function withTrees<T>(
  jobs: readonly T[],
  width: number,
  work: (tree: SshdTree, job: T) => Promise<void>,
): Promise<void> {
  const trees = Array.from({ length: Math.min(width, jobs.length) }, () => new SshdTree());
  let next = 0;
  try {
    await Promise.all(
      trees.map(async (tree) => {
        while (next < jobs.length) await work(tree, jobs[next++]!);
      }),
    );
  } finally {
    for (const tree of trees) tree.dispose();
  }
}
