/**
 * How sshd reads and prints the values of the keywords this simulator models, written from OpenSSH 9.2's
 * process_server_config_line_depth() (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/servconf.c#L1328-L2590),
 * its defaults in fill_default_server_options() (#L278-L470) and dump_config() (#L2972-L3163). Single values keep the
 * first value read (`if (*activep && *intptr == -1)`); user/group/env lists accumulate over every active line.
 */

export type Kind =
  | { type: 'choice'; values: Readonly<Record<string, string>> }
  | { type: 'int' }
  | { type: 'time' }
  | { type: 'string' }
  | { type: 'algorithms' }
  | { type: 'list'; check: 'user' | 'group' | 'env' }
  | { type: 'authkeys' };

const FLAG = { yes: 'yes', no: 'no' };
const FORWARD = { yes: 'yes', all: 'yes', no: 'no', local: 'local', remote: 'remote' };

/** The modeled keywords: how each is read, and what `sshd -T` prints when no file sets it (Debian's 9.2 build). */
export const MODELED: Readonly<Record<string, { kind: Kind; fallback: string[] }>> = {
  usepam: { kind: { type: 'choice', values: FLAG }, fallback: ['no'] },
  addressfamily: { kind: { type: 'choice', values: { inet: 'inet', inet6: 'inet6', any: 'any' } }, fallback: ['any'] },
  logingracetime: { kind: { type: 'time' }, fallback: ['120'] },
  maxauthtries: { kind: { type: 'int' }, fallback: ['6'] },
  maxsessions: { kind: { type: 'int' }, fallback: ['10'] },
  clientaliveinterval: { kind: { type: 'time' }, fallback: ['0'] },
  clientalivecountmax: { kind: { type: 'int' }, fallback: ['3'] },
  permitrootlogin: {
    kind: {
      type: 'choice',
      // "without-password" comes first in multistate_permitrootlogin, so sshd -T prints it for prohibit-password.
      values: {
        'without-password': 'without-password',
        'prohibit-password': 'without-password',
        'forced-commands-only': 'forced-commands-only',
        yes: 'yes',
        no: 'no',
      },
    },
    fallback: ['without-password'],
  },
  hostbasedauthentication: { kind: { type: 'choice', values: FLAG }, fallback: ['no'] },
  pubkeyauthentication: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  gssapiauthentication: { kind: { type: 'choice', values: FLAG }, fallback: ['no'] },
  passwordauthentication: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  kbdinteractiveauthentication: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  printmotd: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  x11forwarding: { kind: { type: 'choice', values: FLAG }, fallback: ['no'] },
  x11uselocalhost: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  permittty: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  strictmodes: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  permitemptypasswords: { kind: { type: 'choice', values: FLAG }, fallback: ['no'] },
  gatewayports: {
    kind: { type: 'choice', values: { clientspecified: 'clientspecified', yes: 'yes', no: 'no' } },
    fallback: ['no'],
  },
  usedns: { kind: { type: 'choice', values: FLAG }, fallback: ['no'] },
  allowtcpforwarding: { kind: { type: 'choice', values: FORWARD }, fallback: ['yes'] },
  allowagentforwarding: { kind: { type: 'choice', values: FLAG }, fallback: ['yes'] },
  disableforwarding: { kind: { type: 'choice', values: FLAG }, fallback: ['no'] },
  allowstreamlocalforwarding: { kind: { type: 'choice', values: FORWARD }, fallback: ['yes'] },
  ciphers: { kind: { type: 'algorithms' }, fallback: [] },
  macs: { kind: { type: 'algorithms' }, fallback: [] },
  kexalgorithms: { kind: { type: 'algorithms' }, fallback: [] },
  hostkeyalgorithms: { kind: { type: 'algorithms' }, fallback: [] },
  pubkeyacceptedalgorithms: { kind: { type: 'algorithms' }, fallback: [] },
  loglevel: {
    kind: {
      type: 'choice',
      // log_level_name() returns the first table name for a level, so DEBUG1 prints as DEBUG (log.c, V_9_2_P1).
      values: {
        quiet: 'QUIET',
        fatal: 'FATAL',
        error: 'ERROR',
        info: 'INFO',
        verbose: 'VERBOSE',
        debug: 'DEBUG',
        debug1: 'DEBUG',
        debug2: 'DEBUG2',
        debug3: 'DEBUG3',
      },
    },
    fallback: ['INFO'],
  },
  syslogfacility: {
    kind: {
      type: 'choice',
      values: Object.fromEntries(
        ['daemon', 'user', 'auth', 'authpriv', ...Array.from({ length: 8 }, (_, index) => `local${index}`)].map((name) => [
          name,
          name.toUpperCase(),
        ]),
      ),
    },
    fallback: ['AUTH'],
  },
  authorizedkeysfile: { kind: { type: 'authkeys' }, fallback: ['.ssh/authorized_keys .ssh/authorized_keys2'] },
  allowusers: { kind: { type: 'list', check: 'user' }, fallback: [] },
  denyusers: { kind: { type: 'list', check: 'user' }, fallback: [] },
  allowgroups: { kind: { type: 'list', check: 'group' }, fallback: [] },
  denygroups: { kind: { type: 'list', check: 'group' }, fallback: [] },
  acceptenv: { kind: { type: 'list', check: 'env' }, fallback: [] },
  banner: { kind: { type: 'string' }, fallback: ['none'] },
  permittunnel: {
    kind: { type: 'choice', values: { yes: 'yes', 'point-to-point': 'point-to-point', ethernet: 'ethernet', no: 'no' } },
    fallback: ['no'],
  },
};

/** Keywords whose value a matching Match block replaces (copy_set_server_options, servconf.c#L2685-L2790). */
export const MATCH_COPIED = new Set([
  'passwordauthentication',
  'gssapiauthentication',
  'pubkeyauthentication',
  'hostbasedauthentication',
  'kbdinteractiveauthentication',
  'permitrootlogin',
  'permitemptypasswords',
  'allowtcpforwarding',
  'allowstreamlocalforwarding',
  'allowagentforwarding',
  'disableforwarding',
  'permittunnel',
  'gatewayports',
  'x11forwarding',
  'x11uselocalhost',
  'permittty',
  'maxsessions',
  'maxauthtries',
  'clientalivecountmax',
  'clientaliveinterval',
  'loglevel',
  'banner',
  'pubkeyacceptedalgorithms',
  'authorizedkeysfile',
  'allowusers',
  'denyusers',
  'allowgroups',
  'denygroups',
  'acceptenv',
  'authenticationmethods',
]);

/** sshd's convtime(): digits with optional s/m/h/d/w suffixes, concatenated (`1h30m`); undefined when invalid. */
export function parseTime(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) <= 2147483647 ? Number(text) : undefined;
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  const pattern = /(\d+)([smhdwSMHDW]?)/gy;
  let consumed = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    total += Number(found[1]) * units[(found[2] || 's').toLowerCase()]!;
    consumed = pattern.lastIndex;
    if (found[2] === '') break;
  }
  if (consumed !== text.length || text === '' || total > 2147483647) return undefined;
  return total;
}

/** sshd's atoi_err(): a decimal from 0 to INT_MAX. */
export function parseInteger(text: string): number | undefined {
  return /^\d+$/.test(text) && Number(text) <= 2147483647 ? Number(text) : undefined;
}

/** Canonical text of an IPv6 address as getnameinfo() prints it (RFC 5952: lower case, longest zero run as ::). */
export function formatIPv6(bytes: readonly number[]): string {
  const groups = Array.from({ length: 8 }, (_, index) => (bytes[index * 2]! << 8) | bytes[index * 2 + 1]!);
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength && end - start >= 2) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
