/**
 * The doctor: paste an error or a log, get the cause, the fix and the builder field to change. Pure: no DOM, no
 * network; the page runs it in a worker for large pastes.
 */
import { detectConfigs } from './config';
import { normalizeLine, splitLines } from './normalize';
import { redact } from './redact';
import { SIGNATURES } from './signatures';
import type { Diagnosis, Finding, Signature } from './types';

export type { BuilderLink, ConfigCheck, Diagnosis, Finding, FixStep, Handoff, Signature, Tool } from './types';
export { SIGNATURES } from './signatures';
export { redact } from './redact';
export { normalizeLine, splitLines, stripAnsi, unwrapJson, MAX_LINE_CHARS } from './normalize';

/** Pastes longer than this are cut for matching (the redaction still covers the whole text). */
export const MAX_DIAGNOSE_CHARS = 4_000_000;
/** At most this many line numbers are kept per finding. */
export const MAX_LINES_PER_FINDING = 200;

const BY_ID = new Map(SIGNATURES.map((signature) => [signature.id, signature]));

function toFinding(signature: Signature, lines: number[]): Finding {
  return {
    id: signature.id,
    tool: signature.tool,
    title: signature.title,
    cause: signature.cause,
    fix: signature.fix,
    lines,
    guide: signature.guide,
    ...(signature.builder ? { builder: signature.builder } : {}),
  };
}

/** The findings for the log lines of a paste (normalised lines in, 1-based line numbers out). */
export function matchLines(lines: readonly string[]): Finding[] {
  const hits = new Map<string, Set<number>>();
  lines.forEach((line, index) => {
    if (line.length < 8) return;
    const lower = line.toLowerCase();
    const matched: Signature[] = [];
    for (const signature of SIGNATURES) {
      if (lower.includes(signature.needle) && signature.pattern.test(line)) matched.push(signature);
    }
    const superseded = new Set(matched.flatMap((signature) => signature.supersedes ?? []));
    for (const signature of matched) {
      if (superseded.has(signature.id)) continue;
      let set = hits.get(signature.id);
      if (!set) hits.set(signature.id, (set = new Set()));
      if (set.size < MAX_LINES_PER_FINDING) set.add(index + 1);
    }
  });
  const findings = [...hits].map(([id, lineSet]) => toFinding(BY_ID.get(id) as Signature, [...lineSet]));
  return findings.sort(
    (a, b) =>
      (BY_ID.get(b.id)?.specificity ?? 0) - (BY_ID.get(a.id)?.specificity ?? 0) ||
      (a.lines[0] ?? 0) - (b.lines[0] ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Recognises known messages on any line of `text`, and pasted configuration files. Never throws; every finding
 * names at least one line. `redacted` is the whole text with addresses, names and secrets replaced.
 */
export function diagnoseText(text: string): Diagnosis {
  const input = typeof text === 'string' ? text : '';
  let findings: Finding[];
  let redacted: string;
  try {
    const scanned = input.length > MAX_DIAGNOSE_CHARS ? input.slice(0, MAX_DIAGNOSE_CHARS) : input;
    const lines = splitLines(scanned).map(normalizeLine);
    findings = [...matchLines(lines), ...detectConfigs(scanned, lines)].filter((finding) => finding.lines.length > 0);
  } catch {
    findings = [];
  }
  try {
    redacted = redact(input);
  } catch {
    redacted = '';
  }
  return { findings, redacted };
}
