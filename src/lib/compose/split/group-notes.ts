/**
 * Keeps the list of checks readable on a large file: each kind of note is shown a few times, the rest folded into one
 * line that counts them and names where the first of them are; every message is cut to a short length.
 */
import type { Diagnostic } from '../../core';

/** Notes of one kind shown one by one before the rest are folded. */
export const SHOWN_PER_KIND = 3;
/** Places named in a folded line. */
const PLACES_NAMED = 5;
/** The longest message shown; longer ones (a huge key or value echoed back) are cut. */
export const MAX_MESSAGE_CHARS = 600;

/** A short excerpt of user text for a message: at most `max` characters, cut with an ellipsis. */
export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function where(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.line !== undefined) return `line ${diagnostic.line}`;
  return diagnostic.path === undefined ? undefined : excerpt(diagnostic.path, 80);
}

/** Folds every kind (code) beyond SHOWN_PER_KIND into one diagnostic of the same code and severity; order kept. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const byCode = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const sameKind = byCode.get(diagnostic.code);
    if (sameKind) sameKind.push(diagnostic);
    else byCode.set(diagnostic.code, [diagnostic]);
  }
  const out: Diagnostic[] = [];
  const folded = new Set<string>();
  const seen = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    const sameKind = byCode.get(diagnostic.code) ?? [];
    const index = seen.get(diagnostic.code) ?? 0;
    seen.set(diagnostic.code, index + 1);
    const message = excerpt(diagnostic.message, MAX_MESSAGE_CHARS);
    if (sameKind.length <= SHOWN_PER_KIND + 1 || index < SHOWN_PER_KIND) {
      out.push(message === diagnostic.message ? diagnostic : { ...diagnostic, message });
      continue;
    }
    if (folded.has(diagnostic.code)) continue;
    folded.add(diagnostic.code);
    const rest = sameKind.slice(SHOWN_PER_KIND);
    const places = rest.map(where).filter((place) => place !== undefined);
    const named = places.slice(0, PLACES_NAMED).join(', ');
    const more = places.length > PLACES_NAMED ? ` and ${places.length - PLACES_NAMED} more` : '';
    out.push({
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: `The same applies in ${rest.length} more places${named ? ` (${named}${more})` : ''}.`,
    });
  }
  return out;
}
