import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING, TransitionCache } from '../../../../checkers/linearizability/transition-cache.js';

describe('TransitionCache', () => {
  it('answers as a Map of (state, kind) pairs does, through growth, up to its cap', () => {
    const op = fc.record({
      s: fc.integer({ min: 0, max: 2_000 }),
      k: fc.integer({ min: 0, max: 20 }),
      result: fc.integer({ min: -1, max: 1 << 30 }),
    });
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 600, maxLength: 3_000 }),
        fc.integer({ min: 1, max: 4_000 }),
        (ops, max) => {
          const cache = new TransitionCache(max);
          const oracle = new Map<string, number>();
          for (const { s, k, result } of ops) {
            const key = `${s},${k}`;
            expect(cache.get(s, k)).toBe(oracle.get(key) ?? MISSING);
            if (oracle.has(key)) continue;
            cache.set(s, k, result);
            if (oracle.size < max) oracle.set(key, result);
          }
          expect(cache.size).toBe(oracle.size);
          for (const [key, result] of oracle) {
            const [s, k] = key.split(',').map(Number) as [number, number];
            expect(cache.get(s, k)).toBe(result);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tells apart pairs whose state and kind are swapped, and state 0 from an empty slot', () => {
    const cache = new TransitionCache(10);
    cache.set(0, 0, 7);
    cache.set(1, 2, 3);
    expect(cache.get(0, 0)).toBe(7);
    expect(cache.get(2, 1)).toBe(MISSING);
    expect(cache.get(1, 2)).toBe(3);
  });
});
