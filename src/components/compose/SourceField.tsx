import type { Ref } from 'preact';
import type { Diagnostic } from '../../lib/core';

interface Props {
  value: string;
  textarea: Ref<HTMLTextAreaElement>;
  /** The errors about the pasted text (the first is shown under the field). */
  errors: readonly Diagnostic[];
  onInput: (text: string) => void;
  onFocus: () => void;
  goToLine: (line: number, column?: number) => void;
}

/** The box the compose file is pasted into, with the first error about it and a way to jump to its line. */
export function SourceField({ value, textarea, errors, onInput, onFocus, goToLine }: Props) {
  const first = errors[0];
  return (
    <div class="field compose-source">
      <label for="cs-source">Your compose file (compose.yaml or docker-compose.yml)</label>
      <textarea
        id="cs-source"
        ref={textarea}
        rows={16}
        value={value}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        onFocus={onFocus}
        aria-invalid={first ? true : undefined}
        aria-describedby={first ? 'cs-source-error cs-source-hint' : 'cs-source-hint'}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {first && (
        <p class="compose-source-error" id="cs-source-error">
          {first.message}
          {errors.length > 1 ? ` (${errors.length - 1} more under Checks.)` : ''}{' '}
          {first.line !== undefined && (
            <button type="button" class="link-button" onClick={() => goToLine(first.line!, first.column)}>
              Go to line {first.line}
              {first.column !== undefined ? `, column ${first.column}` : ''}
            </button>
          )}
        </p>
      )}
      <p class="field-hint" id="cs-source-hint">
        Paste the whole file. It stays in this page: it is never sent anywhere, never put in a share link, and forgotten on reload
        unless you tick “Remember secrets on this device” below.
      </p>
    </div>
  );
}

/** Offset of a 1-based line:column in the text. */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const lineBreak = text.indexOf('\n', offset);
    if (lineBreak < 0) return text.length;
    offset = lineBreak + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}
