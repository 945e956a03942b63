import { describe, expect, it } from 'vitest';
import { defaultSshdOptions, generateSshd, modernAlgorithms, simulateOptions, type SshdOptions } from '../../../src/lib/ssh';

const run = (changes: Partial<SshdOptions>) => generateSshd({ ...defaultSshdOptions, ...changes });
const codes = (changes: Partial<SshdOptions>) => run(changes).diagnostics.map((d) => d.code);

describe('generateSshd', () => {
  it('writes the keys-only drop-in, the procedure and the client entry', () => {
    const result = run({});
    expect(result.files.map((file) => file.name)).toEqual(['00-homelab.conf', 'procedure.sh', 'ssh_config']);
    const dropIn = result.files[0]!.content;
    for (const line of [
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'AuthenticationMethods publickey',
      'PermitRootLogin no',
      'AllowUsers ana',
      'LogLevel VERBOSE',
    ]) {
      expect(dropIn).toContain(line);
    }
    const procedure = result.files[1]!.content;
    expect(procedure).toContain('ssh-copy-id');
    expect(procedure).toContain('sudo sshd -t');
    expect(procedure).toContain('#   passwordauthentication no');
    expect(procedure).toContain('SECOND terminal');
    expect(result.files[2]!.content).toContain('ed25519-sk');
  });
  it('keeps Match exceptions last and never uses "any" there', () => {
    const dropIn = run({ passwordFrom: '192.168.1.0/24' }).files[0]!.content;
    const match = dropIn.indexOf('Match Address 192.168.1.0/24');
    expect(match).toBeGreaterThan(dropIn.indexOf('ClientAliveCountMax'));
    expect(dropIn.slice(match)).toContain('AuthenticationMethods publickey password');
  });
  it('on a cloud image the drop-in wins over cloud-init, and says so', () => {
    const result = run({ distro: 'ubuntu-24.04-cloud' });
    const note = result.diagnostics.find((d) => d.code === 'value-shadowed');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('00-homelab.conf');
    expect(note?.message).toContain('50-cloud-init.conf');
    expect(
      simulateOptions({ ...defaultSshdOptions, distro: 'ubuntu-24.04-cloud' })!.effective.values.passwordauthentication,
    ).toEqual(['no']);
  });
  it('on RHEL 8 gives lines for the top and the end of sshd_config instead of a drop-in', () => {
    const result = run({ distro: 'rhel-8', passwordFrom: '192.168.1.0/24' });
    expect(result.files.map((file) => file.name)).toEqual([
      'sshd_config-top.conf',
      'sshd_config-end.conf',
      'procedure.sh',
      'ssh_config',
    ]);
    expect(result.diagnostics.map((d) => d.code)).toContain('dropin-ignored');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('adds the ssh.socket step where the socket owns the port', () => {
    expect(run({ distro: 'ubuntu-24.04', port: '2222' }).files[1]!.content).toContain('systemctl restart ssh.socket');
    expect(run({ distro: 'debian-12', port: '2222' }).files[1]!.content).not.toContain('ssh.socket');
  });
  it('uses algorithm names the chosen OpenSSH knows', () => {
    expect(modernAlgorithms('9.9').kexAlgorithms.startsWith('mlkem768x25519-sha256')).toBe(true);
    expect(modernAlgorithms('9.2').kexAlgorithms).not.toContain('mlkem');
    expect(run({ distro: 'debian-12', modernCrypto: true }).files[0]!.content).toContain(
      'KexAlgorithms sntrup761x25519-sha512@openssh.com',
    );
  });
});

describe('bad input gets a message on its field, and no files', () => {
  it('names that are not user or group names', () => {
    const result = run({ users: 'ana Bob.Smith' });
    expect(result.files).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ code: 'bad-user', path: 'users' });
    expect(codes({ accessBy: 'groups', groups: 'wheel,ad mins!' })).toContain('bad-group');
  });
  it('ports outside 1–65535', () => {
    expect(codes({ port: '70000' })).toContain('bad-port');
    expect(codes({ port: '0' })).toContain('bad-port');
    expect(codes({ port: 'ssh' })).toContain('bad-port');
  });
  it('invalid addresses and networks, with the network address as the fix', () => {
    expect(codes({ listenLan: '192.168.1.300' })).toContain('bad-address');
    const bad = run({ passwordFrom: '192.168.1.5/24' }).diagnostics.find((d) => d.code === 'bad-network');
    expect(bad).toMatchObject({ path: 'passwordFrom', fix: '192.168.1.0/24' });
    expect(codes({ passwordFrom: 'lan' })).toContain('bad-network');
  });
  it('no login method left', () => {
    expect(codes({ pubkey: false })).toContain('no-login-method');
    expect(codes({ pubkey: false, passwordFrom: '192.168.1.0/24' })).not.toContain('no-login-method');
  });
  it('root as the only allowed user', () => {
    expect(run({ users: 'root' }).diagnostics.find((d) => d.code === 'root-only')?.severity).toBe('error');
    expect(run({ users: 'root', rootLogin: 'prohibit-password' }).diagnostics.find((d) => d.code === 'root-only')?.severity).toBe(
      'warning',
    );
  });
  it('never changes the options it is given', () => {
    const options = { ...defaultSshdOptions, users: ' ana,,Bob ' };
    const copy = JSON.stringify(options);
    generateSshd(options);
    expect(JSON.stringify(options)).toBe(copy);
  });
});
