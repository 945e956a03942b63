/**
 * splitCompose: moves secret `environment:` values out of a compose file into `.env` (or Docker secrets), editing only
 * the scalars it moves so every other byte of the pasted file stays as it was.
 *
 * Stages, one module each: parse → findings → diagnostics about the file → grouping into variables → env mode or
 * secrets mode (text edits) → notes → render (one function per output file).
 */
import { error, info, sortDiagnostics, type GeneratorResult } from '../../core';
import { applyEdits, replaceInlineValues } from './edits';
import { fileDiagnostics } from './diagnostics';
import { moveToEnv } from './env-mode';
import { readFindings } from './findings';
import { groupDiagnostics } from './group-notes';
import { buildGroups } from './grouping';
import { lintFile } from './lint';
import { noteOnce } from './notes';
import { parseCompose } from './parse';
import { emptyResult, renderFiles } from './render';
import { attachRepeats } from './repeats';
import { applySecretsMode } from './secrets-mode';
import { isMoved, noteLeftInline } from './summary';
import { defaultSplitOptions, type Context, type Finding, type SplitOptions } from './types';

export { findSecrets } from './findings';
export { yamlDoubleQuoted } from './edits';
export { defaultSplitOptions, MAX_INPUT_CHARS } from './types';
export type { Finding, FindingField, SplitOptions } from './types';
export { isMoved, leftInline, summarize, type SplitSummary } from './summary';
export { fieldWords } from './types';

export interface SplitWithFindings extends GeneratorResult {
  /** Every environment and label entry and every inline secret, as `findSecrets(source, { all: true })` lists them. */
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
  lintFile(ctx);
  fileDiagnostics(ctx, existing);
  const found = readFindings(parsed.model, source, ctx.lines);
  const chosen = found.entries.filter(({ finding }) => isMoved(finding, options.move));
  const chosenInline = found.inline.filter(({ finding }) => isMoved(finding, options.move));
  const groups = buildGroups(ctx, chosen, chosenInline, existing);
  attachRepeats(
    ctx,
    groups,
    found.inline.map(({ inline }) => inline),
  );
  if (options.mode === 'secrets') applySecretsMode(ctx, groups);
  else for (const group of groups) moveToEnv(ctx, group);
  replaceInlineValues(ctx, groups);
  noteOnce(ctx, groups);
  const findings = [...found.entries, ...found.inline].map(({ finding }) => finding);
  noteLeftInline(ctx, findings, options.move);
  if (!groups.length)
    ctx.diagnostics.push(info('nothing-to-move', 'No value is selected to move; the compose file is unchanged.'));
  const output = applyEdits(source, ctx.edits);
  return {
    files: renderFiles(ctx, groups, output),
    diagnostics: groupDiagnostics(sortDiagnostics(ctx.diagnostics)),
    findings,
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
