/** Who-wins explanations for the values that matter most for logins: which file and line decided, and what lost. */
import type { Diagnostic } from '../core';
import { info, warning } from '../core';
import type { Assignment, Origin } from './model';
import { displayName } from './keywords';

/** Keywords whose lost values are worth a warning: they decide who can log in and how. */
export const IMPORTANT = [
  'passwordauthentication',
  'kbdinteractiveauthentication',
  'pubkeyauthentication',
  'authenticationmethods',
  'permitrootlogin',
  'permitemptypasswords',
  'usepam',
  'maxauthtries',
  'loglevel',
  'x11forwarding',
  'allowagentforwarding',
  'allowtcpforwarding',
  'clientaliveinterval',
  'clientalivecountmax',
] as const;

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function describeOrigin(origin: Origin): string {
  return `${fileName(origin.path)} line ${origin.line}`;
}

export function explainWinners(
  values: Record<string, string[]>,
  sources: Record<string, Origin>,
  ignored: Record<string, Assignment[]>,
  fromMatch: Record<string, Origin>,
  ownFiles: ReadonlySet<number>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const keyword of IMPORTANT) {
    const winner = sources[keyword];
    const shown = `${displayName(keyword)} ${(values[keyword] ?? []).join(' ')}`;
    if (fromMatch[keyword]) {
      out.push(
        info(
          'match-applies',
          `${shown}: the Match block in ${describeOrigin(fromMatch[keyword])} applies to this connection and replaces the value from outside Match.`,
          {
            path: `files[${fromMatch[keyword].file}]`,
            line: fromMatch[keyword].line,
          },
        ),
      );
      continue;
    }
    if (!winner) continue;
    for (const lost of ignored[keyword] ?? []) {
      if (lost.values.join(' ') === (values[keyword] ?? []).join(' ')) continue;
      const message = `${shown} from ${describeOrigin(winner)} wins over ${displayName(keyword)} ${lost.values.join(' ')} in ${describeOrigin(lost.origin)}: sshd keeps the first value it reads, and drop-ins are read where the Include line stands, in name order.`;
      const extra = { path: `files[${lost.origin.file}]`, line: lost.origin.line };
      // Your own file winning is the point of the 00- name; another file beating yours (or two foreign files) is worth a warning.
      const yoursWins = ownFiles.has(winner.file) && !ownFiles.has(lost.origin.file);
      out.push(yoursWins ? info('value-shadowed', message, extra) : warning('value-shadowed', message, extra));
    }
  }
  return out;
}
