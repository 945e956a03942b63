/**
 * One pass over the files, as process_server_config_line_depth() and parse_server_config_depth() read them
 * (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/servconf.c#L1328-L1400, #L2141-L2260, #L2791-L2828).
 */
import { error, info, warning } from '../core';
import { applyDirective, KEYWORD_SINCE } from './directives';
import { globFiles } from './glob';
import { lookupKeyword, suggestKeyword } from './keywords';
import { evaluateMatch } from './match-line';
import type { Origin } from './model';
import type { PassContext } from './pass-state';
import { splitLine } from './syntax';

const SSHDIR = '/etc/ssh';
const MAX_DEPTH = 16;
const NEVERMATCH = 1;
const MATCH_ONLY = 2;
export function runPass(context: PassContext): void {
  context.active.value = context.connection === null;
  readFile(context, 0, context.connection === null ? 0 : MATCH_ONLY, 0);
}

function readFile(context: PassContext, index: number, inheritedFlags: number, depth: number): void {
  const file = context.files[index]!;
  if (depth > MAX_DEPTH) {
    context.report(
      error(
        'include-loop',
        `${file.path}: Include goes more than ${MAX_DEPTH} files deep (a file includes itself?); sshd refuses to start.`,
        { path: `files[${index}]`, line: 1, column: 1 },
      ),
    );
    return;
  }
  let flags = inheritedFlags;
  context.order.push(file.path);
  const lines = file.content.split('\n');
  for (const [lineIndex, raw] of lines.entries()) {
    const origin: Origin = { file: index, path: file.path, line: lineIndex + 1, text: raw.trim() };
    const at = (column: number) => ({ path: `files[${index}]`, line: lineIndex + 1, column });
    const fail = (code: string, message: string, column: number) =>
      context.report(error(code, `${file.path} line ${lineIndex + 1}: ${message}`, at(column)));
    const split = splitLine(raw);
    if (split.kind === 'blank') continue;
    if (split.kind === 'error') {
      fail('bad-line', split.message, split.column);
      continue;
    }
    const { keyword, args } = split;
    const known = lookupKeyword(keyword.text, context.version);
    if (!known) {
      const guess = suggestKeyword(keyword.text);
      const later = KEYWORD_SINCE(keyword.text);
      fail(
        'unknown-keyword',
        later
          ? `${keyword.text} needs OpenSSH ${later} or later; this version stops with "Bad configuration option".`
          : `${keyword.text} is not an sshd keyword${guess ? ` (did you mean ${guess}?)` : ''}; sshd stops with "Bad configuration option".`,
        keyword.column,
      );
      continue;
    }
    if (split.rest === '') {
      fail('missing-value', `${keyword.text} has no value.`, keyword.column);
      continue;
    }
    if (!context.active.value && !known.inMatch) {
      if (context.connection === null) {
        fail(
          'not-in-match',
          `${keyword.text} is not allowed inside a Match block; sshd refuses to start. Move it above the first Match line.`,
          keyword.column,
        );
      }
      continue;
    }
    if (known.status !== 'supported') {
      context.report(
        info(
          `keyword-${known.status}`,
          `${file.path} line ${lineIndex + 1}: ${keyword.text} is ${known.status} and has no effect.`,
          at(keyword.column),
        ),
      );
      continue;
    }
    const name = known.canonical;
    if (name === 'include') {
      for (const argument of args) {
        const pattern =
          argument.text.startsWith('/') || argument.text.startsWith('~') ? argument.text : `${SSHDIR}/${argument.text}`;
        const before = context.active.value;
        const found = globFiles(pattern, context.files);
        if (found.length === 0) {
          context.report(
            warning(
              'include-nothing',
              `${file.path} line ${lineIndex + 1}: Include ${argument.text} matches no file here, so it adds nothing.`,
              at(argument.column),
            ),
          );
        }
        for (const target of found) {
          readFile(context, target, flags & MATCH_ONLY ? MATCH_ONLY : before ? 0 : NEVERMATCH, depth + 1);
          context.active.value = before;
        }
      }
      if (args.length === 0) fail('missing-value', 'Include has no file name.', keyword.column);
      continue;
    }
    if (name === 'match') {
      const outcome = evaluateMatch(args, flags & NEVERMATCH ? null : context.connection, context.version);
      if (!outcome.ok) {
        fail('bad-match', `${outcome.message} sshd refuses to start ("Bad Match condition").`, outcome.column);
        context.active.value = false;
      } else {
        context.active.value = flags & NEVERMATCH ? false : outcome.matches;
        if (outcome.usesGroup && context.connection === null) {
          context.report(
            info(
              'match-group',
              `${file.path} line ${lineIndex + 1}: Match Group depends on the groups the user has on the server; the simulator treats it as not matching unless you give the groups.`,
              at(keyword.column),
            ),
          );
        }
      }
      flags &= ~MATCH_ONLY;
      continue;
    }
    applyDirective(context, name, keyword, args, origin, fail);
  }
}
