/**
 * The SSH hardening builder's spec: state, defaults, the profile's part, choices with labels, which fields apply, and
 * the generator. The island (src/components/ssh/SshBuilder.tsx) lays these out and nothing more.
 */
import { defineBuilder, type Choice } from '../builders/spec';
import { generateSshd, SSH_TARGET } from './generate';
import { defaultSshdOptions, type SshdOptions } from './options';
import { toSshOptions } from './profile';
import { STOCK_SETS } from './stock';

export type SshTextField =
  | 'users'
  | 'groups'
  | 'serverAddress'
  | 'port'
  | 'listenLan'
  | 'listenTailnet'
  | 'passwordFrom'
  | 'maxAuthTries'
  | 'clientAliveInterval'
  | 'clientAliveCountMax'
  | 'testUser'
  | 'testAddr';

export const SSH_TEXT_FIELDS: Record<SshTextField, { label: string; hint: string }> = {
  users: { label: 'Accounts that may log in', hint: 'Login names separated by spaces, e.g. ana bob (AllowUsers)' },
  groups: { label: 'Groups that may log in', hint: 'Group names separated by spaces, e.g. sshusers (AllowGroups)' },
  serverAddress: {
    label: 'Server address',
    hint: 'How you reach the server, e.g. 192.168.1.10; used in the client entry and the test logins',
  },
  port: { label: 'Port', hint: '22 unless you have a reason; another port only cuts log noise' },
  listenLan: { label: 'Listen on this LAN address (optional)', hint: 'e.g. 192.168.1.10; empty listens on every address' },
  listenTailnet: { label: 'Listen on this tailnet address (optional)', hint: 'The server’s 100.x.y.z address' },
  passwordFrom: {
    label: 'Networks where passwords stay allowed (optional)',
    hint: 'e.g. 192.168.1.0/24; writes a Match Address exception. Leave empty for keys everywhere',
  },
  maxAuthTries: { label: 'MaxAuthTries', hint: 'Tries per connection; each key your agent offers counts as one' },
  clientAliveInterval: { label: 'ClientAliveInterval', hint: 'Seconds (or 5m) between checks that the client is still there' },
  clientAliveCountMax: { label: 'ClientAliveCountMax', hint: 'Unanswered checks before sshd hangs up' },
  testUser: { label: 'Connecting user', hint: 'The login the effective values below are worked out for' },
  testAddr: { label: 'Connecting from', hint: 'The client’s address, e.g. 192.168.1.20 (LAN) or 100.101.102.103 (tailnet)' },
};

const CHOICES: Readonly<Record<string, readonly Choice[]>> = {
  distro: STOCK_SETS.map((stock) => ({ value: stock.id, label: `${stock.label} — OpenSSH ${stock.openssh}` })),
  accessBy: [
    { value: 'users', label: 'Listed accounts only (AllowUsers)' },
    { value: 'groups', label: 'Members of listed groups (AllowGroups)' },
    { value: 'everyone', label: 'Every account with a key' },
  ],
  rootLogin: [
    { value: 'no', label: 'No (log in as yourself, then sudo)' },
    { value: 'prohibit-password', label: 'With a key only (prohibit-password)' },
  ],
  tcpForwarding: [
    { value: 'no', label: 'No' },
    { value: 'local', label: 'Local forwards only (ssh -L)' },
    { value: 'yes', label: 'Yes, both directions' },
  ],
};

/** The options the generator sees: the state as typed, with fields of the wrong type or value (a hand-made link) defaulted. */
export function completeSshdOptions(state: SshdOptions): SshdOptions {
  const options = { ...defaultSshdOptions };
  for (const key of Object.keys(options) as (keyof SshdOptions)[]) {
    const value = state[key];
    if (typeof value === typeof defaultSshdOptions[key]) (options as Record<string, unknown>)[key] = value;
  }
  for (const [key, list] of Object.entries(CHOICES)) {
    const value = (options as unknown as Record<string, string>)[key];
    if (!list.some((choice) => choice.value === value))
      (options as unknown as Record<string, string>)[key] = (defaultSshdOptions as unknown as Record<string, string>)[key]!;
  }
  return options;
}

const ALWAYS = [
  'distro',
  'serverAddress',
  'port',
  'listenLan',
  'listenTailnet',
  'accessBy',
  'rootLogin',
  'pubkey',
  'passwordFrom',
  'maxAuthTries',
  'logVerbose',
  'x11Forwarding',
  'agentForwarding',
  'tcpForwarding',
  'clientAliveInterval',
  'clientAliveCountMax',
  'modernCrypto',
  'testUser',
  'testAddr',
];

export const sshBuilder = defineBuilder<SshdOptions, SshdOptions>({
  id: 'ssh',
  title: 'SSH hardening builder',
  schema: { version: 1, secretKeys: [] },
  target: SSH_TARGET,
  defaults: defaultSshdOptions,
  fromProfile: (profile, current) => ({ ...current, ...toSshOptions(profile) }),
  toInput: completeSshdOptions,
  generate: generateSshd,
  choices: CHOICES,
  fields: (state) =>
    new Set([...ALWAYS, ...(state.accessBy === 'users' ? ['users'] : []), ...(state.accessBy === 'groups' ? ['groups'] : [])]),
});
