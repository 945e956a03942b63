import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveRow, removeRow } from '../../../src/components/builder/rows';

describe('row lists', () => {
  it('moveRow swaps with the neighbour and keeps every row', () => {
    expect(moveRow(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });
  it('moveRow past either end changes nothing', () => {
    expect(moveRow(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveRow(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
  it('moving down then up is the identity; rows are never lost', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 2 }), fc.nat(), (rows, at) => {
        const index = at % (rows.length - 1);
        expect(moveRow(moveRow(rows, index, 1), index + 1, -1)).toEqual(rows);
        expect([...moveRow(rows, index, 1)].sort()).toEqual([...rows].sort());
      }),
    );
  });
  it('removeRow drops exactly one row', () => {
    expect(removeRow(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(removeRow(['a'], 3)).toEqual(['a']);
  });
});
