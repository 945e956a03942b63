/**
 * splitCompose: moves secret `environment:` values out of a compose file into `.env` (or Docker secrets), editing only
 * the scalars it moves so every other byte of the pasted file stays as it was.
 *
 * Stages, one module each: parse → findings → diagnostics about the file → grouping into variables → env mode or
 * secrets mode (text edits) → notes → render (one function per output file).
 */
import { error, info, sortDiagnostics, type GeneratorResult } from '../../core';
import { applyEdits } from './edits';
import { fileDiagnostics } from './diagnostics';
import { moveToEnv } from './env-mode';
import { findingOf } from './findings';
import { buildGroups } from './grouping';
import { noteOnce } from './notes';
import { parseCompose } from './parse';
import { emptyResult, renderFiles } from './render';
import { applySecretsMode } from './secrets-mode';
import { defaultSplitOptions, type Context, type Finding, type SplitOptions } from './types';

export { findSecrets } from './findings';
export { yamlDoubleQuoted } from './edits';
export { defaultSplitOptions, MAX_INPUT_CHARS } from './types';
export type { Finding, SplitOptions } from './types';

export interface SplitWithFindings extends GeneratorResult {
  /** Every environment entry, as `findSecrets(source, { all: true })` lists them. */
  findings: Finding[];
  /** False when the text could not be read as a compose file: the files then only hold the unchanged text and a note. */
  generated: boolean;
}

function split(source: string, options: Required<SplitOptions>): SplitWithFindings {
  const parsed = parseCompose(source);
  if (!parsed.model) return { ...emptyResult(source, options, parsed.diagnostics), findings: [], generated: false };
  const ctx: Context = {
    src: source,
    nl: source.includes('\r\n') ? '\r\n' : '\n',
    model: parsed.model,
    lines: parsed.lines,
    options,
    diagnostics: [...parsed.diagnostics],
    edits: [],
  };
  const existing = parsed.model.references;
  fileDiagnostics(ctx, existing);
  const all = parsed.model.entries.map((entry) => ({ entry, finding: findingOf(entry, ctx.lines) }));
  const chosen = all.filter(({ finding }) => finding.movable && (options.move[finding.id] ?? finding.secret));
  const groups = buildGroups(ctx, chosen, existing);
  if (options.mode === 'secrets') applySecretsMode(ctx, groups);
  else for (const group of groups) moveToEnv(ctx, group);
  noteOnce(ctx, groups);
  if (!groups.length)
    ctx.diagnostics.push(info('nothing-to-move', 'No value is selected to move; the compose file is unchanged.'));
  const output = applyEdits(source, ctx.edits);
  return {
    files: renderFiles(ctx, groups, output),
    diagnostics: sortDiagnostics(ctx.diagnostics),
    findings: all.map(({ finding }) => finding),
    generated: true,
  };
}

/**
 * `splitCompose` and `findSecrets(source, { all: true })` from one parse, for a UI that shows the toggles next to the
 * output while the user types. Never throws.
 */
export function splitWithFindings(source: string, options: SplitOptions = {}): SplitWithFindings {
  const resolved: Required<SplitOptions> = { ...defaultSplitOptions, ...options, move: options.move ?? {} };
  try {
    return split(source, resolved);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    const result = emptyResult(source, resolved, [
      error(
        'internal-error',
        `The splitter failed on this input (${message}). Your text is unchanged; please report the problem.`,
      ),
    ]);
    return { ...result, findings: [], generated: false };
  }
}

/**
 * Splits a compose file: secret environment values move to `.env` (or Docker secrets), the compose file keeps every other byte.
 * Never throws: problems become diagnostics, and the pasted text is returned unchanged when nothing can be generated.
 */
export function splitCompose(source: string, options: SplitOptions = {}): GeneratorResult {
  const { files, diagnostics } = splitWithFindings(source, options);
  return { files, diagnostics };
}
