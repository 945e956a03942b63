/** Which findings move, and the counts a reader sees: values that look secret, moved, and left inline. */
import { warning } from '../../core';
import type { Context, Finding } from './types';

/** The one rule for "does this value move": the reader's choice for it, else the detection verdict; never when blocked. */
export function isMoved(finding: Finding, move: Readonly<Record<string, boolean>> | undefined): boolean {
  return finding.movable && (move?.[finding.id] ?? finding.secret);
}

/** Values that look secret but stay written in the compose file (not movable, or unticked). */
export function leftInline(findings: readonly Finding[], move: Readonly<Record<string, boolean>> | undefined): Finding[] {
  return findings.filter((finding) => finding.secret && !isMoved(finding, move));
}

export interface SplitSummary {
  /** Values that look secret. */
  secret: number;
  /** Values that will be moved out (secret or chosen by the reader). */
  moved: number;
  /** Values that look secret and stay in the compose file. */
  leftInline: number;
}

export function summarize(findings: readonly Finding[], move: Readonly<Record<string, boolean>> | undefined): SplitSummary {
  return {
    secret: findings.filter((finding) => finding.secret).length,
    moved: findings.filter((finding) => isMoved(finding, move)).length,
    leftInline: leftInline(findings, move).length,
  };
}

/** One warning per value that looks secret and stays in the file, saying where and why. */
export function noteLeftInline(ctx: Context, findings: readonly Finding[], move: Readonly<Record<string, boolean>>): void {
  for (const finding of leftInline(findings, move)) {
    const why = finding.movable ? 'you chose to keep it there' : finding.reason;
    ctx.diagnostics.push(
      warning(
        'secret-left-inline',
        `${finding.key} in ${finding.services.join(', ')} looks secret and stays in the compose file: ${why}`,
        { line: finding.line, column: finding.column, path: finding.id },
      ),
    );
  }
}
