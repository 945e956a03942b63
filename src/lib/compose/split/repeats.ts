/**
 * A moved secret written again elsewhere in a service (`redis-server --requirepass "…"` repeating the value moved out
 * of REDIS_HOST_PASSWORD): each repetition is replaced by the same variable, so the value leaves the file entirely.
 */
import { otherScalars, type Place } from './inline';
import { isLiteralSpan } from './shell-words';
import type { Context, Group, InlineValue } from './types';

/** Shorter values are too likely to be ordinary words inside other settings. */
const MIN_REPEATED_LENGTH = 6;

function overlaps(inline: readonly InlineValue[], candidate: Pick<InlineValue, 'node' | 'start' | 'end'>): boolean {
  return inline.some((other) => other.node === candidate.node && other.start < candidate.end && candidate.start < other.end);
}

/**
 * Adds each repetition (outside the inline values already found, moved or not) of a moved secret's value to its group,
 * as an inline value that follows the group's choice. Values are looked up by their first characters, so a large file
 * costs one pass over its text rather than one per value.
 */
export function attachRepeats(ctx: Context, groups: readonly Group[], allInline: readonly InlineValue[]): void {
  const byPrefix = new Map<string, { group: Group; written: string }[]>();
  for (const group of groups) {
    const secret = group.entries.length > 0 && group.findings.some((finding) => finding.secret);
    if (!secret || group.value.length < MIN_REPEATED_LENGTH) continue;
    const written = group.value.replaceAll('$', '$$');
    const prefix = written.slice(0, MIN_REPEATED_LENGTH);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), { group, written }]);
  }
  if (!byPrefix.size) return;
  const entryNodes = new Set(ctx.model.entries.map((entry) => entry.node));
  const taken = [...allInline];
  for (const place of otherScalars(ctx.model, entryNodes)) {
    const text = String(place.node.value);
    for (let start = 0; start + MIN_REPEATED_LENGTH <= text.length; start++) {
      const candidates = byPrefix.get(text.slice(start, start + MIN_REPEATED_LENGTH));
      if (!candidates) continue;
      for (const { group, written } of candidates) {
        const end = start + written.length;
        if (!text.startsWith(written, start)) continue;
        if (!isLiteralSpan(text, start, end) || overlaps(taken, { node: place.node, start, end })) continue;
        const repeat = repeatOf(ctx, place, group, start, end);
        group.inline.push(repeat);
        taken.push(repeat);
      }
    }
  }
}

function repeatOf(ctx: Context, place: Place, group: Group, start: number, end: number): InlineValue {
  const path = ctx.model.paths.get(place.node) ?? `services.${place.service}`;
  return {
    id: `${path}:${group.name}`,
    field: place.field,
    services: [place.service],
    node: place.node,
    inFlow: place.inFlow,
    form: place.form,
    start,
    end,
    value: group.value,
    label: group.key,
    variable: group.name,
    rule: group.findings[0]?.rule ?? 'key-name',
    reason: `It repeats the value moved out of ${group.key}.`,
  };
}
