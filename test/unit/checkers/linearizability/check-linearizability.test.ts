// Known answers, written like typescript-eslint rule tests: valid histories and invalid ones with
// the anomalies they must produce, for every model, including the tricky cases.
import { describe, expect, it } from 'vitest';
import type { History } from '../../../../src/core/op.js';
import { checkLinearizability } from '../../../../checkers/linearizability/check-linearizability.js';
import type { LinearizabilityOptions } from '../../../../checkers/linearizability/linearizability-options.js';
import { linearizability } from '../../../../checkers/linearizability/linearizability.js';
import { call, fail, history, info, invoke, nemesis, ok } from '../../../support/history.js';

interface Case {
  name: string;
  history: History;
  options: LinearizabilityOptions;
}
interface InvalidCase extends Case {
  /** Anomaly ids expected, and the history indexes of the shrunk counterexample when given. */
  anomalies: { id: string; ops?: number[] }[];
}

const reg: LinearizabilityOptions = { model: 'register', workers: 0 };
const cas: LinearizabilityOptions = { model: 'cas-register', workers: 0 };

const valid: Case[] = [
  { name: 'empty history', history: history(), options: reg },
  { name: 'read of nil before any write', history: history(...call(0, 'read', null, null)), options: reg },
  {
    name: 'sequential write then read',
    history: history(...call(0, 'write', 1), ...call(1, 'read', null, 1)),
    options: reg,
  },
  {
    name: 'concurrent writes, read sees the one linearized last',
    history: history(
      invoke(0, 'write', 1),
      invoke(1, 'write', 2),
      ok(1, 'write', 2),
      ok(0, 'write', 1),
      ...call(2, 'read', null, 2),
    ),
    options: reg,
  },
  {
    name: 'read concurrent with a write may see the old value',
    history: history(invoke(0, 'write', 1), ...call(1, 'read', null, null), ok(0, 'write', 1)),
    options: reg,
  },
  {
    name: 'info write that took effect late',
    history: history(
      invoke(0, 'write', 1),
      info(0, 'write', 1),
      ...call(1, 'read', null, null),
      ...call(1, 'read', null, 1),
      ...call(1, 'read', null, 1),
    ),
    options: reg,
  },
  {
    name: 'info write that never took effect',
    history: history(invoke(0, 'write', 1), info(0, 'write', 1), ...call(1, 'read', null, null)),
    options: reg,
  },
  {
    name: 'crashed process replaced by a new one',
    history: history(
      ...call(0, 'write', 1),
      invoke(0, 'write', 2),
      info(0, 'write', 2),
      ...call(3, 'read', null, 2),
      ...call(3, 'write', 3),
      ...call(1, 'read', null, 3),
    ),
    options: reg,
  },
  {
    name: 'nemesis events are ignored',
    history: history(
      nemesis('start-partition', 'majority'),
      ...call(0, 'write', 1),
      nemesis('stop-partition'),
      ...call(1, 'read', null, 1),
    ),
    options: reg,
  },
  {
    name: 'pending invocation at the end counts as info',
    history: history(...call(0, 'write', 1), invoke(1, 'write', 2), ...call(2, 'read', null, 2)),
    options: reg,
  },
  {
    name: 'nil read matches any state with nilReadsUnknown (Knossos)',
    history: history(...call(0, 'write', 1), ...call(1, 'read', null, null)),
    options: { ...reg, modelOptions: { nilReadsUnknown: true } },
  },
  {
    name: 'configured initial value',
    history: history(...call(0, 'read', null, 5)),
    options: { ...reg, modelOptions: { initial: 5 } },
  },
  {
    name: 'successful cas',
    history: history(...call(0, 'write', 0), ...call(1, 'cas', [0, 1]), ...call(2, 'read', null, 1)),
    options: cas,
  },
  {
    name: 'failed cas while the register held another value',
    history: history(
      ...call(0, 'write', 2),
      invoke(1, 'cas', [0, 1]),
      fail(1, 'cas', [0, 1]),
      ...call(2, 'read', null, 2),
    ),
    options: cas,
  },
  {
    name: 'a bare failed cas tells nothing by default, even when the value matched',
    history: history(
      ...call(0, 'write', 0),
      invoke(1, 'cas', [0, 1]),
      fail(1, 'cas', [0, 1]),
      ...call(2, 'read', null, 0),
    ),
    options: cas,
  },
  {
    name: 'failed cas with an error tells nothing, even when the value matched',
    history: history(
      ...call(0, 'write', 0),
      invoke(1, 'cas', [0, 1]),
      fail(1, 'cas', [0, 1], { error: 'timeout' }),
      ...call(2, 'read', null, 0),
    ),
    options: cas,
  },
  {
    name: 'failed cas concurrent with a write that changed the value',
    history: history(
      ...call(0, 'write', 0),
      invoke(1, 'cas', [0, 1]),
      invoke(2, 'write', 2),
      ok(2, 'write', 2),
      fail(1, 'cas', [0, 1]),
    ),
    options: cas,
  },
  {
    name: 'crashed cas that took effect later',
    history: history(
      ...call(0, 'write', 0),
      invoke(1, 'cas', [0, 1]),
      info(1, 'cas', [0, 1]),
      ...call(2, 'read', null, 0),
      ...call(2, 'read', null, 1),
    ),
    options: cas,
  },
  {
    name: 'kv keys are independent',
    history: history(
      ...call(0, 'write', ['x', 1]),
      ...call(1, 'write', ['y', 2]),
      invoke(2, 'read', ['x', null]),
      ok(2, 'read', ['x', 1]),
    ),
    options: { model: 'kv', workers: 0 },
  },
  {
    name: 'independent cas-register history',
    history: history(
      ...call(0, 'write', ['a', 1]),
      ...call(1, 'cas', ['a', [1, 2]]),
      ...call(0, 'write', ['b', 1]),
      invoke(2, 'read', ['a', null]),
      ok(2, 'read', ['a', 2]),
    ),
    options: { ...cas, independent: true },
  },
  {
    name: 'set: read concurrent with an add may miss it',
    history: history(
      invoke(0, 'add', 1),
      ...call(1, 'read', null, []),
      ok(0, 'add', 1),
      ...call(1, 'read', null, [1]),
    ),
    options: { model: 'set', workers: 0 },
  },
  {
    name: 'queue: FIFO with concurrent enqueues in either order',
    history: history(
      invoke(0, 'enqueue', 1),
      invoke(1, 'enqueue', 2),
      ok(0, 'enqueue', 1),
      ok(1, 'enqueue', 2),
      invoke(2, 'dequeue'),
      ok(2, 'dequeue', 2),
      invoke(2, 'dequeue'),
      ok(2, 'dequeue', 1),
    ),
    options: { model: 'queue', workers: 0 },
  },
  {
    name: 'counter: reads between concurrent adds',
    history: history(
      invoke(0, 'add', 1),
      invoke(1, 'add', 2),
      ...call(2, 'read', null, 2),
      ok(0, 'add', 1),
      ok(1, 'add', 2),
      ...call(2, 'read', null, 3),
    ),
    options: { model: 'counter', workers: 0 },
  },
  {
    name: 'mutex: acquire, release, acquire',
    history: history(...call(0, 'acquire', null), ...call(0, 'release', null), ...call(1, 'acquire', null)),
    options: { model: 'mutex', workers: 0 },
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'stale read after two completed writes',
    history: history(...call(0, 'write', 1), ...call(0, 'write', 2), ...call(1, 'read', null, 1)),
    options: reg,
    // Write 1 stays: relaxed, it could take effect after write 2 and the read would be fine.
    anomalies: [{ id: 'nonlinearizable', ops: [0, 2, 4] }],
  },
  {
    name: 'read of nil after a completed write',
    history: history(...call(0, 'write', 1), ...call(1, 'read', null, null)),
    options: reg,
    anomalies: [{ id: 'nonlinearizable', ops: [0, 2] }],
  },
  {
    name: 'read of a value never written',
    history: history(...call(0, 'write', 1), ...call(1, 'read', null, 7)),
    options: reg,
    anomalies: [{ id: 'nonlinearizable', ops: [2] }],
  },
  {
    name: 'an info write that was read cannot be undone',
    history: history(
      invoke(0, 'write', 2),
      info(0, 'write', 2),
      ...call(1, 'read', null, 2),
      ...call(1, 'read', null, null),
    ),
    options: reg,
    anomalies: [{ id: 'nonlinearizable', ops: [0, 2, 4] }],
  },
  {
    name: 'reads disagree on the order of a concurrent write',
    history: history(
      invoke(0, 'write', 1),
      ...call(1, 'read', null, 1),
      ...call(2, 'read', null, null),
      ok(0, 'write', 1),
    ),
    options: reg,
    anomalies: [{ id: 'nonlinearizable' }],
  },
  {
    name: 'failed cas marked cas-mismatch while the register certainly held the expected value',
    history: history(
      ...call(0, 'write', 0),
      invoke(1, 'cas', [0, 1]),
      fail(1, 'cas', [0, 1], { error: 'cas-mismatch' }),
      ...call(2, 'read', null, 0),
    ),
    options: cas,
    anomalies: [{ id: 'nonlinearizable', ops: [0, 2] }],
  },
  {
    name: "bare failed cas while the register held the expected value, under failedCas: 'observe'",
    history: history(
      ...call(0, 'write', 0),
      invoke(1, 'cas', [0, 1]),
      fail(1, 'cas', [0, 1]),
      ...call(2, 'read', null, 0),
    ),
    options: { ...cas, modelOptions: { failedCas: 'observe' } },
    anomalies: [{ id: 'nonlinearizable', ops: [0, 2] }],
  },
  {
    name: 'ok cas when the register held another value',
    history: history(...call(0, 'write', 1), ...call(1, 'cas', [0, 2])),
    options: cas,
    // Write 1 is dropped: relaxed, nobody observes it, and no write of 0 exists either way.
    anomalies: [{ id: 'nonlinearizable', ops: [2] }],
  },
  {
    name: 'kv: one bad key',
    history: history(
      ...call(0, 'write', ['x', 1]),
      ...call(1, 'write', ['y', 2]),
      invoke(2, 'read', ['y', null]),
      ok(2, 'read', ['y', 3]),
    ),
    options: { model: 'kv', workers: 0 },
    anomalies: [{ id: 'nonlinearizable', ops: [4] }],
  },
  {
    name: 'set: an element disappears',
    history: history(...call(0, 'add', 1), ...call(1, 'read', null, [1]), ...call(1, 'read', null, [])),
    options: { model: 'set', workers: 0 },
    anomalies: [{ id: 'nonlinearizable' }],
  },
  {
    name: 'queue: dequeued out of order',
    history: history(
      ...call(0, 'enqueue', 1),
      ...call(0, 'enqueue', 2),
      invoke(1, 'dequeue'),
      ok(1, 'dequeue', 2),
    ),
    options: { model: 'queue', workers: 0 },
    anomalies: [{ id: 'nonlinearizable' }],
  },
  {
    name: 'counter: a read goes backwards',
    history: history(...call(0, 'add', 1), ...call(1, 'read', null, 1), ...call(1, 'read', null, 0)),
    options: { model: 'counter', workers: 0 },
    anomalies: [{ id: 'nonlinearizable' }],
  },
  {
    name: 'mutex: two holders',
    history: history(...call(0, 'acquire', null), ...call(1, 'acquire', null)),
    options: { model: 'mutex', workers: 0 },
    anomalies: [{ id: 'nonlinearizable', ops: [0, 2] }],
  },
];

describe('linearizability', () => {
  describe('valid', () => {
    for (const c of valid) {
      it(c.name, async () => {
        const result = await checkLinearizability(c.history, c.options);
        expect(result.anomalies).toEqual([]);
        expect(result.valid).toBe(true);
      });
    }
  });
  describe('invalid', () => {
    for (const c of invalid) {
      it(c.name, async () => {
        const result = await checkLinearizability(c.history, c.options);
        expect(result.valid).toBe(false);
        expect(result.anomalies.map((a) => a.id)).toEqual(c.anomalies.map((a) => a.id));
        c.anomalies.forEach((a, i) => {
          if (a.ops) expect(result.anomalies[i]!['ops']).toEqual(a.ops);
          expect(linearizability.anomalies[a.id]).toBeDefined();
        });
        expect(result.counterexample).toBeDefined();
      });
    }
  });

  it('explains a stale read: prefix, blocking op and why it is stuck', async () => {
    const h = history(...call(0, 'write', 1), ...call(0, 'write', 2), ...call(1, 'read', null, 1));
    const result = await checkLinearizability(h, reg);
    const ce = result.counterexample!;
    expect(ce.originalOps).toBe(3);
    expect(ce.ops.map((op) => [op.index, op.type, op.relaxed ?? false])).toEqual([
      [0, 'ok', false],
      [2, 'ok', false],
      [4, 'ok', false],
    ]);
    expect(ce.initialState).toBe('nil');
    expect(ce.prefix.map((p) => [p.op.index, p.state])).toEqual([
      [0, '1'],
      [2, '2'],
    ]);
    expect(ce.blocking?.index).toBe(4);
    expect(ce.stuck).toEqual([
      expect.objectContaining({
        kind: 'impossible',
        state: '2',
        op: expect.objectContaining({ index: 4, returned: 1 }),
      }),
    ]);
    expect(JSON.parse(JSON.stringify(ce))).toEqual(ce);
  });

  it('relaxes rather than drops a write that a read depends on', async () => {
    // Two sequential reads, both concurrent with write 2: the first sees 2, the second nil again.
    const h = history(
      invoke(0, 'write', 2),
      ...call(1, 'read', null, 2),
      ...call(1, 'read', null, null),
      ok(0, 'write', 2),
    );
    const ops = (await checkLinearizability(h, reg)).counterexample!.ops;
    // The write is relaxed to info (its interval does not matter) but kept: the read of 2 needs it.
    expect(ops.map((op) => [op.index, op.type, op.relaxed ?? false])).toEqual([
      [0, 'info', true],
      [1, 'ok', false],
      [3, 'ok', false],
    ]);
  });

  it('drops writes nobody read from the counterexample', async () => {
    const h = history(...call(0, 'write', 3), ...call(0, 'write', 4), ...call(1, 'read', null, 7));
    expect((await checkLinearizability(h, reg)).counterexample!.ops.map((op) => op.index)).toEqual([4]);
  });

  it('the Checker object wraps checkLinearizability', async () => {
    const result = await linearizability.check(
      history(...call(0, 'write', 1), ...call(1, 'read', null, 2)),
      reg,
    );
    expect(result.checker).toBe('linearizability');
    expect(result.valid).toBe(false);
  });

  it('stops at the first refuted key unless allFailures', async () => {
    const h = history(
      invoke(0, 'read', ['a', null]),
      ok(0, 'read', ['a', 1]),
      invoke(0, 'read', ['b', null]),
      ok(0, 'read', ['b', 1]),
      invoke(0, 'read', ['c', null]),
      ok(0, 'read', ['c', null]),
    );
    const first = await checkLinearizability(h, { ...reg, independent: true });
    expect(first.valid).toBe(false);
    expect(first.anomalies).toHaveLength(1);
    expect(first.skippedKeys).toBe(2);
    const all = await checkLinearizability(h, { ...reg, independent: true, allFailures: true });
    expect(all.anomalies.map((a) => a['key'])).toEqual(['a', 'b']);
    expect(all.keys).toHaveLength(3);
  });

  it('rejects an unknown model and a bad budget with errors that say what to do', async () => {
    await expect(checkLinearizability(history(), { model: 'nope' as 'register' })).rejects.toThrow(
      /unknown model "nope"/,
    );
    await expect(checkLinearizability(history(), { model: 'register', budget: 0 })).rejects.toThrow(
      /budget must be a positive/,
    );
  });

  it('rejects values the model does not understand, naming the op', async () => {
    const h = history(invoke(0, 'cas', 3), ok(0, 'cas', 3));
    await expect(checkLinearizability(h, cas)).rejects.toThrow(/op #1: a cas value is \[old new\]/);
  });
});
