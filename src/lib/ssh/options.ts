/** The SSH builder's input: flat strings and booleans, as a share link carries them. */
import type { StockSetId } from './stock';

export type AccessBy = 'users' | 'groups' | 'everyone';
export type RootLogin = 'no' | 'prohibit-password';
export type TcpForwarding = 'no' | 'local' | 'yes';

export interface SshdOptions {
  /** The distribution or image whose stock files the drop-in joins. */
  distro: StockSetId;
  accessBy: AccessBy;
  /** Login names, separated by spaces or commas (AllowUsers). */
  users: string;
  /** Group names (AllowGroups). */
  groups: string;
  rootLogin: RootLogin;
  /** Public keys (on by default; turning it off with no password exception leaves no way in). */
  pubkey: boolean;
  maxAuthTries: string;
  /** LogLevel VERBOSE: the log names the key fingerprint of each login. */
  logVerbose: boolean;
  x11Forwarding: boolean;
  agentForwarding: boolean;
  tcpForwarding: TcpForwarding;
  clientAliveInterval: string;
  clientAliveCountMax: string;
  port: string;
  /** The server's LAN address to listen on ('' listens everywhere). */
  listenLan: string;
  /** The server's tailnet address to listen on. */
  listenTailnet: string;
  /** Networks (CIDR) from which passwords stay allowed through a Match Address block; '' for none. */
  passwordFrom: string;
  /** Modern key-exchange, cipher, MAC and key algorithm lists for the distribution's OpenSSH. */
  modernCrypto: boolean;
  /** The server's address as you reach it (for the client entry and the test logins). */
  serverAddress: string;
  /** The connection the effective values are shown for. */
  testUser: string;
  testAddr: string;
}

export const defaultSshdOptions: SshdOptions = {
  distro: 'debian-12',
  accessBy: 'users',
  users: 'ana',
  groups: '',
  rootLogin: 'no',
  pubkey: true,
  maxAuthTries: '3',
  logVerbose: true,
  x11Forwarding: false,
  agentForwarding: false,
  tcpForwarding: 'no',
  clientAliveInterval: '300',
  clientAliveCountMax: '2',
  port: '22',
  listenLan: '',
  listenTailnet: '',
  passwordFrom: '',
  modernCrypto: false,
  serverAddress: '192.168.1.10',
  testUser: 'ana',
  testAddr: '192.168.1.20',
};

/** Where the drop-in goes; `00-` sorts before the packages' and cloud-init's files, so its values are read first. */
export const DROP_IN_PATH = '/etc/ssh/sshd_config.d/00-homelab.conf';

/** Names in a list typed with spaces, commas or new lines. */
export function splitNames(text: string): string[] {
  return text.split(/[\s,]+/).filter((name) => name !== '');
}
