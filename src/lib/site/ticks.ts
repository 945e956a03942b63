/** Stored ticks of a task list: a JSON array of task ids. Pure, shared by every task list. */
export type TickList = readonly string[];

/** Reads stored ticks, ignoring anything malformed or not on this list. */
export function parseTicksFor(stored: string | null | undefined, known: TickList): Set<string> {
  if (!stored) return new Set();
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return new Set();
    const ids = new Set(known);
    return new Set(value.filter((v): v is string => typeof v === 'string' && ids.has(v)));
  } catch {
    return new Set();
  }
}

export function serializeTicks(ticks: ReadonlySet<string>): string {
  return JSON.stringify([...ticks].sort());
}
