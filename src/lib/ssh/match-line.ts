/**
 * One `Match` line: does it apply to a connection? Written from match_cfg_line() in OpenSSH 9.2
 * (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/servconf.c#L1101-L1282) with the 9.9 additions
 * (`invalid-user`, https://github.com/openssh/openssh-portable/blob/V_9_9_P1/servconf.c). In `sshd -T` test mode a
 * criterion whose connection field was not given never matches; without a connection (the first pass over the files)
 * only `all` matches and the other criteria are only checked for syntax.
 */
import type { Word } from './syntax';
import { addressMatchList, matchPatternList } from './patterns';
import { versionNumber, type OpenSshVersion } from './keywords';

export interface Connection {
  user?: string;
  host?: string;
  addr?: string;
  laddr?: string;
  lport?: string;
  /** The user's groups on the server, for `Match Group`; sshd looks them up, this simulator cannot. */
  groups?: readonly string[];
}

export type MatchOutcome = { ok: true; matches: boolean; usesGroup: boolean } | { ok: false; message: string; column: number };

export function evaluateMatch(args: readonly Word[], connection: Connection | null, version: OpenSshVersion): MatchOutcome {
  let matches = true;
  let usesGroup = false;
  let count = 0;
  for (let index = 0; index < args.length; index++) {
    const attribute = args[index]!;
    count++;
    const name = attribute.text.toLowerCase();
    if (name === 'all') {
      if (count > 1 || index + 1 < args.length) {
        return { ok: false, message: "'all' cannot be combined with other Match criteria.", column: attribute.column };
      }
      return { ok: true, matches: true, usesGroup };
    }
    if (name === 'invalid-user' && versionNumber(version) >= 99) {
      // Only a real login attempt for a user that does not exist sets it; `sshd -T -C` never does.
      if (connection) matches = false;
      continue;
    }
    const argument = args[index + 1];
    index++;
    if (!argument || argument.text === '') {
      return { ok: false, message: `Match ${attribute.text} needs a value.`, column: attribute.column };
    }
    const value = argument.text;
    switch (name) {
      case 'user':
        if (!connection?.user || matchPatternList(connection.user, value, false) !== 1) matches = false;
        break;
      case 'group':
        usesGroup = true;
        if (!connection?.user || !connection.groups?.some((group) => matchPatternList(group, value, false) === 1)) {
          matches = false;
        }
        break;
      case 'host':
        if (!connection?.host || matchPatternList(connection.host.toLowerCase(), value, true) !== 1) matches = false;
        break;
      case 'address':
      case 'localaddress': {
        const given = name === 'address' ? connection?.addr : connection?.laddr;
        const result = addressMatchList(given, value);
        if (given === undefined && result !== 0) {
          return {
            ok: false,
            message: `Match ${attribute.text} has an invalid address list: ${value}.`,
            column: argument.column,
          };
        }
        if (result === -2) {
          return {
            ok: false,
            message: `Match ${attribute.text} has an invalid address list: ${value}.`,
            column: argument.column,
          };
        }
        if (result !== 1) matches = false;
        break;
      }
      case 'localport': {
        const port = Number(value);
        if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
          return { ok: false, message: `Match LocalPort needs a port from 1 to 65535, not ${value}.`, column: argument.column };
        }
        if (!connection?.lport || Number(connection.lport) !== port) matches = false;
        break;
      }
      case 'rdomain':
        matches = false;
        break;
      default:
        return { ok: false, message: `Match has no criterion called ${attribute.text}.`, column: attribute.column };
    }
  }
  if (count === 0) return { ok: false, message: 'Match needs at least one criterion.', column: 1 };
  return { ok: true, matches: connection === null ? false : matches, usesGroup };
}
