/**
 * Algorithm lists for the optional "modern algorithms" block, per OpenSSH version. They follow the ssh-audit hardening
 * guides (https://www.ssh-audit.com/hardening_guides.html, project https://github.com/jtesta/ssh-audit) without the
 * GSSAPI key-exchange names (a distribution patch, not upstream) and without NIST curves.
 * Algorithm availability: mlkem768x25519-sha256 and the plain sntrup761x25519-sha512 name came with OpenSSH 9.9
 * (https://github.com/openssh/openssh-portable/blob/V_9_9_P1/kex.h); sntrup761x25519-sha512@openssh.com since 8.5
 * (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/kex.h#L65); RequiredRSASize since 9.1. ChaCha20-Poly1305 is
 * listed from 9.6 on, the first release with the strict key exchange that closes the Terrapin attack (CVE-2023-48795).
 */
import { versionNumber, type OpenSshVersion } from './keywords';

export interface AlgorithmLists {
  kexAlgorithms: string;
  ciphers: string;
  macs: string;
  hostKeyAlgorithms: string;
  pubkeyAcceptedAlgorithms: string;
  requiredRsaSize: number;
}

const ED25519_AND_RSA =
  'sk-ssh-ed25519-cert-v01@openssh.com,ssh-ed25519-cert-v01@openssh.com,rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com,sk-ssh-ed25519@openssh.com,ssh-ed25519,rsa-sha2-512,rsa-sha2-256';

export function modernAlgorithms(version: OpenSshVersion): AlgorithmLists {
  const number = versionNumber(version);
  const kex = [
    ...(number >= 99 ? ['mlkem768x25519-sha256', 'sntrup761x25519-sha512'] : []),
    'sntrup761x25519-sha512@openssh.com',
    'curve25519-sha256',
    'curve25519-sha256@libssh.org',
    'diffie-hellman-group16-sha512',
    'diffie-hellman-group18-sha512',
    'diffie-hellman-group-exchange-sha256',
  ];
  const ciphers = [
    ...(number >= 96 ? ['chacha20-poly1305@openssh.com'] : []),
    'aes256-gcm@openssh.com',
    'aes128-gcm@openssh.com',
    'aes256-ctr',
    'aes192-ctr',
    'aes128-ctr',
  ];
  return {
    kexAlgorithms: kex.join(','),
    ciphers: ciphers.join(','),
    macs: 'hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,umac-128-etm@openssh.com',
    hostKeyAlgorithms: ED25519_AND_RSA,
    pubkeyAcceptedAlgorithms: ED25519_AND_RSA,
    requiredRsaSize: 3072,
  };
}

/**
 * The algorithm names upstream OpenSSH accepts in each list, from `ssh -Q cipher|mac|kex|key-sig` of 9.2 and the
 * kex.h/sshkey.c changes up to 9.9 (mlkem768x25519-sha256 and plain sntrup761x25519-sha512 in 9.9; DSA off at build
 * time from 9.8). A name outside the list makes sshd refuse the config ("Bad SSH2 cipher spec" and the like).
 */
const CIPHERS =
  '3des-cbc aes128-cbc aes192-cbc aes256-cbc aes128-ctr aes192-ctr aes256-ctr aes128-gcm@openssh.com aes256-gcm@openssh.com chacha20-poly1305@openssh.com';
const MACS =
  'hmac-sha1 hmac-sha1-96 hmac-sha2-256 hmac-sha2-512 hmac-md5 hmac-md5-96 umac-64@openssh.com umac-128@openssh.com hmac-sha1-etm@openssh.com hmac-sha1-96-etm@openssh.com hmac-sha2-256-etm@openssh.com hmac-sha2-512-etm@openssh.com hmac-md5-etm@openssh.com hmac-md5-96-etm@openssh.com umac-64-etm@openssh.com umac-128-etm@openssh.com';
const KEX =
  'diffie-hellman-group1-sha1 diffie-hellman-group14-sha1 diffie-hellman-group14-sha256 diffie-hellman-group16-sha512 diffie-hellman-group18-sha512 diffie-hellman-group-exchange-sha1 diffie-hellman-group-exchange-sha256 ecdh-sha2-nistp256 ecdh-sha2-nistp384 ecdh-sha2-nistp521 curve25519-sha256 curve25519-sha256@libssh.org sntrup761x25519-sha512@openssh.com';
const KEYS =
  'ssh-ed25519 ssh-ed25519-cert-v01@openssh.com sk-ssh-ed25519@openssh.com sk-ssh-ed25519-cert-v01@openssh.com ecdsa-sha2-nistp256 ecdsa-sha2-nistp256-cert-v01@openssh.com ecdsa-sha2-nistp384 ecdsa-sha2-nistp384-cert-v01@openssh.com ecdsa-sha2-nistp521 ecdsa-sha2-nistp521-cert-v01@openssh.com sk-ecdsa-sha2-nistp256@openssh.com sk-ecdsa-sha2-nistp256-cert-v01@openssh.com webauthn-sk-ecdsa-sha2-nistp256@openssh.com ssh-rsa ssh-rsa-cert-v01@openssh.com rsa-sha2-256 rsa-sha2-256-cert-v01@openssh.com rsa-sha2-512 rsa-sha2-512-cert-v01@openssh.com';

export type AlgorithmKeyword = 'ciphers' | 'macs' | 'kexalgorithms' | 'hostkeyalgorithms' | 'pubkeyacceptedalgorithms';

export function knownAlgorithms(keyword: AlgorithmKeyword, version: OpenSshVersion): ReadonlySet<string> {
  const number = versionNumber(version);
  switch (keyword) {
    case 'ciphers':
      return new Set(CIPHERS.split(' '));
    case 'macs':
      return new Set(MACS.split(' '));
    case 'kexalgorithms':
      return new Set([...KEX.split(' '), ...(number >= 99 ? ['sntrup761x25519-sha512', 'mlkem768x25519-sha256'] : [])]);
    default:
      return new Set([...KEYS.split(' '), ...(number < 98 ? ['ssh-dss', 'ssh-dss-cert-v01@openssh.com'] : [])]);
  }
}

/** The keywords the builder shows with who-wins explanations: the ones that decide how people log in. */
export const IMPORTANT_KEYWORDS = [
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
  'clientalivecountmax',
  'usepam',
] as const;
