/**
 * sshd_config keywords as OpenSSH 9.2–9.9 (portable, Linux build with PAM, Kerberos and GSSAPI) knows them.
 *
 * Written from the keyword table in servconf.c:
 * https://github.com/openssh/openssh-portable/blob/V_9_2_P1/servconf.c#L550-L690 (9.2) and
 * https://github.com/openssh/openssh-portable/blob/V_9_9_P1/servconf.c (9.9: pamservicename, persourcepenalties,
 * persourcepenaltyexemptlist and sshdsessionpath since 9.8, refuseconnection since 9.9, Subsystem allowed inside
 * Match since 9.5). `G` = main section only (SSHCFG_GLOBAL), `A` = also inside Match (SSHCFG_ALL).
 */

export type OpenSshVersion = '9.2' | '9.3' | '9.4' | '9.5' | '9.6' | '9.7' | '9.8' | '9.9';
export const OPENSSH_VERSIONS: readonly OpenSshVersion[] = ['9.2', '9.3', '9.4', '9.5', '9.6', '9.7', '9.8', '9.9'];

/** `9.2` → 92, so versions compare as numbers. */
export const versionNumber = (version: OpenSshVersion): number => Number(version.replace('.', ''));

export type KeywordStatus = 'supported' | 'deprecated' | 'unsupported' | 'ignored';

export interface KeywordInfo {
  /** The keyword's spelling in `sshd -T` output (its table name, lower case). */
  name: string;
  /** The option it sets when it is an alias (e.g. challengeresponseauthentication → kbdinteractiveauthentication). */
  canonical: string;
  /** Allowed inside a Match block. */
  inMatch: boolean;
  status: KeywordStatus;
  /** First version that knows it, when after 9.2. */
  since?: OpenSshVersion;
  /** Added by the GSSAPI key-exchange patch that Debian, Ubuntu, Fedora and RHEL carry (not in upstream). */
  distroPatch?: boolean;
}

// name, scope, and optionally the canonical name (`=x`), status (`!dep`, `!uns`, `!ign`), `>9.8` (since), `+patch`.
const TABLE = `usepam G|pamauthenticationviakbdint G !dep|pamservicename A >9.8|port G|hostkey G|hostdsakey G =hostkey|
hostkeyagent G|pidfile G|modulifile G|serverkeybits G !dep|logingracetime G|keyregenerationinterval G !dep|
permitrootlogin A|syslogfacility G|loglevel A|logverbose A|rhostsauthentication G !dep|rhostsrsaauthentication A !dep|
hostbasedauthentication A|hostbasedusesnamefrompacketonly A|hostbasedacceptedalgorithms A|
hostbasedacceptedkeytypes A =hostbasedacceptedalgorithms|hostkeyalgorithms G|rsaauthentication A !dep|
pubkeyauthentication A|pubkeyacceptedalgorithms A|pubkeyacceptedkeytypes A =pubkeyacceptedalgorithms|
pubkeyauthoptions A|dsaauthentication G =pubkeyauthentication|kerberosauthentication A|kerberosorlocalpasswd G|
kerberosticketcleanup G|kerberosgetafstoken G !uns|kerberostgtpassing G !uns|afstokenpassing G !uns|
gssapiauthentication A|gssapicleanupcredentials G|gssapistrictacceptorcheck G|gssapikeyexchange G +patch|
gssapistorecredentialsonrekey G +patch|gssapikexalgorithms G +patch|passwordauthentication A|
kbdinteractiveauthentication A|challengeresponseauthentication A =kbdinteractiveauthentication|
skeyauthentication A =kbdinteractiveauthentication|checkmail G !dep|listenaddress G|addressfamily G|printmotd G|
printlastlog G|ignorerhosts A|ignoreuserknownhosts G|x11forwarding A|x11displayoffset A|x11uselocalhost A|
xauthlocation G|strictmodes G|permitemptypasswords A|permituserenvironment G|uselogin G !dep|compression G|
rekeylimit A|tcpkeepalive G|keepalive G =tcpkeepalive|allowtcpforwarding A|allowagentforwarding A|allowusers A|
denyusers A|allowgroups A|denygroups A|ciphers G|macs G|protocol G !ign|gatewayports A|subsystem G|maxstartups G|
persourcemaxstartups G|persourcenetblocksize G|persourcepenalties G >9.8|persourcepenaltyexemptlist G >9.8|
maxauthtries A|maxsessions A|banner A|usedns G|verifyreversemapping G !dep|reversemappingcheck G !dep|
clientaliveinterval A|clientalivecountmax A|authorizedkeysfile A|authorizedkeysfile2 A !dep|
useprivilegeseparation G !dep|acceptenv A|setenv A|permittunnel A|permittty A|permituserrc A|match A|permitopen A|
permitlisten A|forcecommand A|chrootdirectory A|hostcertificate G|revokedkeys A|trustedusercakeys A|
authorizedprincipalsfile A|kexalgorithms G|include A|ipqos A|authorizedkeyscommand A|authorizedkeyscommanduser A|
authorizedprincipalscommand A|authorizedprincipalscommanduser A|versionaddendum G|authenticationmethods A|
streamlocalbindmask A|streamlocalbindunlink A|allowstreamlocalforwarding A|fingerprinthash G|disableforwarding A|
exposeauthinfo A|rdomain A|casignaturealgorithms A|securitykeyprovider G|requiredrsasize A|channeltimeout A|
unusedconnectiontimeout A|sshdsessionpath G >9.8|refuseconnection A >9.9|debianbanner G +patch`;

const STATUS: Record<string, KeywordStatus> = { dep: 'deprecated', uns: 'unsupported', ign: 'ignored' };

export const KEYWORDS: ReadonlyMap<string, KeywordInfo> = new Map(
  TABLE.split('|').map((entry) => {
    const [name = '', scope, ...rest] = entry.trim().split(/\s+/);
    const info: KeywordInfo = { name, canonical: name, inMatch: scope === 'A', status: 'supported' };
    for (const part of rest) {
      if (part.startsWith('=')) info.canonical = part.slice(1);
      else if (part.startsWith('!')) info.status = STATUS[part.slice(1)] ?? 'supported';
      else if (part.startsWith('>')) info.since = part.slice(1) as OpenSshVersion;
      else if (part === '+patch') info.distroPatch = true;
    }
    return [name, info] as const;
  }),
);

/** The keyword as this version knows it (case-insensitive), or undefined for `Bad configuration option`. */
export function lookupKeyword(word: string, version: OpenSshVersion): KeywordInfo | undefined {
  const info = KEYWORDS.get(word.toLowerCase());
  if (!info) return undefined;
  if (info.since && versionNumber(info.since) > versionNumber(version)) return undefined;
  // Subsystem became allowed inside Match in 9.5 (servconf.c keyword table at V_9_5_P1).
  if (info.name === 'subsystem' && versionNumber(version) >= 95) return { ...info, inMatch: true };
  return info;
}

/** Known keywords close to a misspelled one (edit distance ≤ 2), for "did you mean". */
export function suggestKeyword(word: string): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of KEYWORDS.keys()) {
    const distance = editDistance(lower, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(left: string, right: string): number {
  if (Math.abs(left.length - right.length) > 2) return 3;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      current[column] = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
    }
    previous = current;
  }
  return previous[right.length]!;
}

/** How sshd -T spells a keyword: the table name of its canonical option. Used to show names readers recognise. */
export const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  passwordauthentication: 'PasswordAuthentication',
  kbdinteractiveauthentication: 'KbdInteractiveAuthentication',
  pubkeyauthentication: 'PubkeyAuthentication',
  authenticationmethods: 'AuthenticationMethods',
  permitrootlogin: 'PermitRootLogin',
  permitemptypasswords: 'PermitEmptyPasswords',
  allowusers: 'AllowUsers',
  allowgroups: 'AllowGroups',
  maxauthtries: 'MaxAuthTries',
  port: 'Port',
  listenaddress: 'ListenAddress',
  loglevel: 'LogLevel',
  x11forwarding: 'X11Forwarding',
  allowagentforwarding: 'AllowAgentForwarding',
  allowtcpforwarding: 'AllowTcpForwarding',
  clientaliveinterval: 'ClientAliveInterval',
  clientalivecountmax: 'ClientAliveCountMax',
  usepam: 'UsePAM',
};

export const displayName = (keyword: string): string => DISPLAY_NAMES[keyword] ?? keyword;
