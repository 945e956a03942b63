import { describe, expect, it } from 'vitest';
import { effectiveSshd, stockSet, type ConfigFile } from '../../../src/lib/ssh';

const main = (content: string): ConfigFile => ({ path: '/etc/ssh/sshd_config', content });
const dropIn = (name: string, content: string): ConfigFile => ({ path: `/etc/ssh/sshd_config.d/${name}`, content });
const INCLUDE = 'Include /etc/ssh/sshd_config.d/*.conf\n';

describe('first value wins, Include reads drop-ins in name order where it stands', () => {
  it('a drop-in read through an Include at the top beats the main file', () => {
    const result = effectiveSshd([
      main(`${INCLUDE}PasswordAuthentication no\n`),
      dropIn('50-cloud-init.conf', 'PasswordAuthentication yes\n'),
    ]);
    expect(result.values.passwordauthentication).toEqual(['yes']);
    expect(result.sources.passwordauthentication?.path).toBe('/etc/ssh/sshd_config.d/50-cloud-init.conf');
  });
  it('files are read in byte order of their names, wherever they are listed', () => {
    const result = effectiveSshd([
      main(INCLUDE),
      dropIn('99-z.conf', 'MaxAuthTries 9\n'),
      dropIn('00-a.conf', 'MaxAuthTries 2\n'),
      dropIn('README', 'MaxAuthTries 5\n'),
    ]);
    expect(result.values.maxauthtries).toEqual(['2']);
  });
  it('an Include at the end loses to the main file', () => {
    const result = effectiveSshd([main(`X11Forwarding no\n${INCLUDE}`), dropIn('10.conf', 'X11Forwarding yes\n')]);
    expect(result.values.x11forwarding).toEqual(['no']);
  });
  it('reports the order the files are read in', () => {
    const result = effectiveSshd([main(`X11Forwarding no\n${INCLUDE}`), dropIn('60.conf', ''), dropIn('00.conf', '')]);
    expect(result.order).toEqual(['/etc/ssh/sshd_config', '/etc/ssh/sshd_config.d/00.conf', '/etc/ssh/sshd_config.d/60.conf']);
  });
  it('relative Include paths are under /etc/ssh', () => {
    const result = effectiveSshd([main('Include sshd_config.d/*.conf\n'), dropIn('10.conf', 'LogLevel VERBOSE\n')]);
    expect(result.values.loglevel).toEqual(['VERBOSE']);
  });
  it('list keywords accumulate over every file', () => {
    const result = effectiveSshd([main(`${INCLUDE}AllowUsers carol\n`), dropIn('10.conf', 'AllowUsers ana bob\n')]);
    expect(result.values.allowusers).toEqual(['ana', 'bob', 'carol']);
  });
  it('an Include that matches nothing is reported', () => {
    const result = effectiveSshd([main(INCLUDE)]);
    expect(result.diagnostics.map((d) => d.code)).toContain('include-nothing');
    expect(result.fatal).toBe(false);
  });
});

describe('Match blocks', () => {
  const files = [
    main('PasswordAuthentication no\nMatch Address 192.168.1.0/24\n  PasswordAuthentication yes\n  AllowUsers ana\n'),
  ];
  it('apply to a matching connection and replace the value from outside Match', () => {
    const result = effectiveSshd(files, { user: 'ana', addr: '192.168.1.20' });
    expect(result.values.passwordauthentication).toEqual(['yes']);
    expect(result.fromMatch.passwordauthentication?.line).toBe(3);
    expect(result.diagnostics.map((d) => d.code)).toContain('match-applies');
  });
  it('do nothing for other connections, or without a connection', () => {
    expect(effectiveSshd(files, { user: 'ana', addr: '10.0.0.1' }).values.passwordauthentication).toEqual(['no']);
    expect(effectiveSshd(files).values.passwordauthentication).toEqual(['no']);
  });
  it('refuse keywords that are not allowed inside Match, naming file and line', () => {
    const result = effectiveSshd([main('Match User ana\n  Port 2222\n')]);
    expect(result.fatal).toBe(true);
    expect(result.diagnostics[0]).toMatchObject({ code: 'not-in-match', line: 2, column: 3 });
  });
  it('refuse a network with host bits set', () => {
    const result = effectiveSshd([main('Match Address 192.168.1.5/24\n  PasswordAuthentication yes\n')]);
    expect(result.diagnostics.map((d) => d.code)).toContain('bad-match');
  });
  it('a Match inside an included file ends with that file', () => {
    const result = effectiveSshd([main(`${INCLUDE}X11Forwarding yes\n`), dropIn('10.conf', 'Match User nobody\n')], {
      user: 'ana',
    });
    expect(result.values.x11forwarding).toEqual(['yes']);
  });
});

describe('keywords and values as sshd prints them', () => {
  it('spells values as sshd -T does', () => {
    const result = effectiveSshd([
      main(
        'PermitRootLogin prohibit-password\nLogLevel debug1\nClientAliveInterval 1h30m\nAllowTcpForwarding all\nChallengeResponseAuthentication no\n',
      ),
    ]);
    expect(result.values.permitrootlogin).toEqual(['without-password']);
    expect(result.values.loglevel).toEqual(['DEBUG']);
    expect(result.values.clientaliveinterval).toEqual(['5400']);
    expect(result.values.allowtcpforwarding).toEqual(['yes']);
    expect(result.values.kbdinteractiveauthentication).toEqual(['no']);
  });
  it('lists listen addresses per address and port, IPv6 in brackets', () => {
    const result = effectiveSshd([main('Port 22\nPort 2222\nListenAddress 192.168.1.10\nListenAddress fd00:0:0::10\n')]);
    expect(result.values.listenaddress).toEqual(['192.168.1.10:22', '192.168.1.10:2222', '[fd00::10]:22', '[fd00::10]:2222']);
  });
  it('names a misspelled keyword and a close match', () => {
    const result = effectiveSshd([main('PasswordAuthentcation no\n')]);
    expect(result.diagnostics[0]).toMatchObject({ code: 'unknown-keyword', line: 1, column: 1 });
    expect(result.diagnostics[0]!.message).toContain('passwordauthentication');
  });
  it('knows which keywords came in later versions', () => {
    expect(effectiveSshd([main('PerSourcePenalties no\n')], {}, { version: '9.2' }).fatal).toBe(true);
    expect(effectiveSshd([main('PerSourcePenalties no\n')], {}, { version: '9.8' }).fatal).toBe(false);
  });
  it('a second Subsystem sftp stops 9.2–9.4 but not 9.5 and later', () => {
    const files = [main('Subsystem sftp internal-sftp\nSubsystem sftp /usr/lib/openssh/sftp-server\n')];
    expect(effectiveSshd(files, {}, { version: '9.2' }).fatal).toBe(true);
    expect(effectiveSshd(files, {}, { version: '9.5' }).values.subsystem).toEqual(['sftp internal-sftp']);
  });
  it('"AuthenticationMethods any" after an earlier one stops sshd before 9.7', () => {
    const files = [main('AuthenticationMethods publickey\nMatch User x\n  AuthenticationMethods any\n')];
    expect(effectiveSshd(files, {}, { version: '9.6' }).fatal).toBe(true);
    expect(effectiveSshd(files, {}, { version: '9.7' }).fatal).toBe(false);
  });
  it('refuses AuthenticationMethods nobody can complete', () => {
    const result = effectiveSshd([main('PubkeyAuthentication no\nAuthenticationMethods publickey\n')]);
    expect(result.diagnostics.map((d) => d.code)).toContain('methods-disabled');
  });
});

describe('who wins, on a stock cloud image', () => {
  it('names the cloud-init file that beats a 99- hardening file', () => {
    const stock = stockSet('ubuntu-24.04-cloud')!;
    const own = dropIn('99-hardening.conf', 'PasswordAuthentication no\n');
    const result = effectiveSshd([...stock.files, own], { user: 'ana', addr: '192.168.1.20' }, { ownPaths: [own.path] });
    expect(result.values.passwordauthentication).toEqual(['yes']);
    const shadowed = result.diagnostics.find((d) => d.code === 'value-shadowed' && d.message.includes('99-hardening'));
    expect(shadowed?.severity).toBe('warning');
    // It also names the image's own 60-cloudimg-settings.conf, which loses the same way.
    expect(
      result.diagnostics.some((d) => d.code === 'value-shadowed' && d.message.includes('60-cloudimg-settings.conf line 1')),
    ).toBe(true);
    expect(shadowed?.message).toMatch(
      /PasswordAuthentication yes from 50-cloud-init\.conf line 1 wins over PasswordAuthentication no in 99-hardening\.conf line 1/,
    );
  });
});
