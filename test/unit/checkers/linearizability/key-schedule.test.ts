// Scheduling of keys, memory caps and counterexample bounds: a hard key never holds up a refutation,
// the reported key does not depend on workers, and a cap ends a key `unknown`, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetSlices } from '../../../../checkers/linearizability/run-partitions.js';
import { checkLinearizability } from '../../../../checkers/linearizability/check-linearizability.js';
import type { LinearizabilityOptions } from '../../../../checkers/linearizability/linearizability-options.js';
import type { Op } from '../../../../src/core/op.js';
import { generateRegisterHistory } from '../../../../bench/gen/generate-register-history.js';
import { call, history, info, invoke, ok, type EventSpec } from '../../../support/history.js';

/** Key "h": `n` crashed appends of distinct values, then a get of a value no order builds; exponential to refute. */
function hardKey(n: number, key = 'h'): EventSpec[] {
  const reader = 1000;
  const out: EventSpec[] = [];
  for (let p = 0; p < n; p++) out.push(invoke(100 + p, 'append', [key, `v${p} `]));
  for (let p = 0; p < n; p++) out.push(info(100 + p, 'append', [key, `v${p} `]));
  out.push(invoke(reader, 'get', [key, null]), ok(reader, 'get', [key, 'nope']));
  return out;
}

/** Key "e": a put, then a get of another value: refuted at once. */
const easyRefuted: EventSpec[] = [
  ...call(2000, 'put', ['e', 'a']),
  ...call(2000, 'get', ['e', null], ['e', 'b']),
];

const kv: LinearizabilityOptions = { model: 'kv-append', workers: 0 };

describe('key scheduling', () => {
  it('budget slices end at the full budget and cost less than a third of it in restarts, for any budget', () => {
    expect(budgetSlices(2_000_000)).toEqual([31_250, 125_000, 500_000, 2_000_000]);
    expect(budgetSlices(1_000)).toEqual([1_000]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (full) => {
        const slices = budgetSlices(full);
        expect(slices.at(-1)).toBe(full);
        expect(slices[0]! >= 16_384 || slices.length === 1).toBe(true);
        for (let i = 1; i < slices.length; i++) expect(slices[i - 1]).toBe(Math.floor(slices[i]! / 4));
        const restarts = slices.slice(0, -1).reduce((sum, b) => sum + b, 0);
        expect(restarts).toBeLessThan(full / 3);
      }),
    );
  });

  it('a hard key does not hold up the refutation of an easy one, and is skipped', async () => {
    const h = history(...hardKey(14), ...easyRefuted);
    const result = await checkLinearizability(h, kv);
    expect(result.valid).toBe(false);
    expect(result.keys.map((k) => k.key)).toEqual(['e']);
    expect(result.skippedKeys).toBe(1);
    expect(result.counterexample?.key).toBe('e');
    // The hard key got only the first slice, not the default 2M-state budget.
    expect(result.stats?.['explored'] ?? 0).toBeLessThan(100_000);
  });

  it('with allFailures every key gets its whole budget: the hard key ends unknown at that budget', async () => {
    const h = history(...hardKey(14), ...easyRefuted);
    const result = await checkLinearizability(h, { ...kv, allFailures: true, budget: 40_000 });
    const verdicts = new Map(result.keys.map((k) => [k.key, k]));
    expect(verdicts.get('e')?.valid).toBe(false);
    expect(verdicts.get('h')?.valid).toBe('unknown');
    expect(verdicts.get('h')?.explored).toBe(40_000);
    expect(verdicts.get('h')?.unknownReason).toMatch(/budget of 40000 states ran out/);
  });

  it('a key undecided in a slice is decided in a later one, with the verdict of a single full search', async () => {
    // Two valid keys: a big one needing more than the first slice, and a small one.
    const big = generateRegisterHistory({ ops: 10_000, processes: 20, cas: true, seed: 42 });
    const events: Op[] = [];
    for (const op of big) events.push({ ...op, value: ['big', op.value] });
    const small = history(...call(0, 'write', ['s', 1]), ...call(0, 'read', ['s', null], ['s', 1]));
    for (const op of small) events.push({ ...op, process: 5000 });
    const h = events.map((op, index) => ({ ...op, index, time: index }));
    const options: LinearizabilityOptions = { model: 'cas-register', independent: true, workers: 0 };
    const scheduled = await checkLinearizability(h, options);
    const whole = await checkLinearizability(h, { ...options, allFailures: true });
    expect(scheduled.valid).toBe(true);
    expect(scheduled.keys.map((k) => [k.key, k.valid, k.explored])).toEqual(
      whole.keys.map((k) => [k.key, k.valid, k.explored]),
    );
    expect(scheduled.keys.find((k) => k.key === 'big')!.explored).toBeGreaterThan(16_384);
  });

  it('the verdict and the reported key are the same on the main thread and on workers', async () => {
    const bad = generateRegisterHistory({
      ops: 24_000,
      processes: 10,
      keys: 40,
      cas: true,
      corrupt: true,
      seed: 5,
    });
    const inline = await checkLinearizability(bad, { model: 'cas-register', independent: true, workers: 0 });
    for (const workers of [2, 3]) {
      const threaded = await checkLinearizability(bad, { model: 'cas-register', independent: true, workers });
      expect(threaded.valid).toBe(false);
      expect(threaded.counterexample?.key).toEqual(inline.counterexample?.key);
      expect(threaded.keys.map((k) => [k.key, k.valid, k.explored])).toEqual(
        inline.keys.map((k) => [k.key, k.valid, k.explored]),
      );
      expect(threaded.skippedKeys).toBe(inline.skippedKeys);
    }
  });
});

describe('memory caps', () => {
  it('a budget of 50M on a hard history ends unknown at a cap, with the cap named, never a crash', async () => {
    const h = history(...hardKey(16));
    for (const caps of [{ states: 20_000 }, { memoWords: 1 << 18 }, { infoWords: 1 << 14 }]) {
      const result = await checkLinearizability(h, { ...kv, budget: 50_000_000, caps });
      expect(result.valid).toBe('unknown');
      expect(result.anomalies.map((a) => a.id)).toEqual(['search-memory']);
      expect(result.keys[0]!.stoppedBy).toBe('memory');
      expect(result.unknownReason).toMatch(/reached (its|their) cap of \d+/);
      expect(result.keys[0]!.explored).toBeLessThan(50_000_000);
    }
  });

  it('rejects a cap that is not a positive number', async () => {
    await expect(checkLinearizability(history(), { ...kv, caps: { states: 0 } })).rejects.toThrow(
      /caps.states must be a positive number/,
    );
  });
});

describe('counterexamples', () => {
  it('are deterministic: shrinking is bounded by work, not by a clock', async () => {
    const bad = generateRegisterHistory({ ops: 2_000, processes: 10, cas: true, stale: true, seed: 3 });
    const a = await checkLinearizability(bad, { model: 'cas-register', workers: 0 });
    const b = await checkLinearizability(bad, { model: 'cas-register', workers: 0 });
    expect(b.valid).toBe(a.valid);
    expect(b.counterexample?.ops.map((op) => op.index)).toEqual(a.counterexample?.ops.map((op) => op.index));
  });
});
