import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realtimePairs } from '../../../../checkers/transactional/realtime-edges.js';

describe('sparse real-time order', () => {
  it('has exactly "completed before invoked" as its transitive closure', () => {
    const interval = fc.tuple(fc.nat(50), fc.nat(20), fc.boolean());
    fc.assert(
      fc.property(fc.array(interval, { minLength: 1, maxLength: 12 }), (spec) => {
        const n = spec.length;
        const inv = Float64Array.from(spec, ([a]) => a);
        const end = Float64Array.from(spec, ([a, d, crashed]) => (crashed ? Infinity : a + d + 1));
        const reach = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
        let edges = 0;
        realtimePairs(
          Int32Array.from({ length: n }, (_, i) => i),
          inv,
          end,
          (a, b) => {
            reach[a]![b] = true;
            edges++;
          },
        );
        for (let k = 0; k < n; k++)
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) expect(reach[i]![j], `${i} -> ${j}`).toBe(i !== j && end[i]! < inv[j]!);
        }
        expect(edges).toBeLessThanOrEqual(n * n);
      }),
      { numRuns: 300 },
    );
  });

  it('stays sparse for sequential processes', () => {
    // 4 processes each running 250 back-to-back txns: about 4 edges per txn, not n^2 / 2.
    const n = 1000;
    const inv = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 4) * 10 + (i % 4));
    const end = Float64Array.from(inv, (t) => t + 8);
    let edges = 0;
    realtimePairs(
      Int32Array.from({ length: n }, (_, i) => i),
      inv,
      end,
      () => edges++,
    );
    expect(edges).toBeLessThan(8 * n);
  });
});
