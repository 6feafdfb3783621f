// Differential tests: the checker must agree with a brute-force enumeration of orders on small
// random histories, valid and invalid, for every model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../../src/core/op.js';
import { checkLinearizability } from '../../../../checkers/linearizability/check-linearizability.js';
import { models, type ModelName } from '../../../../checkers/models/index.js';
import { bruteForceLinearizable } from '../../../support/brute-force-linearizable.js';
import { history, type EventSpec } from '../../../support/history.js';

/** One step of a random history: process slot, the op it would invoke, and how it completes. */
interface Action {
  slot: number;
  f: string;
  value: Value;
  outcome: 'ok' | 'fail' | 'fail-error' | 'info';
  returned: Value;
}

const small = fc.integer({ min: 0, max: 2 });
const outcome = fc.constantFrom<'ok' | 'fail' | 'fail-error' | 'info'>(
  'ok',
  'ok',
  'ok',
  'ok',
  'fail',
  'fail-error',
  'info',
);

/** Per model: arbitrary (f, invoked value, value an ok completion returns). */
const vocab: Record<ModelName, fc.Arbitrary<{ f: string; value: Value; returned: Value }>> = {
  register: fc.oneof(
    small.map((v) => ({ f: 'write', value: v, returned: v })),
    fc.option(small, { nil: null }).map((v) => ({ f: 'read', value: null, returned: v })),
  ),
  'cas-register': fc.oneof(
    small.map((v) => ({ f: 'write', value: v, returned: v })),
    fc.option(small, { nil: null }).map((v) => ({ f: 'read', value: null, returned: v })),
    fc
      .tuple(fc.option(small, { nil: null }), small)
      .map(([a, b]) => ({ f: 'cas', value: [a, b], returned: [a, b] })),
  ),
  kv: fc.oneof(
    fc
      .tuple(fc.constantFrom('x', 'y'), small)
      .map(([k, v]) => ({ f: 'write', value: [k, v], returned: [k, v] })),
    fc
      .tuple(fc.constantFrom('x', 'y'), fc.option(small, { nil: null }))
      .map(([k, v]) => ({ f: 'read', value: [k, null], returned: [k, v] })),
  ),
  'kv-append': fc.oneof(
    fc
      .tuple(fc.constantFrom('x', 'y'), fc.constantFrom('a', 'b'), fc.constantFrom('put', 'append'))
      .map(([k, v, f]) => ({ f, value: [k, v], returned: [k, v] })),
    fc
      .tuple(fc.constantFrom('x', 'y'), fc.constantFrom(null, '', 'a', 'b', 'ab', 'ba', 'aa'))
      .map(([k, v]) => ({ f: 'get', value: [k, null], returned: [k, v] })),
  ),
  set: fc.oneof(
    small.map((v) => ({ f: 'add', value: v, returned: v })),
    fc.subarray([0, 1, 2]).map((s) => ({ f: 'read', value: null, returned: s })),
  ),
  queue: fc.oneof(
    small.map((v) => ({ f: 'enqueue', value: v, returned: v })),
    fc.option(small, { nil: null }).map((v) => ({ f: 'dequeue', value: null, returned: v })),
  ),
  counter: fc.oneof(
    fc.integer({ min: 1, max: 2 }).map((v) => ({ f: 'add', value: v, returned: v })),
    fc.integer({ min: 0, max: 4 }).map((v) => ({ f: 'read', value: null, returned: v })),
  ),
  mutex: fc.constantFrom(
    { f: 'acquire', value: null, returned: null },
    { f: 'release', value: null, returned: null },
  ),
};

function actions(name: ModelName): fc.Arbitrary<Action[]> {
  return fc.array(
    fc
      .record({ slot: small, op: vocab[name], outcome })
      .map(({ slot, op, outcome }) => ({ slot, outcome, ...op })),
    { minLength: 1, maxLength: 14 },
  );
}

/** Plays actions: an idle slot invokes, a busy slot completes; info gives the slot a new process. */
function build(acts: readonly Action[]): EventSpec[] {
  const busy = new Map<number, Action>();
  const proc = [0, 1, 2];
  const out: EventSpec[] = [];
  for (const a of acts) {
    const b = busy.get(a.slot);
    const p = proc[a.slot]!;
    if (!b) {
      busy.set(a.slot, a);
      out.push({ type: 'invoke', process: p, f: a.f, value: a.value });
      continue;
    }
    busy.delete(a.slot);
    if (a.outcome === 'ok') out.push({ type: 'ok', process: p, f: b.f, value: b.returned });
    else if (a.outcome === 'fail') out.push({ type: 'fail', process: p, f: b.f, value: b.value });
    else if (a.outcome === 'fail-error')
      out.push({ type: 'fail', process: p, f: b.f, value: b.value, error: 'timeout' });
    else {
      out.push({ type: 'info', process: p, f: b.f, value: b.value });
      proc[a.slot] = p + 3;
    }
  }
  return out;
}

const keyOf = (v: Value): [Value, Value] => [(v as Value[])[0]!, (v as Value[])[1]!];

describe('checkLinearizability agrees with brute force', () => {
  for (const name of Object.keys(models) as ModelName[]) {
    it(name, async () => {
      let valid = 0;
      let invalid = 0;
      await fc.assert(
        fc.asyncProperty(actions(name), async (acts) => {
          const h = history(...build(acts));
          const model = models[name]();
          // kv is checked whole here (the model keeps a map), so this also tests splitting by key.
          const expected = bruteForceLinearizable(h, model);
          const result = await checkLinearizability(h, { model: name, workers: 0 });
          if (expected) valid++;
          else invalid++;
          expect(result.valid).toBe(expected);
        }),
        { numRuns: 300, seed: 42 },
      );
      // The generator must produce both kinds, or the comparison proves little.
      expect(valid).toBeGreaterThan(20);
      expect(invalid).toBeGreaterThan(20);
    });
  }

  it("cas-register with bare failed cas read as observations (failedCas: 'observe', Porcupine)", async () => {
    await fc.assert(
      fc.asyncProperty(actions('cas-register'), async (acts) => {
        const h = history(...build(acts));
        const modelOptions = { failedCas: 'observe' as const };
        const expected = bruteForceLinearizable(h, models['cas-register'](modelOptions));
        const result = await checkLinearizability(h, { model: 'cas-register', modelOptions, workers: 0 });
        expect(result.valid).toBe(expected);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('independent histories, key by key', async () => {
    await fc.assert(
      fc.asyncProperty(
        actions('cas-register'),
        fc.array(fc.constantFrom('a', 'b'), { minLength: 14, maxLength: 14 }),
        async (acts, keys) => {
          // Give each invocation a key; completions reuse their invocation's key.
          const events = build(acts);
          const keyOfProcess = new Map<unknown, string>();
          let i = 0;
          const keyed = events.map((e) => {
            if (e.type === 'invoke') keyOfProcess.set(e.process, keys[i++ % keys.length]!);
            return { ...e, value: [keyOfProcess.get(e.process)!, e.value] as Value };
          });
          const h = history(...keyed);
          const expected = bruteForceLinearizable(h, models['cas-register'](), keyOf);
          const result = await checkLinearizability(h, {
            model: 'cas-register',
            independent: true,
            workers: 0,
          });
          expect(result.valid).toBe(expected);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});
