/**
 * Turns a paste into lines the signatures can read: CRLF/CR line ends, ANSI colour codes, `docker logs` JSON
 * wrapping and binary junk are handled here, so no signature has to care. Line numbers stay those of the paste.
 */

/** Lines longer than this are cut for matching (a stack trace after the message is not needed). */
export const MAX_LINE_CHARS = 4096;

// CSI sequences (colours, cursor moves) and OSC sequences (titles, links), each bounded. Matching control
// characters is the point of these two expressions.
/* eslint-disable no-control-regex */
const ANSI = /\u001b\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\u001b\][^\u0007\u001b]{0,512}(?:\u0007|\u001b\\)?|\u001b[@-_]/g;
// C0 controls except tab, DEL, C1 controls, lone surrogates and the replacement character.
const JUNK =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Splits on LF, CRLF and lone CR, like a terminal shows them. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The message inside a `docker logs` JSON line (`{"log":"…","stream":"stderr","time":"…"}`, the json-file driver's
 * format) or a JSON-formatted app log (`{"level":"error","msg":"…"}`); otherwise the line itself.
 */
export function unwrapJson(line: string): string {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}') || trimmed.length > 64_000) return line;
  try {
    const value: unknown = JSON.parse(trimmed);
    if (value === null || typeof value !== 'object') return line;
    const record = value as Record<string, unknown>;
    for (const key of ['log', 'msg', 'message', 'MESSAGE']) {
      const inner = record[key];
      if (typeof inner === 'string') {
        // Keep the other fields (error=…, level=…) after the message: some signatures read them.
        const rest = Object.entries(record)
          .filter(([k, v]) => k !== key && (typeof v === 'string' || typeof v === 'number'))
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ');
        return `${inner.replace(/\n$/, '')}${rest ? ` ${rest}` : ''}`;
      }
    }
  } catch {
    // Not JSON after all: read the line as it is.
  }
  return line;
}

/** One line as the signatures see it: no colour codes, no JSON wrapping, no control characters, bounded length. */
export function normalizeLine(raw: string): string {
  const plain = stripAnsi(raw);
  const unwrapped = unwrapJson(plain.length > MAX_LINE_CHARS * 4 ? plain.slice(0, MAX_LINE_CHARS * 4) : plain);
  const clean = unwrapped.replace(JUNK, ' ');
  return clean.length > MAX_LINE_CHARS ? clean.slice(0, MAX_LINE_CHARS) : clean;
}
