import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, opIndexes, rowOf, rowsByLane } from '../../../../reports/client/op-rows.js';

const ascending = fc
  .array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 })
  .map((a) => a.sort((x, y) => x - y));

describe('op rows', () => {
  it('rowOf finds an invocation index by binary search, like a linear scan', () => {
    fc.assert(
      fc.property(
        ascending.map((a) => [...new Set(a)]),
        fc.integer({ min: -1, max: 52 }),
        (inv, index) => {
          expect(rowOf(Int32Array.from(inv), index)).toBe(inv.indexOf(index));
        },
      ),
    );
  });

  it('firstAtOrAfter is the first start >= t, like a linear scan', () => {
    fc.assert(
      fc.property(ascending, fc.double({ min: -1, max: 52, noNaN: true }), (start, t) => {
        const linear = start.findIndex((s) => s >= t);
        expect(firstAtOrAfter(Float64Array.from(start), t)).toBe(linear < 0 ? start.length : linear);
      }),
    );
  });

  it('reads data-ops attributes', () => {
    expect(opIndexes('3 17 42')).toEqual([3, 17, 42]);
    expect(opIndexes('')).toEqual([]);
    expect(opIndexes(null)).toEqual([]);
  });

  it('groups rows by lane in ascending order', () => {
    const lanes = rowsByLane(Uint8Array.from([1, 0, 1, 2, 0]), 4);
    expect(lanes.map((l) => [...l])).toEqual([[1, 4], [0, 2], [3], []]);
  });
});
