/**
 * A builder spec (src/lib/<tool>/builder.ts) turned into everything an island needs: the stored/shared/profile state,
 * the generator's result with provenance, diagnostics sorted and grouped by field, which fields apply, and fixes.
 * Islands call this and lay out fields; no tool rule lives here or in them.
 */
import { useMemo, useRef } from 'preact/hooks';
import { applyFieldFix, towardLatestEdit, type BuilderSpec } from '../../lib/builders/spec';
import { hasErrors, sortDiagnostics, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../../lib/core';
import { stamp } from './provenance';
import { useBuilderState, type BuilderState } from './useBuilderState';

export interface Builder<State extends object, Input> extends BuilderState<State> {
  spec: BuilderSpec<State, Input>;
  input: Input;
  result: GeneratorResult;
  /** The files with the provenance header (site version, target, date). */
  files: GeneratedFile[];
  /** Errors first, then warnings, then notes. */
  diagnostics: Diagnostic[];
  errors: boolean;
  /** The diagnostics that point at one field path. */
  messagesFor: (path: string) => Diagnostic[];
  /** Whether a field applies to the current state (fields that do not are hidden). */
  applies: (path: string) => boolean;
  /** Sets one top-level field, as a reader's edit. */
  set: <K extends keyof State>(key: K, value: State[K]) => void;
  /** Applies a diagnostic's fix; false when there is none for this builder. */
  fix: (diagnostic: Diagnostic) => boolean;
}

export function useBuilder<State extends object, Input>(spec: BuilderSpec<State, Input>): Builder<State, Input> {
  const builder = useBuilderState<State>(
    spec.id,
    spec.defaults,
    spec.schema,
    spec.fromProfile ? { fromProfile: spec.fromProfile } : {},
  );
  const { state, setState } = builder;
  // When the reader last edited each top-level field (a counter, not a clock): a problem two fields can fix is shown on
  // the one not edited last (towardLatestEdit). Fixes, resyncs and resets are not the reader's edits.
  const edits = useRef({ count: 0, at: new Map<string, number>() });
  const edit: typeof setState = (next) =>
    setState((prev) => {
      const value = typeof next === 'function' ? next(prev) : next;
      for (const key of Object.keys(value) as (keyof State & string)[])
        if (value[key] !== prev[key]) edits.current.at.set(key, ++edits.current.count);
      return value;
    });
  const input = useMemo(() => spec.toInput(state), [state]);
  const result = useMemo(() => spec.generate(input), [input]);
  const files = useMemo(
    () => stamp(result.files, typeof spec.target === 'function' ? spec.target(input) : spec.target),
    [result],
  );
  const diagnostics = useMemo(
    () => sortDiagnostics(towardLatestEdit(result.diagnostics, (path) => edits.current.at.get(path) ?? 0)),
    [result],
  );
  const byPath = useMemo(() => {
    const map = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) if (d.path !== undefined) map.set(d.path, [...(map.get(d.path) ?? []), d]);
    return map;
  }, [diagnostics]);
  const applicable = useMemo(() => spec.fields?.(state), [state]);

  return {
    ...builder,
    setState: edit,
    spec,
    input,
    result,
    files,
    diagnostics,
    errors: hasErrors(diagnostics),
    messagesFor: (path) => byPath.get(path) ?? [],
    applies: (path) => !applicable || applicable.has(path),
    set: (key, value) => edit((prev) => ({ ...prev, [key]: value })),
    fix: (diagnostic) => {
      const next = (spec.applyFix ?? applyFieldFix)(state, diagnostic);
      if (!next) return false;
      setState(next);
      return true;
    },
  };
}
