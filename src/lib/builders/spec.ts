/**
 * What every config builder declares, in its own library (`src/lib/<tool>/builder.ts`): pure data and functions,
 * no DOM. The builder kit (`src/components/builder/useBuilder.ts`) turns a spec into a working island, and the
 * registry (`./registry.ts`) lists every spec with the page that hosts it.
 */
import type { Diagnostic, GeneratorResult } from '../core';
import { boundDiagnostics } from '../core/excerpt';
import type { StateSchema } from '../core/share';
import type { Profile } from '../profile/model';

/** One value of a choice list with the words a reader sees. */
export interface Choice<V extends string = string> {
  value: V;
  label: string;
}

export interface BuilderSpec<State extends object = object, Input = State> {
  /** Share-link parameter (`#<id>=v1.…`) and storage key (`builder:<id>`); never changes once published. */
  id: string;
  /** The builder's name as readers see it. */
  title: string;
  /**
   * The state's version, its secret fields, and `migrate` for links and stored state made by an older version,
   * so a version bump never breaks them.
   */
  schema: StateSchema;
  /**
   * The upstream version the output targets, e.g. `Authelia 4.39`, used in provenance headers: one constant per
   * library, or one per choice where the output targets the chosen program (the DNS server).
   */
  target: string | ((input: Input) => string);
  /** The state a new reader starts from. */
  defaults: State;
  /** Derives the state from the homelab profile, keeping what the profile does not cover. */
  fromProfile?: (profile: Profile, current: State) => State;
  /**
   * The state as typed → the generator's input. Fills what a hand-made link left out or spelled with the wrong
   * type; never changes what the reader typed.
   */
  toInput: (state: State) => Input;
  generate: (input: Input) => GeneratorResult;
  /** The values each choice field may take, with their labels. */
  choices?: Readonly<Record<string, readonly Choice[]>>;
  /** The fields that apply to this state (a field not listed does not change the output and is hidden). */
  fields?: (state: State) => ReadonlySet<string>;
  /** The state with a diagnostic's fix applied, or undefined when the diagnostic carries no fix this builder can apply. */
  applyFix?: (state: State, diagnostic: Diagnostic) => State | undefined;
}

/**
 * Keeps a spec's State and Input types when it is declared as a constant, and bounds what its checks say: a message
 * quotes at most an excerpt of a long value, and a flood of one kind is folded (src/lib/core/excerpt.ts).
 */
export function defineBuilder<State extends object, Input>(spec: BuilderSpec<State, Input>): BuilderSpec<State, Input> {
  const generate = spec.generate;
  return {
    ...spec,
    generate: (input) => {
      const result = generate(input);
      return { ...result, diagnostics: boundDiagnostics(result.diagnostics, input) };
    },
  };
}

/**
 * The fix every builder gets without its own `applyFix`: a diagnostic with a `fix` that points at a top-level text
 * field sets that field to the fix.
 */
export function applyFieldFix<State extends object>(state: State, diagnostic: Diagnostic): State | undefined {
  const { path, fix } = diagnostic;
  if (fix === undefined || path === undefined || !Object.hasOwn(state, path)) return undefined;
  if (typeof (state as Record<string, unknown>)[path] !== 'string') return undefined;
  return { ...state, [path]: fix };
}

/**
 * Diagnostics as a builder shows them after the reader's edits: a problem two fields can fix (`alternative`) moves to
 * the field the reader did not edit last, with that field's fix, so applying it keeps what the reader just typed
 * instead of undoing it. `editedAt` gives when a field was last edited by the reader (higher is later, 0 never).
 */
export function towardLatestEdit(diagnostics: readonly Diagnostic[], editedAt: (path: string) => number): Diagnostic[] {
  return diagnostics.map((d) => {
    const other = d.alternative;
    if (!other || d.path === undefined || editedAt(d.path) <= editedAt(other.path)) return d;
    const moved: Diagnostic = { ...d, path: other.path, fix: other.fix };
    if (d.fix !== undefined) moved.alternative = { path: d.path, fix: d.fix };
    else delete moved.alternative;
    return moved;
  });
}
