import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  /** The input path diagnostics point at (`data-path`), e.g. `rules[2].domain`. */
  path: string;
  label: string;
  hint?: string;
  /** Shown while the field is empty (an example, never a value the output uses as the reader's). */
  placeholder?: string;
  value: string;
  /** A textarea that grows with its lines (2–6 rows) instead of a one-line input. */
  multiline?: boolean;
  /** Ids of further descriptions (e.g. the field's own messages). */
  describedBy?: string;
  invalid?: boolean;
  onInput: (value: string) => void;
  /** Shown under the hint, e.g. the field's messages. */
  children?: ComponentChildren;
}

/** A labelled text field for builder forms: value kept exactly as typed, no spell or case correction. */
export function TextField({
  id,
  path,
  label,
  hint,
  placeholder,
  value,
  multiline,
  describedBy,
  invalid,
  onInput,
  children,
}: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    'data-path': path,
    value,
    ...(placeholder ? { placeholder } : {}),
    'aria-describedby': [hintId, describedBy].filter(Boolean).join(' ') || undefined,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    spellcheck: false,
    autocomplete: 'off' as const,
    autocapitalize: 'off' as const,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea rows={Math.min(6, Math.max(2, value.split('\n').length + 1))} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}
