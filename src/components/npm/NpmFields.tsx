/**
 * The NPM builder's row fields: text and checkbox with their messages under them (line numbers for one-per-line
 * fields, the diagnostic's fix as a button). Their element ids (`npm-<row>-<field>`, `…-msg`) are the ones share
 * links, the checks list and the tests already use. Layout only.
 */
import type { Diagnostic } from '../../lib/core';
import { entryLines, fieldDiagnostics, fieldOf } from '../../lib/npm';
import { TextField as KitTextField } from '../builder/TextField';

interface MessagesProps {
  id: string;
  items: Diagnostic[];
  lines?: number[] | undefined;
  onFix?: ((d: Diagnostic) => void) | undefined;
}

/** Errors and warnings shown on the field itself; `lines` maps entry indexes to line numbers. */
export function Messages({ id, items, lines, onFix }: MessagesProps) {
  if (items.length === 0) return null;
  return (
    <ul class="field-messages" id={id}>
      {items.map((d) => {
        const entry = fieldOf(d.path)?.entry;
        const line = entry !== undefined ? lines?.[entry] : undefined;
        return (
          <li class={`field-${d.severity}`} data-code={d.code}>
            <strong>{d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Note'}:</strong>{' '}
            {line !== undefined && `Line ${line}: `}
            {d.message}
            {d.fix !== undefined && onFix && (
              <button type="button" class="link-button" onClick={() => onFix(d)}>
                Use {d.fix}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

interface TextProps {
  id: string;
  path: string;
  label: string;
  hint?: string;
  value: string;
  multiline?: boolean;
  diagnostics: readonly Diagnostic[];
  onInput: (value: string) => void;
  onFix: (d: Diagnostic) => void;
}

export function Text({ id, path, label, hint, value, multiline, diagnostics, onInput, onFix }: TextProps) {
  const items = fieldDiagnostics(diagnostics, path);
  return (
    <KitTextField
      id={id}
      path={path}
      label={label}
      hint={hint}
      value={value}
      multiline={multiline}
      describedBy={items.length ? `${id}-msg` : undefined}
      invalid={items.some((d) => d.severity === 'error')}
      onInput={onInput}
    >
      <Messages id={`${id}-msg`} items={items} lines={multiline ? entryLines(value) : undefined} onFix={onFix} />
    </KitTextField>
  );
}

interface CheckProps {
  id: string;
  path: string;
  label: string;
  checked: boolean;
  diagnostics: readonly Diagnostic[];
  onChange: (checked: boolean) => void;
}

export function Check({ id, path, label, checked, diagnostics, onChange }: CheckProps) {
  const items = fieldDiagnostics(diagnostics, path);
  return (
    <div class="npm-check-wrap">
      <div class="npm-check">
        <input
          type="checkbox"
          id={id}
          data-path={path}
          checked={checked}
          aria-describedby={items.length ? `${id}-msg` : undefined}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={id}>{label}</label>
      </div>
      <Messages id={`${id}-msg`} items={items} />
    </div>
  );
}
