/**
 * "Paste your current sshd -T output or your files": what the reader's server does now. Files come as printed by
 * `sudo tail -n +1 /etc/ssh/sshd_config /etc/ssh/sshd_config.d/*.conf` (each after a `==> path <==` header; text
 * without a header is the main file). Messages point at the line and column of the pasted text, which is never changed.
 */
import type { Diagnostic } from '../core';
import { error, info, warning } from '../core';
import { effectiveSshd, type ConfigFile, type Connection, type EffectiveResult } from './effective';
import { KEYWORDS, type OpenSshVersion } from './keywords';

export type PasteAnalysis =
  | { mode: 'empty'; values: Record<string, string[]>; diagnostics: Diagnostic[] }
  | { mode: 'dump'; values: Record<string, string[]>; diagnostics: Diagnostic[] }
  | {
      mode: 'files';
      values: Record<string, string[]>;
      diagnostics: Diagnostic[];
      files: ConfigFile[];
      effective: EffectiveResult;
    };

const HEADER = /^==> (.*) <==$/;

/** sshd -T always prints these, a config file rarely has all three in lower case. */
const looksLikeDump = (lines: string[]) =>
  ['rekeylimit ', 'ipqos ', 'maxstartups '].every((start) => lines.some((line) => line.startsWith(start)));

function splitFiles(lines: string[]): { files: ConfigFile[]; offsets: number[]; diagnostics: Diagnostic[] } {
  const chunks: { path: string; offset: number; body: string[] }[] = [];
  const diagnostics: Diagnostic[] = [];
  lines.forEach((line, index) => {
    const header = HEADER.exec(line.trim());
    if (header) {
      const path = header[1]!.trim();
      if (!path.startsWith('/')) {
        diagnostics.push(
          error('bad-header', `Line ${index + 1}: "${path}" is not a full path; paste the output of the tail command as it is.`, {
            path: 'paste',
            line: index + 1,
            column: 5,
          }),
        );
      }
      chunks.push({ path, offset: index + 1, body: [] });
      return;
    }
    if (chunks.length === 0) {
      // Text before any header is the main file.
      chunks.push({ path: '/etc/ssh/sshd_config', offset: index, body: [] });
    }
    chunks[chunks.length - 1]!.body.push(line);
  });
  for (const chunk of chunks) {
    // tail separates files with one empty line; it is not part of the file.
    while (chunk.body.length && chunk.body[chunk.body.length - 1]!.trim() === '') chunk.body.pop();
  }
  return {
    files: chunks.map((chunk) => ({ path: chunk.path, content: `${chunk.body.join('\n')}\n` })),
    offsets: chunks.map((chunk) => chunk.offset),
    diagnostics,
  };
}

function analyseDump(lines: string[]): PasteAnalysis {
  const values: Record<string, string[]> = {};
  const diagnostics: Diagnostic[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const found = /^(\S+) (.*)$/.exec(line);
    if (!found) {
      diagnostics.push(
        error('bad-dump-line', `Line ${index + 1} is not "keyword value" as sshd -T prints it.`, {
          path: 'paste',
          line: index + 1,
          column: 1,
        }),
      );
      return;
    }
    const keyword = found[1]!;
    if (
      keyword !== keyword.toLowerCase() ||
      (!KEYWORDS.has(keyword) && !['persourcepenalties', 'pamservicename'].includes(keyword))
    ) {
      diagnostics.push(
        warning('unknown-dump-keyword', `Line ${index + 1}: sshd -T prints no keyword "${keyword}"; was the output edited?`, {
          path: 'paste',
          line: index + 1,
          column: 1,
        }),
      );
    }
    (values[keyword] ??= []).push(found[2]!);
  });
  diagnostics.push(
    ...reviewValues(values, (keyword) => {
      const index = lines.findIndex((line) => line.startsWith(`${keyword} `));
      return index === -1 ? {} : { line: index + 1, column: keyword.length + 2 };
    }),
  );
  return { mode: 'dump', values, diagnostics };
}

/** What the values mean for logins. */
export function reviewValues(values: Record<string, string[]>, at: (keyword: string) => Partial<Diagnostic>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const value = (keyword: string) => values[keyword]?.[0];
  const where = (keyword: string) => ({ path: 'paste', ...at(keyword) });
  if (value('passwordauthentication') === 'yes')
    out.push(
      warning(
        'password-on',
        'passwordauthentication yes: passwords are accepted, so they can be guessed.',
        where('passwordauthentication'),
      ),
    );
  if (value('kbdinteractiveauthentication') === 'yes' && value('usepam') === 'yes') {
    out.push(
      warning(
        'kbdinteractive-on',
        'kbdinteractiveauthentication yes with usepam yes: PAM can still ask for the password even with passwordauthentication no.',
        where('kbdinteractiveauthentication'),
      ),
    );
  }
  if (value('permitrootlogin') === 'yes')
    out.push(warning('root-password', 'permitrootlogin yes: root can log in, even with a password.', where('permitrootlogin')));
  if (value('permitemptypasswords') === 'yes')
    out.push(
      error(
        'empty-passwords',
        'permitemptypasswords yes: accounts without a password can log in.',
        where('permitemptypasswords'),
      ),
    );
  if (value('pubkeyauthentication') === 'no')
    out.push(warning('keys-off', 'pubkeyauthentication no: key logins are refused.', where('pubkeyauthentication')));
  if (value('loglevel') && value('loglevel') !== 'VERBOSE' && !value('loglevel')!.startsWith('DEBUG')) {
    out.push(
      info(
        'log-fingerprints',
        `loglevel ${value('loglevel')}: the log does not name which key logged in; VERBOSE does.`,
        where('loglevel'),
      ),
    );
  }
  return out;
}

export function analysePaste(text: string, connection: Connection, version: OpenSshVersion): PasteAnalysis {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (text.trim() === '') return { mode: 'empty', values: {}, diagnostics: [] };
  if (looksLikeDump(lines)) return analyseDump(lines);
  const split = splitFiles(lines);
  const effective = effectiveSshd(split.files, connection, { version, ownPaths: split.files.map((file) => file.path) });
  const diagnostics = [
    ...split.diagnostics,
    ...effective.diagnostics.map((d) => {
      const index = d.path?.startsWith('files[') ? Number(d.path.slice(6, -1)) : undefined;
      return index === undefined || d.line === undefined
        ? { ...d, path: 'paste' }
        : { ...d, path: 'paste', line: split.offsets[index]! + d.line };
    }),
    ...reviewValues(effective.values, (keyword) => {
      const origin = effective.sources[keyword];
      return origin ? { line: split.offsets[origin.file]! + origin.line } : {};
    }),
  ];
  return { mode: 'files', values: effective.values, diagnostics, files: split.files, effective };
}
