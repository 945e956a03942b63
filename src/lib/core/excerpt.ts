/**
 * The one owner of how messages quote what a reader typed: a short excerpt, never a whole paste, and a flood of
 * messages of one kind folded into a few. Every builder's results go through `boundDiagnostics` (see
 * `defineBuilder` in src/lib/builders/spec.ts), so no check needs to remember it.
 */
import type { Diagnostic } from './index';

/** Longest typed value a message quotes whole. */
const WHOLE = 80;
/** Longest message once quoted values are cut down (a message's own words fit in far less). */
const MAX_MESSAGE = 900;
/** Messages of one kind on one field shown before the rest are folded into a count. */
const SHOWN_PER_KIND = 3;

/**
 * A typed value as messages quote it: whole up to 80 characters (Authelia's exact wording), else a short excerpt with
 * its length, so a pasted megabyte is never echoed back.
 */
export function shownValue(value: string): string {
  return value.length <= WHOLE ? value : `${value.slice(0, 40)}… (${value.length} characters)`;
}

/** Every string in a value (the typed fields of a builder's input), longest first. */
function longTexts(value: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (typeof value === 'string') {
    if (value.length > WHOLE) out.add(value).add(value.trim());
  } else if (depth < 6 && Array.isArray(value)) for (const item of value) longTexts(item, out, depth + 1);
  else if (depth < 6 && value && typeof value === 'object')
    for (const item of Object.values(value)) longTexts(item, out, depth + 1);
  return out;
}

/**
 * A message with every long typed value it quotes cut to an excerpt: first the values as typed (`typed`), then any
 * other run of more than 80 characters without a space (an escaped or joined form of one), then the whole message
 * capped so a quoted multi-line paste can't carry it past a few lines.
 */
export function boundMessage(message: string, typed: Iterable<string> = []): string {
  let out = message;
  for (const value of [...typed].sort((a, b) => b.length - a.length)) {
    if (value.length > WHOLE && out.includes(value)) out = out.split(value).join(shownValue(value));
  }
  out = out.replace(/\S{81,}/g, (run) => shownValue(run));
  return out.length <= MAX_MESSAGE ? out : `${out.slice(0, MAX_MESSAGE - 1)}… (message shortened from ${out.length} characters)`;
}

/**
 * Diagnostics with bounded messages and fixes, and with more than three of one kind (code) on one field folded into
 * the first three plus one that counts the rest.
 */
export function boundDiagnostics(diagnostics: readonly Diagnostic[], input: unknown): Diagnostic[] {
  const typed = longTexts(input);
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const kind = `${diagnostic.severity}\u0000${diagnostic.code}\u0000${diagnostic.path ?? ''}`;
    const count = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, count);
    if (count > SHOWN_PER_KIND) continue;
    out.push({ ...diagnostic, message: boundMessage(diagnostic.message, typed) });
  }
  for (const [kind, count] of seen) {
    if (count <= SHOWN_PER_KIND) continue;
    const [severity, code, path] = kind.split('\u0000') as [Diagnostic['severity'], string, string];
    const first = out.findIndex((d) => d.code === code && d.severity === severity && (d.path ?? '') === path);
    const more = count - SHOWN_PER_KIND;
    out.splice(first + SHOWN_PER_KIND, 0, {
      severity,
      code,
      message: `…and ${more} more like ${more === 1 ? 'it' : 'these'} (${count} in all); fix the ones above and the rest show up here.`,
      ...(path ? { path } : {}),
    });
  }
  return out;
}
