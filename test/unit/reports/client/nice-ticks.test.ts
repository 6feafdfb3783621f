import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../../reports/client/nice-ticks.js';

describe('niceTicks', () => {
  it('picks round steps', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 9.5, 4)).toEqual([0, 5]);
    expect(niceTicks(3, 47, 4)).toEqual([20, 40]);
    // Step 5 would miss 0.1..4.12 altogether: the next smaller one, 2, is taken.
    expect(niceTicks(0.1, 4.12, 2)).toEqual([2, 4]);
    expect(niceTicks(0, 1, 10)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    // 10^9 × 0.001 is 999999.9999999999, below lo; 10^9 / 1000 is 10^6.
    expect(niceTicks(1e6, 1e6 + 0.001, 6)).toEqual([
      1e6, 1000000.0002, 1000000.0004, 1000000.0006, 1000000.0008, 1000000.001,
    ]);
  });

  it('gives just lo for an empty range', () => {
    expect(niceTicks(0, 0, 5)).toEqual([0]);
    expect(niceTicks(4, 2, 5)).toEqual([4]);
  });

  it('keeps at least minStep between ticks (whole op indexes on a short index axis)', () => {
    expect(niceTicks(0, 3, 10, 1)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(2.2, 4.9, 20, 1)).toEqual([3, 4]);
  });

  it('ticks lie in [lo, hi], ascend by one 1/2/5 × 10^k step, about count of them', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (lo, span, count) => {
          const hi = lo + span;
          const ticks = niceTicks(lo, hi, count);
          expect(ticks.length).toBeGreaterThanOrEqual(1);
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
          expect(ticks.length).toBeLessThanOrEqual(2 * count + 2);
          for (const t of ticks) {
            expect(t).toBeGreaterThanOrEqual(lo);
            expect(t).toBeLessThanOrEqual(hi + 1e-9 + Math.abs(hi) * 1e-12);
          }
          if (ticks.length > 1) {
            // Far from zero, two ticks' difference carries their rounding error (a few ulps of
            // the ticks), which can be a sizeable part of a small step.
            const step = ticks[1]! - ticks[0]!;
            const slack =
              1e-9 * step + 8 * Number.EPSILON * Math.max(Math.abs(ticks[0]!), Math.abs(ticks[1]!));
            const k = Math.round(Math.log10(step));
            const nice = [k - 1, k, k + 1].flatMap((e) => [1, 2, 5].map((m) => m * 10 ** e));
            expect(nice.some((n) => Math.abs(step - n) <= slack)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
