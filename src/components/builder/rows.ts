/**
 * Lists of rows in a builder form (rules, hosts, users, services): add, move and remove, each announced to screen
 * readers and leaving the keyboard somewhere sensible — on the new row, on the moved row, or on the row that took the
 * removed one's place.
 */
import { announce } from './announce';

/** The list with one item moved by one place; unchanged when the move would leave the list. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The list without one item. */
export function removeRow<T>(rows: readonly T[], index: number): T[] {
  return rows.filter((_, at) => at !== index);
}

interface RowListOptions<T> {
  /** How many rows there are now. */
  count: number;
  /** Applies a change to the rows (as a reader's edit). */
  update: (change: (rows: T[]) => T[]) => void;
  /** What a row is, capitalised for the announcement: "Rule", "Host", "User". */
  noun: string;
  /** A new, empty row. */
  blank: () => T;
  /** The id of the element to focus in row `index` (usually its first field). */
  focusId: (index: number) => string;
  /** The id of the "Add" button, focused when the last row is removed. */
  addId?: string;
}

export interface RowList {
  add: () => void;
  move: (index: number, by: -1 | 1) => void;
  remove: (index: number) => void;
}

function focusLater(id: string | undefined): void {
  if (!id) return;
  window.requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function rowList<T>({ count, update, noun, blank, focusId, addId }: RowListOptions<T>): RowList {
  return {
    add: () => {
      update((rows) => [...rows, blank()]);
      announce(`${noun} ${count + 1} added`);
      focusLater(focusId(count));
    },
    move: (index, by) => {
      const target = index + by;
      if (target < 0 || target >= count) return;
      update((rows) => moveRow(rows, index, by));
      announce(`${noun} ${index + 1} moved ${by < 0 ? 'up' : 'down'} to position ${target + 1}`);
      focusLater(focusId(target));
    },
    remove: (index) => {
      update((rows) => removeRow(rows, index));
      announce(`${noun} ${index + 1} removed`);
      const left = count - 1;
      focusLater(left === 0 ? addId : focusId(Math.min(index, left - 1)));
    },
  };
}
