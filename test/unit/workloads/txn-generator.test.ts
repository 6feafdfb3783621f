import { describe, expect, it } from 'vitest';
import { limit } from '../../../src/generator/limit.js';
import { simulate } from '../../../src/generator/simulate.js';
import { txnGenerator } from '../../../workloads/list-append/txn-generator.js';
import { bankGenerator } from '../../../workloads/bank/bank-generator.js';

const run = (seed: number) =>
  simulate(limit(500, txnGenerator({ write: 'append', activeKeys: 3, maxWritesPerKey: 4 })), {
    threads: [0, 1, 2],
    seed,
  }).filter((e) => e.type === 'invoke');

describe('txnGenerator', () => {
  it('is deterministic for a seed', () => {
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('writes unique values, at most maxWritesPerKey per key, 1..4 micro-ops per txn', () => {
    const seen = new Set<number>();
    const perKey = new Map<number, number>();
    for (const e of run(1)) {
      const mops = e.value as [string, number, number | null][];
      expect(mops.length).toBeGreaterThanOrEqual(1);
      expect(mops.length).toBeLessThanOrEqual(4);
      for (const [f, k, v] of mops) {
        if (f === 'r') {
          expect(v).toBeNull();
          continue;
        }
        expect(f).toBe('append');
        expect(seen.has(v!)).toBe(false);
        seen.add(v!);
        perKey.set(k, (perKey.get(k) ?? 0) + 1);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(Math.max(...perKey.values())).toBeLessThanOrEqual(4);
  });
});

describe('bankGenerator', () => {
  it('transfers between distinct accounts and reads', () => {
    const ops = simulate(limit(300, bankGenerator(5)), { threads: [0, 1], seed: 3 }).filter(
      (e) => e.type === 'invoke',
    );
    const transfers = ops
      .filter((o) => o.f === 'transfer')
      .map((o) => o.value as { from: number; to: number; amount: number });
    expect(ops.some((o) => o.f === 'read')).toBe(true);
    for (const t of transfers) {
      expect(t.from).not.toBe(t.to);
      expect(t.amount).toBeGreaterThanOrEqual(1);
      expect(Math.max(t.from, t.to)).toBeLessThan(5);
    }
  });
});
