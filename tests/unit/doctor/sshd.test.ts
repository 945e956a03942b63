/**
 * Debian's sshd checks broken files (`sshd -t -f <file>`, never a running daemon) and the doctor must recognise
 * what it prints. Host keys are generated into a temp dir; /etc/ssh is never read or written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseText } from '../../../src/lib/doctor';

const SSHD = process.env.SSHD_BIN ?? '/usr/sbin/sshd';
let dir = '';

beforeAll(() => {
  if (!existsSync(SSHD)) throw new Error(`sshd not found at ${SSHD}; install openssh-server (these tests must not be skipped)`);
  dir = mkdtempSync(join(tmpdir(), 'doctor-sshd-'));
  const keygen = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_ed25519')], {
    encoding: 'utf8',
  });
  expect(keygen.status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sshdTest(lines: string[]): string {
  const file = join(dir, 'sshd_config');
  writeFileSync(file, [`HostKey ${join(dir, 'host_ed25519')}`, ...lines, ''].join('\n'));
  const run = spawnSync(SSHD, ['-t', '-f', file], { encoding: 'utf8', timeout: 20_000 });
  expect(run.status, 'sshd -t should reject the file').not.toBe(0);
  return `${run.stdout}${run.stderr}`;
}

describe('sshd -t output on broken files', () => {
  it.each([
    [['PasswordAuthentcation no'], ['sshd-bad-option', 'sshd-terminating-bad-options']],
    [['PasswordAuthentication maybe'], ['sshd-bad-value']],
    [['PermitRootLogin'], ['sshd-bad-value', 'sshd-terminating-bad-options']],
    [['Port twenty-two'], ['sshd-bad-value']],
    [['MaxAuthTries many'], ['sshd-bad-value']],
  ])('%j', (config, expected) => {
    const output = sshdTest(config);
    const ids = diagnoseText(output).findings.map((finding) => finding.id);
    expect(ids, output).toEqual(expected);
  });

  it('accepts a good file (the test harness is not what fails)', () => {
    const file = join(dir, 'good_config');
    writeFileSync(file, `HostKey ${join(dir, 'host_ed25519')}\nPasswordAuthentication no\n`);
    expect(spawnSync(SSHD, ['-t', '-f', file], { encoding: 'utf8' }).status).toBe(0);
  });
});
