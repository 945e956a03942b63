/**
 * One family of form fields for every builder: text (one line or several), select, checkbox. Each reads and writes
 * its value through the builder (`useBuilder`), shows the diagnostics that point at its path under it, offers their
 * fixes on the field, and carries `data-path` so the checks list can jump to it. Layout only: the spec decides
 * values, choices, which fields apply and what a fix does.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Choice } from '../../lib/builders/spec';
import type { Diagnostic } from '../../lib/core';
import { announce } from './announce';
import { FieldMessages } from './FieldMessages';
import { TextField } from './TextField';
import type { Builder } from './useBuilder';

/** What the fields need from a form: a builder (`useBuilder`) fits, and so does a form kept outside the kit. */
export interface FieldSource {
  state: Record<string, unknown>;
  /** The generator's input, whose value a select shows when the state holds a value no choice has. */
  input?: unknown;
  choices?: Readonly<Record<string, readonly Choice[]>>;
  set: (path: string, value: unknown) => void;
  messagesFor: (path: string) => Diagnostic[];
  /** Applies a diagnostic's fix; false when there is none. */
  fix: (diagnostic: Diagnostic) => boolean;
}

interface FieldsContext {
  builder: FieldSource;
  /** Prefix of element ids, unique per builder on a page, e.g. `ts`. */
  prefix: string;
}

/** A builder as a field source. */
export function fieldSource<State extends object, Input>(builder: Builder<State, Input>): FieldSource {
  return {
    state: builder.state as Record<string, unknown>,
    input: builder.input,
    ...(builder.spec.choices ? { choices: builder.spec.choices } : {}),
    set: (path, value) => builder.set(path as keyof State, value as State[keyof State]),
    messagesFor: builder.messagesFor,
    fix: builder.fix,
  };
}

const Context = createContext<FieldsContext | undefined>(undefined);

/** Gives the fields inside it their builder and id prefix. */
export function BuilderFields<State extends object, Input>({
  builder,
  source,
  prefix,
  children,
}: {
  /** The builder whose fields these are; or `source` for a form kept outside the kit. */
  builder?: Builder<State, Input>;
  source?: FieldSource;
  prefix: string;
  children: ComponentChildren;
}) {
  const resolved = source ?? (builder ? fieldSource(builder) : undefined);
  if (!resolved) throw new Error('BuilderFields needs a builder or a source.');
  return <Context.Provider value={{ builder: resolved, prefix }}>{children}</Context.Provider>;
}

function useFields(): FieldsContext {
  const context = useContext(Context);
  if (!context) throw new Error('Builder fields must be placed inside <BuilderFields>.');
  return context;
}

/** The element id of a field path: `rules[2].domain` → `<prefix>-rules-2-domain`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/** Applies a fix from a field's message, says so, and keeps the keyboard on the field. */
function useFix(path: string, label: string) {
  const { builder, prefix } = useFields();
  return (diagnostic: Diagnostic) => {
    if (!builder.fix(diagnostic)) return;
    const fix = diagnostic.fix ?? '';
    announce(`${label} changed to ${fix === '' ? 'empty' : fix}`);
    // The button goes away with the message it fixed.
    window.requestAnimationFrame(() => document.getElementById(fieldId(prefix, path))?.focus());
  };
}

interface TextInputProps {
  path: string;
  label: string;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  /** For nested values (rows): the value shown and where edits go; top-level fields need neither. */
  value?: string;
  onInput?: (value: string) => void;
}

export function TextInput({ path, label, hint, placeholder, multiline, value, onInput }: TextInputProps) {
  const { builder, prefix } = useFields();
  const id = fieldId(prefix, path);
  const items = builder.messagesFor(path);
  const current = value ?? String(builder.state[path] ?? '');
  const onFix = useFix(path, label.replace(/ \(.*\)$/, ''));
  return (
    <TextField
      id={id}
      path={path}
      label={label}
      {...(hint ? { hint } : {})}
      {...(placeholder ? { placeholder } : {})}
      value={current}
      {...(multiline ? { multiline } : {})}
      {...(items.length ? { describedBy: `${id}-messages` } : {})}
      invalid={items.some((d) => d.severity === 'error')}
      onInput={onInput ?? ((next) => builder.set(path, next))}
    >
      <FieldMessages id={`${id}-messages`} items={items} current={current} onFix={(_fix, diagnostic) => onFix(diagnostic)} />
    </TextField>
  );
}

interface SelectInputProps {
  path: string;
  label: string;
  /** Defaults to the spec's choice list for this path. */
  choices?: readonly Choice[];
  value?: string;
  onChange?: (value: string) => void;
}

export function SelectInput({ path, label, choices, value, onChange }: SelectInputProps) {
  const { builder, prefix } = useFields();
  const id = fieldId(prefix, path);
  const items = builder.messagesFor(path);
  const options = choices ?? builder.choices?.[path] ?? [];
  // A value no choice has (a hand-made link) shows what the generator uses instead: the spec's input for this path.
  const typed = value ?? String(builder.state[path] ?? '');
  const input = builder.input as Record<string, unknown> | undefined;
  const shown = options.some((choice) => choice.value === typed) ? typed : String(input?.[path] ?? options[0]?.value ?? '');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        data-path={path}
        value={shown}
        aria-describedby={items.length ? `${id}-messages` : undefined}
        onChange={(e) => {
          const next = (e.currentTarget as HTMLSelectElement).value;
          if (onChange) onChange(next);
          else builder.set(path, next);
        }}
      >
        {options.map((choice) => (
          <option value={choice.value}>{choice.label}</option>
        ))}
      </select>
      <FieldMessages id={`${id}-messages`} items={items} />
    </div>
  );
}

interface CheckboxInputProps {
  path: string;
  label: ComponentChildren;
  hint?: string;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
}

export function CheckboxInput({ path, label, hint, checked, onChange }: CheckboxInputProps) {
  const { builder, prefix } = useFields();
  const id = fieldId(prefix, path);
  const items = builder.messagesFor(path);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label class="field-check" for={id}>
        <input
          id={id}
          type="checkbox"
          data-path={path}
          checked={checked ?? builder.state[path] === true}
          aria-describedby={describedBy(hintId, items.length ? `${id}-messages` : undefined)}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLInputElement).checked;
            if (onChange) onChange(next);
            else builder.set(path, next);
          }}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldMessages id={`${id}-messages`} items={items} />
    </div>
  );
}
