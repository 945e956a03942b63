import { describe, expect, it } from 'vitest';
import { analysePaste } from '../../../src/lib/ssh';

const conn = { user: 'ana', host: 'laptop', addr: '192.168.1.20' };

describe('analysePaste', () => {
  it('reads files as tail -n +1 prints them and points messages at the pasted line', () => {
    const text = [
      '==> /etc/ssh/sshd_config <==',
      'Include /etc/ssh/sshd_config.d/*.conf',
      'PasswordAuthentication no',
      '',
      '==> /etc/ssh/sshd_config.d/50-cloud-init.conf <==',
      'PasswordAuthentication yes',
      'PermitRootLogn no',
    ].join('\n');
    const result = analysePaste(text, conn, '9.2');
    expect(result.mode).toBe('files');
    expect(result.values.passwordauthentication).toEqual(['yes']);
    const unknown = result.diagnostics.find((d) => d.code === 'unknown-keyword');
    expect(unknown).toMatchObject({ path: 'paste', line: 7, column: 1 });
    const shadowed = result.diagnostics.find((d) => d.code === 'value-shadowed');
    expect(shadowed).toMatchObject({ line: 3 });
  });
  it('reads sshd -T output and flags what matters', () => {
    const text =
      'port 22\npasswordauthentication yes\npermitrootlogin yes\nmaxstartups 10:30:100\nipqos lowdelay throughput\nrekeylimit 0 0\nbroken\n';
    const result = analysePaste(text, conn, '9.2');
    expect(result.mode).toBe('dump');
    expect(result.values.passwordauthentication).toEqual(['yes']);
    expect(result.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['password-on', 'root-password', 'bad-dump-line']),
    );
    expect(result.diagnostics.find((d) => d.code === 'bad-dump-line')).toMatchObject({ line: 7, column: 1 });
  });
  it('text without a header is the main file; an unclosed quote gets line and column', () => {
    const result = analysePaste('Banner "/etc/issue\n', conn, '9.2');
    expect(result.diagnostics[0]).toMatchObject({ code: 'bad-line', line: 1, column: 8 });
  });
  it('empty text is no analysis', () => {
    expect(analysePaste('  \n', conn, '9.2').mode).toBe('empty');
  });
});
