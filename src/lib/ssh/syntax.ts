/**
 * How sshd splits one config line into a keyword and its arguments, written from OpenSSH 9.2's
 * strdelim() (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/misc.c#L370-L420) and argv_split()
 * (https://github.com/openssh/openssh-portable/blob/V_9_2_P1/misc.c#L1930-L2010): whitespace separates words, one
 * `=` may join the keyword to its value, single or double quotes group a word, a backslash escapes a quote, a
 * backslash or (outside quotes) a space, and a `#` at the start of a word ends the line.
 */

export interface Word {
  text: string;
  /** 1-based column of the word's first character in the line. */
  column: number;
}

export type SplitLine =
  | { kind: 'blank' }
  | { kind: 'directive'; keyword: Word; args: Word[]; rest: string }
  | { kind: 'error'; message: string; column: number };

const SPACE = new Set([' ', '\t', '\r', '\n', '\f']);

export function splitLine(raw: string): SplitLine {
  // load_server_config strips leading blanks; process_server_config_line strips trailing whitespace.
  const leading = raw.length - raw.replace(/^[ \t\r]+/, '').length;
  const line = raw.slice(leading).replace(/[ \t\r\n\f]+$/, '');
  if (line === '' || line.startsWith('#')) return { kind: 'blank' };
  let end = 0;
  while (end < line.length && !SPACE.has(line[end]!) && line[end] !== '=' && line[end] !== '"') end++;
  const keyword: Word = { text: line.slice(0, end), column: leading + 1 };
  if (keyword.text === '') return { kind: 'error', message: 'The line does not start with a keyword.', column: leading + 1 };
  let position = end;
  while (position < line.length && SPACE.has(line[position]!)) position++;
  if (line[position] === '=') {
    position++;
    while (position < line.length && SPACE.has(line[position]!)) position++;
  }
  const rest = line.slice(position);
  const parsed = splitArguments(rest, leading + position + 1);
  if ('error' in parsed) return { kind: 'error', message: parsed.error, column: parsed.column };
  return { kind: 'directive', keyword, args: parsed.words, rest };
}

function splitArguments(text: string, firstColumn: number): { words: Word[] } | { error: string; column: number } {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === ' ' || char === '\t') {
      index++;
      continue;
    }
    if (char === '#') break;
    const start = index;
    let quote = '';
    let value = '';
    for (; index < text.length; index++) {
      const current = text[index]!;
      const next = text[index + 1];
      if (current === '\\') {
        if (next === "'" || next === '"' || next === '\\' || (quote === '' && next === ' ')) {
          index++;
          value += next;
        } else value += current;
      } else if (quote === '' && (current === ' ' || current === '\t')) break;
      else if (quote === '' && (current === '"' || current === "'")) quote = current;
      else if (quote !== '' && current === quote) quote = '';
      else value += current;
    }
    if (quote !== '') return { error: 'A quote is opened and never closed.', column: firstColumn + start };
    words.push({ text: value, column: firstColumn + start });
  }
  return { words };
}
