import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampView } from '../../../../reports/client/view-range.js';

describe('clampView', () => {
  it('keeps a range inside the run as it is', () => {
    expect(clampView(2, 5, 10, 1e-3)).toEqual({ t0: 2, t1: 5 });
  });

  it('widens to minSpan, narrows to the whole run, and slides back inside', () => {
    expect(clampView(4, 4.5, 100, 2)).toEqual({ t0: 4, t1: 6 });
    expect(clampView(-50, 500, 100, 1)).toEqual({ t0: -1, t1: 101 });
    expect(clampView(95, 105, 100, 1)).toEqual({ t0: 92, t1: 102 });
  });

  it('is always between -1% and +2% of the run and at least minSpan wide (if the run is)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 2, noNaN: true }),
        (t0, width, end, minSpan) => {
          const v = clampView(t0, t0 + width, end, minSpan);
          const eps = end * 1e-9;
          expect(v.t0).toBeGreaterThanOrEqual(-end * 0.01 - eps);
          expect(v.t1).toBeLessThanOrEqual(end * 1.02 + eps);
          expect(v.t1 - v.t0).toBeGreaterThanOrEqual(Math.min(minSpan, end * 1.02) - eps);
        },
      ),
    );
  });
});
