/**
 * The simulator against the real sshd (Debian's OpenSSH 9.2p1): every stock file set with the generated drop-in and
 * extra drop-ins (a cloud-init file, Match blocks), for several connections, must print the same values as
 * `sshd -T -C …`, and every generated drop-in must pass `sshd -t`.
 */
import { afterAll, describe, expect, test } from 'vitest';
import {
  STOCK_SETS,
  defaultSshdOptions,
  effectiveSshd,
  generateSshd,
  dropInText,
  renderDropIn,
  withDropIn,
  type ConfigFile,
  type Connection,
  type SshdOptions,
} from '../../src/lib/ssh';
import { COMPARED, pick, withTrees } from './sshd';

const CONNECTIONS: Connection[] = [
  { user: 'ana', host: 'laptop.lan', addr: '192.168.1.20' },
  { user: 'bob', host: 'phone', addr: '100.101.102.103' },
  { user: 'root', host: 'scanner.example.net', addr: '203.0.113.7' },
];

/** Option combinations for the generated drop-in (the real sshd here is 9.2, so no 9.9-only algorithm names). */
const VARIANTS: Partial<SshdOptions>[] = [
  {},
  { accessBy: 'groups', groups: 'sshusers admins', rootLogin: 'prohibit-password', x11Forwarding: true, tcpForwarding: 'local' },
  { port: '2222', listenLan: '192.168.1.10', listenTailnet: '100.64.1.2', passwordFrom: '192.168.1.0/24', logVerbose: false },
  {
    accessBy: 'everyone',
    agentForwarding: true,
    tcpForwarding: 'yes',
    clientAliveInterval: '5m',
    maxAuthTries: '6',
    modernCrypto: true,
  },
  { pubkey: false, passwordFrom: '192.168.1.0/24,fd00::/64', users: 'ana bob', listenLan: 'fd00::10' },
];

/** Drop-ins a real machine may have next to ours. */
const EXTRAS: ConfigFile[][] = [
  [],
  [{ path: '/etc/ssh/sshd_config.d/50-cloud-init.conf', content: 'PasswordAuthentication yes\n' }],
  [
    {
      path: '/etc/ssh/sshd_config.d/99-local.conf',
      content:
        'PermitRootLogin yes\nMaxAuthTries 10\nMatch User bob\n  X11Forwarding yes\n  MaxAuthTries 2\nMatch Address 100.64.0.0/10\n  AllowTcpForwarding yes\n  PasswordAuthentication yes\n',
    },
  ],
];

const stats = { sets: 0, comparisons: 0, agreements: 0, dropInsChecked: 0 };

afterAll(() => {
  // The figures the report quotes: how many file sets and connections were compared, and how many agreed.
  console.info(
    `sshd -T comparisons: ${stats.comparisons} (${stats.sets} file sets), agreeing: ${stats.agreements}; generated drop-ins passing sshd -t: ${stats.dropInsChecked}`,
  );
});

describe('generated drop-in inside each stock set', () => {
  test(
    'passes sshd -t, and effectiveSshd equals sshd -T for every extra drop-in and connection',
    { timeout: 900_000 },
    async () => {
      const jobs = STOCK_SETS.flatMap((stock) =>
        VARIANTS.flatMap((variant, variantIndex) =>
          EXTRAS.map((extra, extraIndex) => ({ stock, variant, variantIndex, extra, extraIndex })),
        ),
      );
      await withTrees(jobs, 4, async (tree, { stock, variant, variantIndex, extra, extraIndex }) => {
        const options = { ...defaultSshdOptions, distro: stock.id, ...variant };
        const generated = generateSshd(options);
        expect(
          generated.diagnostics.filter((d) => d.severity === 'error'),
          `${stock.id} variant ${variantIndex}`,
        ).toEqual([]);
        const dropIn = renderDropIn(options, stock);
        // The files tested are the files the builder hands out.
        expect(generated.files[0]!.content).toBe(stock.readsDropIns ? dropInText(dropIn) : dropIn.main);
        const { files } = withDropIn(stock, dropIn);
        // Extra drop-ins only exist where sshd reads sshd_config.d.
        const all = stock.readsDropIns ? [...files, ...extra] : files;
        if (!stock.readsDropIns && extraIndex > 0) return;
        const real = await tree.run(all, CONNECTIONS);
        stats.sets++;
        // The real sshd here is 9.2: the 9.9 algorithm list (ML-KEM) must be refused by it and by the simulator's 9.2 rules.
        const refused = variant.modernCrypto === true && stock.rules === '9.9';
        if (extraIndex === 0 && !refused) stats.dropInsChecked += real[0]!.ok ? 1 : 0;
        for (const [index, connection] of CONNECTIONS.entries()) {
          const label = `${stock.id} variant ${variantIndex} extra ${extraIndex} ${connection.user}@${connection.addr}`;
          const simulated = effectiveSshd(all, connection, { version: '9.2' });
          stats.comparisons++;
          expect(real[index]!.ok, `${label}: ${real[index]!.stderr}`).toBe(!refused);
          expect(simulated.fatal, label).toBe(refused);
          if (!refused) expect(pick(real[index]!.values, simulated.values), label).toEqual(pick(simulated.values));
          stats.agreements++;
        }
      });
      expect(stats.sets).toBeGreaterThan(100);
    },
  );

  test('the stock sets alone print what the simulator says', { timeout: 300_000 }, async () => {
    await withTrees(STOCK_SETS, 4, async (tree, stock) => {
      const real = await tree.run(stock.files, CONNECTIONS);
      for (const [index, connection] of CONNECTIONS.entries()) {
        expect(real[index]!.ok, `${stock.id}: ${real[index]!.stderr}`).toBe(true);
        stats.comparisons++;
        const simulated = effectiveSshd(stock.files, connection, { version: '9.2' }).values;
        expect(pick(simulated), stock.id).toEqual(pick(real[index]!.values, simulated));
        stats.agreements++;
      }
    });
  });

  test('on the Ubuntu cloud images the generated drop-in really turns password login off', { timeout: 120_000 }, async () => {
    const clouds = STOCK_SETS.filter((stock) => stock.id.endsWith('-cloud'));
    expect(clouds.map((stock) => stock.id)).toEqual(['ubuntu-22.04-cloud', 'ubuntu-24.04-cloud']);
    await withTrees(clouds, 2, async (tree, stock) => {
      const options = { ...defaultSshdOptions, distro: stock.id };
      expect(generateSshd(options).files[0]!.name).toBe('00-homelab.conf');
      const { files } = withDropIn(stock, renderDropIn(options, stock));
      const [real] = await tree.run(files, [CONNECTIONS[0]!]);
      expect(real!.values.passwordauthentication).toEqual(['no']);
      expect(real!.values.kbdinteractiveauthentication).toEqual(['no']);
      // And without the drop-in, cloud-init's file wins: passwords are on.
      const [before] = await tree.run(stock.files, [CONNECTIONS[0]!]);
      expect(before!.values.passwordauthentication).toEqual(['yes']);
    });
  });

  test('the compared keywords cover the issue list', () => {
    for (const keyword of [
      'passwordauthentication',
      'kbdinteractiveauthentication',
      'pubkeyauthentication',
      'authenticationmethods',
      'permitrootlogin',
      'permitemptypasswords',
      'allowusers',
      'allowgroups',
      'maxauthtries',
      'port',
      'listenaddress',
      'loglevel',
      'x11forwarding',
      'allowagentforwarding',
      'allowtcpforwarding',
      'clientaliveinterval',
      'usepam',
    ]) {
      expect(COMPARED).toContain(keyword);
    }
  });
});
