/**
 * Random drop-in sets against the real sshd: for each generated set of files (a main file with an Include, drop-ins
 * with random names and directives, Match blocks, now and then a line sshd refuses), the simulator and `sshd -t`
 * agree on whether sshd starts, and when it does, effectiveSshd equals `sshd -T -C …` for two connections.
 * Fixed seed, moderate run count: every case starts several sshd processes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { effectiveSshd, type ConfigFile, type Connection } from '../../src/lib/ssh';
import { SshdTree, pick } from './sshd';

const GLOBAL_LINES = [
  'Port 2222',
  'Port 22',
  'ListenAddress 192.168.1.10',
  'ListenAddress [fd00::1]:2022',
  'ListenAddress ::1',
  'AddressFamily inet',
  'AddressFamily any',
  'UsePAM yes',
  'UsePAM no',
  'PrintMotd no',
  'SyslogFacility AUTHPRIV',
  'LoginGraceTime 1m',
  'Subsystem sftp internal-sftp',
  'Ciphers aes256-gcm@openssh.com,aes128-ctr',
  'KexAlgorithms curve25519-sha256',
];

const MATCHABLE_LINES = [
  'PasswordAuthentication yes',
  'PasswordAuthentication no',
  'KbdInteractiveAuthentication no',
  'ChallengeResponseAuthentication yes',
  'PubkeyAuthentication no',
  'PermitRootLogin no',
  'PermitRootLogin prohibit-password',
  'PermitRootLogin forced-commands-only',
  'PermitEmptyPasswords yes',
  'AllowUsers ana bob',
  'AllowUsers *@192.168.1.0/24',
  'DenyUsers carol',
  'AllowGroups wheel sshusers',
  'MaxAuthTries 2',
  'MaxAuthTries 10',
  'LogLevel VERBOSE',
  'LogLevel debug',
  'X11Forwarding yes',
  'AllowAgentForwarding no',
  'AllowTcpForwarding local',
  'AllowTcpForwarding all',
  'ClientAliveInterval 1h30m',
  'ClientAliveCountMax 0',
  'AuthenticationMethods publickey',
  'AuthenticationMethods publickey,password publickey',
  'AuthenticationMethods any',
  'Banner /etc/issue.net',
  'AcceptEnv LANG LC_*',
  'PermitTunnel point-to-point',
  'AuthorizedKeysFile .ssh/authorized_keys',
];

/** Lines sshd refuses, so the property also covers agreeing on failure. */
const BAD_LINES = [
  'PasswordAuthentcation no',
  'MaxAuthTries many',
  'Port 70000',
  'PermitRootLogin maybe',
  'Match Address 192.168.1.5/24',
];

const MATCH_HEADERS = [
  'Match User ana',
  'Match Address 192.168.1.0/24',
  'Match Address !10.0.0.0/8,*',
  'Match Host *.lan',
  'Match User bob Address 100.64.0.0/10',
  'Match all',
  'Match Group wheel',
];

const NAMES = [
  '00-homelab.conf',
  '10-local.conf',
  '50-cloud-init.conf',
  '60-cloudimg-settings.conf',
  '99-hardening.conf',
  'README',
];

const CONNECTIONS: Connection[] = [
  { user: 'ana', host: 'laptop.lan', addr: '192.168.1.20' },
  { user: 'bob', host: 'phone', addr: '100.64.3.4' },
  { user: 'carol', host: 'vps.example.net', addr: '10.1.2.3' },
];

const block = fc.record({
  lines: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...MATCHABLE_LINES) },
      { weight: 2, arbitrary: fc.constantFrom(...GLOBAL_LINES) },
    ),
    { maxLength: 5 },
  ),
  match: fc.option(
    fc.record({
      header: fc.constantFrom(...MATCH_HEADERS),
      lines: fc.array(fc.constantFrom(...MATCHABLE_LINES), { minLength: 1, maxLength: 3 }),
    }),
    { freq: 3 },
  ),
  // One block in about twelve gets a line sshd refuses.
  bad: fc.oneof({ weight: 11, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_LINES) }),
});

interface Block {
  lines: string[];
  match: { header: string; lines: string[] } | null;
  bad: string | null;
}

const render = (part: Block): string =>
  [
    ...part.lines,
    ...(part.bad ? [part.bad] : []),
    ...(part.match ? [part.match.header, ...part.match.lines.map((line) => `  ${line}`)] : []),
    '',
  ].join('\n');

const fileSet = fc.record({
  main: block,
  includeFirst: fc.boolean(),
  dropIns: fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), body: block }), {
    maxLength: 3,
    selector: (entry) => entry.name,
  }),
  connections: fc.shuffledSubarray(CONNECTIONS, { minLength: 2, maxLength: 2 }),
});

let tree: SshdTree;
const stats = { cases: 0, refusedBoth: 0, compared: 0 };
beforeAll(() => {
  tree = new SshdTree();
});
afterAll(() => {
  tree.dispose();
  console.info(
    `property: ${stats.cases} random file sets; refused by both: ${stats.refusedBoth}; sshd -T comparisons agreeing: ${stats.compared}`,
  );
});

test('effectiveSshd agrees with the real sshd on random drop-in sets', { timeout: 600_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fileSet, async (set) => {
      const include = 'Include /etc/ssh/sshd_config.d/*.conf';
      const mainBody = render(set.main);
      const files: ConfigFile[] = [
        {
          path: '/etc/ssh/sshd_config',
          content: set.includeFirst ? `${include}\n${mainBody}` : `${mainBody.replace(/\n?Match[\s\S]*$/, '')}\n${include}\n`,
        },
        ...set.dropIns.map((entry) => ({ path: `/etc/ssh/sshd_config.d/${entry.name}`, content: render(entry.body) })),
      ];
      const real = await tree.run(files, set.connections);
      stats.cases++;
      for (const [index, connection] of set.connections.entries()) {
        const simulated = effectiveSshd(files, connection, { version: '9.2' });
        const context = `${JSON.stringify(files, null, 1)}\n${JSON.stringify(connection)}\n${real[index]!.stderr}\n${JSON.stringify(simulated.diagnostics.filter((d) => d.severity === 'error'))}`;
        expect(simulated.fatal, context).toBe(!real[index]!.ok);
        if (real[index]!.ok) {
          expect(pick(simulated.values), context).toEqual(pick(real[index]!.values, simulated.values));
          stats.compared++;
        } else if (index === 0) stats.refusedBoth++;
      }
    }),
    { numRuns: 60, seed: 20261202, endOnFailure: true },
  );
});
