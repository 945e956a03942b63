/**
 * Words of a command string with their offsets, for finding secrets in `command:`, `entrypoint:` and
 * `healthcheck: test:`. Compose splits a string-form command with go-shellwords after interpolation
 * (compose-go v2.13.0 types/command.go line 73,
 * https://github.com/compose-spec/compose-go/blob/v2.13.0/types/command.go#L73), and `sh -c` scripts are split the
 * same way by the shell. Only the offsets matter here: a moved value is replaced by a `${VAR}` whose value is the exact
 * text it replaces, so the interpolated string — and therefore how it is split — stays byte for byte the same.
 */

export interface Word {
  /** Offsets of the word in the string, quotes included. */
  start: number;
  end: number;
  /** The word as the shell reads it: quotes removed, backslash escapes applied. */
  text: string;
}

const SEPARATORS = new Set([';', '&', '|']);

/** Splits `text` into shell words; `;`, `&&`, `||` and `|` come out as words of their own. */
export function shellWords(text: string): Word[] {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    const character = text[index] ?? '';
    if (/\s/.test(character)) {
      index++;
      continue;
    }
    if (SEPARATORS.has(character)) {
      let end = index + 1;
      while (end < text.length && text[end] === character) end++;
      words.push({ start: index, end, text: text.slice(index, end) });
      index = end;
      continue;
    }
    const start = index;
    let value = '';
    while (index < text.length) {
      const current = text[index] ?? '';
      if (/\s/.test(current) || SEPARATORS.has(current)) break;
      if (current === "'") {
        const close = text.indexOf("'", index + 1);
        const stop = close < 0 ? text.length : close;
        value += text.slice(index + 1, stop);
        index = stop + 1;
      } else if (current === '"') {
        index++;
        while (index < text.length && text[index] !== '"') {
          if (text[index] === '\\' && index + 1 < text.length) index++;
          value += text[index];
          index++;
        }
        index++;
      } else if (current === '\\' && index + 1 < text.length) {
        value += text[index + 1];
        index += 2;
      } else {
        value += current;
        index++;
      }
    }
    words.push({ start, end: Math.min(index, text.length), text: value });
  }
  return words;
}

/**
 * Where a word's value sits in the string: inside its quotes when one pair of quotes wraps the whole word, else the
 * whole word. `from` skips a prefix of the unquoted text (such as `--password=`) when that prefix is written unquoted.
 */
export function valueSpan(source: string, word: Word, from = 0): { start: number; end: number } | undefined {
  const raw = source.slice(word.start, word.end);
  if (from > 0 && raw.slice(0, from) !== word.text.slice(0, from)) return undefined;
  const start = word.start + from;
  const rest = source.slice(start, word.end);
  const quote = rest[0];
  if ((quote === '"' || quote === "'") && rest.length >= 2 && rest.endsWith(quote)) {
    const inner = rest.slice(1, -1);
    if (!inner.includes(quote) && (quote === "'" || !inner.includes('\\'))) return { start: start + 1, end: word.end - 1 };
  }
  return { start, end: word.end };
}

/**
 * True when `[start, end)` holds only literal text for Compose's interpolation: every `$` in it is half of a `$$` pair
 * that lies inside the span, and the span is not inside a `$NAME` or `${…}` expression (compose-go v2.13.0
 * template/template.go, https://github.com/compose-spec/compose-go/blob/v2.13.0/template/template.go).
 */
export function isLiteralSpan(text: string, start: number, end: number): boolean {
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0 || dollar >= end) return true;
    const next = text[dollar + 1];
    let stop: number;
    if (next === '$') stop = dollar + 2;
    else if (next === '{') {
      let depth = 0;
      for (stop = dollar + 1; stop < text.length; stop++) {
        if (text[stop] === '{') depth++;
        else if (text[stop] === '}' && --depth === 0) break;
      }
      stop++;
    } else {
      const name = /^[_a-z][_a-z0-9]*/i.exec(text.slice(dollar + 1));
      stop = dollar + 1 + (name?.[0].length ?? 0);
    }
    const overlaps = dollar < end && stop > start;
    const escapedPairInside = next === '$' && dollar >= start && stop <= end;
    if (overlaps && !escapedPairInside) return false;
    index = stop;
  }
  return true;
}
