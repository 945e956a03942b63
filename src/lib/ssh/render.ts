/** The builder's files: the drop-in, the lockout-safe procedure and the client side. */
import type { EffectiveResult } from './effective';
import { modernAlgorithms } from './facts';
import { splitNames, type SshdOptions } from './options';
import type { StockSet } from './stock';

export interface DropIn {
  /** The settings outside Match. */
  main: string;
  /** The Match block(s), '' when there are none: everything after a Match line belongs to it, so it comes last. */
  match: string;
}

/** The drop-in's lines (without the provenance header), split where its Match block starts. */
export function renderDropIn(options: SshdOptions, stock: StockSet): DropIn {
  const lines: string[] = [
    '# Homelab SSH hardening. The 00- name makes sshd read this file before the other drop-ins and the rest of',
    '# sshd_config; for most keywords sshd keeps the first value it reads.',
    '',
    '# Keys only',
    `PubkeyAuthentication ${options.pubkey ? 'yes' : 'no'}`,
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitEmptyPasswords no',
    ...(options.pubkey ? ['AuthenticationMethods publickey'] : []),
    `PermitRootLogin ${options.rootLogin}`,
  ];
  if (options.accessBy === 'users')
    lines.push('', '# Only these accounts may log in', `AllowUsers ${splitNames(options.users).join(' ')}`);
  if (options.accessBy === 'groups')
    lines.push('', '# Only members of these groups may log in', `AllowGroups ${splitNames(options.groups).join(' ')}`);
  lines.push(
    '',
    '# Fewer guesses per connection; VERBOSE logs the key fingerprint of every login',
    `MaxAuthTries ${options.maxAuthTries.trim()}`,
    `LogLevel ${options.logVerbose ? 'VERBOSE' : 'INFO'}`,
    '',
    '# Forwarding',
    `X11Forwarding ${options.x11Forwarding ? 'yes' : 'no'}`,
    `AllowAgentForwarding ${options.agentForwarding ? 'yes' : 'no'}`,
    `AllowTcpForwarding ${options.tcpForwarding}`,
    '',
    '# Drop dead connections after interval × count seconds without an answer',
    `ClientAliveInterval ${options.clientAliveInterval.trim()}`,
    `ClientAliveCountMax ${options.clientAliveCountMax.trim()}`,
  );
  const port = options.port.trim();
  const listen = [options.listenLan.trim(), options.listenTailnet.trim()].filter((address) => address !== '');
  if (port !== '22' || listen.length) {
    lines.push('', '# Where sshd listens (Port lines add up across files: keep them in this file only)');
    if (port !== '22') lines.push(`Port ${port}`);
    for (const address of listen) lines.push(`ListenAddress ${address.includes(':') ? `[${address}]` : address}`);
  }
  if (options.modernCrypto) {
    const lists = modernAlgorithms(stock.rules);
    lines.push(
      '',
      `# Modern algorithms for OpenSSH ${stock.openssh} (after the ssh-audit hardening guides)`,
      `KexAlgorithms ${lists.kexAlgorithms}`,
      `Ciphers ${lists.ciphers}`,
      `MACs ${lists.macs}`,
      `HostKeyAlgorithms ${lists.hostKeyAlgorithms}`,
      `PubkeyAcceptedAlgorithms ${lists.pubkeyAcceptedAlgorithms}`,
      `RequiredRSASize ${lists.requiredRsaSize}`,
    );
  }
  const networks = splitNames(options.passwordFrom);
  const match = networks.length
    ? [
        '# Exception: passwords still work from these networks. Everything below Match belongs to it.',
        `Match Address ${networks.join(',')}`,
        '\tPasswordAuthentication yes',
        // Not "any": before OpenSSH 9.7 "any" after an earlier AuthenticationMethods line stops sshd.
        `\tAuthenticationMethods ${options.pubkey ? 'publickey password' : 'password'}`,
        '',
      ].join('\n')
    : '';
  return { main: `${lines.join('\n')}\n`, match };
}

/** The drop-in as one file (Match block last). */
export const dropInText = (dropIn: DropIn): string => (dropIn.match ? `${dropIn.main}\n${dropIn.match}` : dropIn.main);

const CHECKED = [
  'passwordauthentication',
  'kbdinteractiveauthentication',
  'pubkeyauthentication',
  'authenticationmethods',
  'permitrootlogin',
  'allowusers',
  'allowgroups',
  'maxauthtries',
  'loglevel',
  'port',
  'listenaddress',
];

export function renderProcedure(
  options: SshdOptions,
  stock: StockSet,
  effective: EffectiveResult,
  names: { main: string; end?: string },
): string {
  const dropInName = names.main;
  const user = splitNames(options.users)[0] ?? (options.testUser.trim() || 'you');
  const server = options.serverAddress.trim() || '192.168.1.10';
  const portFlag = options.port.trim() !== '22' ? ` -p ${options.port.trim()}` : '';
  const expected = CHECKED.flatMap((keyword) => (effective.values[keyword] ?? []).map((value) => `#   ${keyword} ${value}`));
  const install = stock.readsDropIns
    ? [`sudo install -m 644 ${dropInName} /etc/ssh/sshd_config.d/${dropInName}`]
    : [
        `# ${stock.label} reads no sshd_config.d: put the lines of ${dropInName} at the top of /etc/ssh/sshd_config,`,
        `# above every other setting (first value wins)${names.end ? `, and ${names.end} at the very end (a Match block runs to the end of the file)` : ''}, after a backup:`,
        'sudo cp -a /etc/ssh/sshd_config /etc/ssh/sshd_config.bak',
        `{ cat ${dropInName}; cat /etc/ssh/sshd_config.bak;${names.end ? ` cat ${names.end};` : ''} } | sudo tee /etc/ssh/sshd_config >/dev/null`,
      ];
  const socket =
    stock.socketActivated && (options.port.trim() !== '22' || options.listenLan.trim() || options.listenTailnet.trim());
  return [
    '# Lockout-safe procedure. Read it step by step; it is not meant to run as one script.',
    '# Keep the SSH session you are in open until step 7 has passed.',
    '',
    '# 1. On your computer: make a key (skip if you have one), then copy the public half to the server.',
    `ssh-keygen -t ed25519 -C "${user}@laptop"`,
    `ssh-copy-id -i ~/.ssh/id_ed25519.pub${portFlag} ${user}@${server}`,
    '',
    '# 2. Prove the key works before passwords go away (this must not ask for the account password):',
    `ssh -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no${portFlag} ${user}@${server} true && echo "key login works"`,
    '',
    '# 3. On the server: put the settings in place.',
    ...install,
    '',
    '# 4. Let sshd check the files (no output means they are valid):',
    'sudo sshd -t',
    '',
    '# 5. Check the values that win for a login like yours:',
    `sudo sshd -T -C user=${options.testUser.trim() || user},host=laptop,addr=${options.testAddr.trim() || '192.168.1.20'} | grep -Ei '^(${CHECKED.join('|')}) '`,
    '#   Expected:',
    ...expected,
    '',
    '# 6. Apply: a reload keeps open sessions.',
    ...(socket
      ? [
          '# ssh.socket owns the port on this release: regenerate it and restart the socket.',
          'sudo systemctl daemon-reload',
          'sudo systemctl restart ssh.socket',
        ]
      : []),
    `sudo systemctl reload ${stock.unit}`,
    '',
    '# 7. From a SECOND terminal, with the first one still open:',
    `ssh${portFlag} ${user}@${server}   # must log you in with the key`,
    `ssh -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive${portFlag} ${user}@${server}   # must fail: Permission denied`,
    '# Only when both behave, close the first session. If the key login fails, undo step 3 in the first session.',
    '',
  ].join('\n');
}

export function renderClient(options: SshdOptions): string {
  const user = splitNames(options.users)[0] ?? (options.testUser.trim() || 'you');
  const server = options.serverAddress.trim() || '192.168.1.10';
  return [
    '# ~/.ssh/config on your computer: then "ssh homelab" is enough.',
    '# Make the key first: ssh-keygen -t ed25519',
    '# With a FIDO2 hardware key instead: ssh-keygen -t ed25519-sk -O resident',
    '#   (and IdentityFile ~/.ssh/id_ed25519_sk below)',
    'Host homelab',
    `    HostName ${server}`,
    `    User ${user}`,
    ...(options.port.trim() !== '22' ? [`    Port ${options.port.trim()}`] : []),
    '    IdentityFile ~/.ssh/id_ed25519',
    '    IdentitiesOnly yes',
    '',
  ].join('\n');
}
