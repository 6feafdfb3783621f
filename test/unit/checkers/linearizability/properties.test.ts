// Properties: histories linearizable by construction pass; budgets and keys behave as promised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Op, Value } from '../../../../src/core/op.js';
import { checkLinearizability } from '../../../../checkers/linearizability/check-linearizability.js';
import { generateJepsenHistories } from '../../../../bench/gen/generate-jepsen-histories.js';
import { generateRegisterHistory } from '../../../../bench/gen/generate-register-history.js';

describe('linearizability properties', () => {
  it('accepts every history a simulated register produced', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          ops: fc.integer({ min: 20, max: 300 }),
          processes: fc.integer({ min: 1, max: 10 }),
          keys: fc.constantFrom(1, 3),
          values: fc.integer({ min: 2, max: 6 }),
          infoRate: fc.constantFrom(0, 0.05, 0.2),
          errorRate: fc.constantFrom(0, 0.1),
          cas: fc.boolean(),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        async (shape) => {
          const h = generateRegisterHistory(shape);
          const result = await checkLinearizability(h, {
            model: shape.cas ? 'cas-register' : 'register',
            independent: shape.keys > 1,
            workers: 0,
          });
          expect(result.unknownReason).toBeUndefined();
          expect(result.valid).toBe(true);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it('refutes generated histories with a phantom read, with a one-op counterexample', async () => {
    for (const h of generateJepsenHistories(10, true, 5)) {
      const result = await checkLinearizability(h, { model: 'cas-register', workers: 0 });
      expect(result.valid).toBe(false);
      expect(result.counterexample!.ops).toHaveLength(1);
      expect(result.counterexample!.stuck[0]!.kind).toBe('impossible');
    }
  });

  it('decides Jepsen-shaped histories within the default budget', async () => {
    for (const corrupt of [false, true]) {
      for (const h of generateJepsenHistories(20, corrupt, 9)) {
        const result = await checkLinearizability(h, {
          model: 'cas-register',
          workers: 0,
          counterexample: false,
        });
        expect(result.valid).toBe(!corrupt);
      }
    }
  });

  it('says unknown, never valid, when the budget runs out, and how far it got', async () => {
    // Valid Jepsen-shaped histories need up to ~1,250 states; 30 is too few for most of them.
    const hard = generateJepsenHistories(12, false, 1);
    const results = await Promise.all(
      hard.map((h) => checkLinearizability(h, { model: 'cas-register', workers: 0, budget: 30 })),
    );
    const unknown = results.filter((r) => r.valid === 'unknown');
    expect(unknown.length).toBeGreaterThan(6);
    for (const r of results) expect(r.valid === 'unknown' || (r.stats?.['explored'] ?? 0) <= 30).toBe(true);
    for (const r of unknown) {
      expect(r.anomalies.map((a) => a.id)).toEqual(['search-budget']);
      expect(r.unknownReason).toMatch(
        /budget of 30 states ran out after exploring \d+ states; at best \d+ of \d+ required ops/,
      );
    }
  });

  it('a budget is deterministic: the same verdict and states explored on every run', async () => {
    const [h] = generateJepsenHistories(1, 'stale', 4);
    const a = await checkLinearizability(h!, {
      model: 'cas-register',
      workers: 0,
      budget: 500,
      counterexample: false,
    });
    const b = await checkLinearizability(h!, {
      model: 'cas-register',
      workers: 0,
      budget: 500,
      counterexample: false,
    });
    expect([b.valid, b.stats?.['explored']]).toEqual([a.valid, a.stats?.['explored']]);
  });

  it('one hard key gets unknown while the other keys keep their verdicts', async () => {
    // Key "hard" holds a Jepsen-shaped history needing ~1,250 states; keys 0..4 need under 100.
    const hard = generateJepsenHistories(40, false, 1)[4];
    const events: Op[] = [];
    for (const op of hard!)
      events.push({
        ...op,
        process: `h${String(op.process)}` as unknown as number,
        value: ['hard', op.value],
      });
    const easy = generateRegisterHistory({ ops: 200, processes: 4, keys: 5, cas: true, seed: 8 });
    for (const op of easy) events.push({ ...op, process: 1000 + (op.process as number) });
    const h = events.map((op, index) => ({ ...op, index, time: index }));
    const result = await checkLinearizability(h, {
      model: 'cas-register',
      independent: true,
      workers: 0,
      budget: 300,
      allFailures: true,
    });
    const verdicts = new Map(result.keys.map((k) => [k.key as Value, k.valid]));
    expect(verdicts.get('hard')).toBe('unknown');
    for (const key of [0, 1, 2, 3, 4]) expect(verdicts.get(key)).toBe(true);
    expect(result.valid).toBe(verdicts.get('hard'));
  });

  it('worker threads give the same verdicts as the main thread', async () => {
    const h = generateRegisterHistory({
      ops: 12_000,
      processes: 10,
      keys: 40,
      cas: true,
      infoRate: 0.05,
      seed: 21,
    });
    const inline = await checkLinearizability(h, { model: 'cas-register', independent: true, workers: 0 });
    const threaded = await checkLinearizability(h, { model: 'cas-register', independent: true, workers: 2 });
    expect(inline.valid).toBe(true);
    expect(threaded.valid).toBe(true);
    expect(threaded.keys.map((k) => [k.key, k.valid, k.explored])).toEqual(
      inline.keys.map((k) => [k.key, k.valid, k.explored]),
    );
    const bad = generateRegisterHistory({
      ops: 12_000,
      processes: 10,
      keys: 40,
      cas: true,
      corrupt: true,
      seed: 22,
    });
    const refuted = await checkLinearizability(bad, { model: 'cas-register', independent: true, workers: 2 });
    expect(refuted.valid).toBe(false);
    expect(refuted.counterexample?.key).toBeDefined();
  });
});
