import { describe, expect, it } from 'vitest';
import type { Model, ModelOp } from '../../../../src/core/model.js';
import type { Value } from '../../../../src/core/op.js';
import { models } from '../../../../checkers/models/index.js';

const op = (f: string, value: Value, crashed = false): ModelOp => ({ f, value, crashed });

/** Steps ops from init; returns the shown states, or null at the first impossible op. */
function run(model: Model, ops: ModelOp[]): string[] | null {
  let state = model.init();
  const shown: string[] = [];
  for (const o of ops) {
    const next = model.step(state, o);
    if (next === null) return null;
    state = next;
    shown.push(model.show(state));
  }
  return shown;
}

describe('models', () => {
  it('register: nil initially, reads see the last write', () => {
    const m = models.register();
    expect(run(m, [op('read', null), op('write', 3), op('read', 3)])).toEqual(['nil', '3', '3']);
    expect(run(m, [op('write', 3), op('read', null)])).toBeNull();
    expect(run(models.register({ nilReadsUnknown: true }), [op('write', 3), op('read', null)])).toEqual([
      '3',
      '3',
    ]);
    expect(run(models.register({ initial: 'a' }), [op('read', 'a')])).toEqual(['"a"']);
  });

  it('cas-register: cas needs the expected value; a failed comparison observes its absence', () => {
    const m = models['cas-register']();
    expect(run(m, [op('write', 1), op('cas', [1, 2]), op('read', 2)])).toEqual(['1', '2', '2']);
    expect(run(m, [op('write', 1), op('cas', [0, 2])])).toBeNull();
    expect(run(m, [op('write', 1), op('cas', [0, 2], true)])).toEqual(['1', '1']);
    // A fail tells nothing unless marked cas-mismatch; 'observe' also reads a bare fail as a mismatch.
    expect(m.failedOp!('cas', [1, 2], undefined)).toBeUndefined();
    expect(m.failedOp!('cas', [1, 2], 'timeout')).toBeUndefined();
    expect(m.failedOp!('cas', [1, 2], 'cas-mismatch')).toEqual(op('cas-failed', [1, 2]));
    const observe = models['cas-register']({ failedCas: 'observe' });
    expect(observe.failedOp!('cas', [1, 2], undefined)).toEqual(op('cas-failed', [1, 2]));
    expect(observe.failedOp!('cas', [1, 2], null)).toEqual(op('cas-failed', [1, 2]));
    expect(observe.failedOp!('cas', [1, 2], 'timeout')).toBeUndefined();
    expect(() => models['cas-register']({ failedCas: 'yes' as 'observe' })).toThrow(/ignore' or 'observe/);
    expect(run(m, [op('write', 1), op('cas-failed', [1, 2])])).toBeNull();
    expect(run(m, [op('write', 1), op('cas-failed', [0, 2])])).toEqual(['1', '1']);
    expect(m.validate('cas', 3, 'ok')).toMatch(/\[old new\]/);
  });

  it('kv: keys are independent registers and partition the history', () => {
    const m = models.kv();
    expect(run(m, [op('write', ['x', 1]), op('read', ['y', null]), op('read', ['x', 1])])).not.toBeNull();
    expect(run(m, [op('write', ['x', 1]), op('read', ['x', 2])])).toBeNull();
    expect(m.key!(op('read', ['x', null]))).toBe('x');
  });

  it('set: reads return the whole set in any order', () => {
    const m = models.set();
    expect(run(m, [op('add', 2), op('add', 1), op('read', [1, 2]), op('read', [2, 1])])).not.toBeNull();
    expect(run(m, [op('add', 1), op('read', [])])).toBeNull();
  });

  it('queue: FIFO; an ok dequeue of nil means empty', () => {
    const m = models.queue();
    expect(
      run(m, [op('enqueue', 1), op('enqueue', 2), op('dequeue', 1), op('dequeue', 2), op('dequeue', null)]),
    ).not.toBeNull();
    expect(run(m, [op('enqueue', 1), op('enqueue', 2), op('dequeue', 2)])).toBeNull();
  });

  it('counter: reads return the sum from 0', () => {
    const m = models.counter();
    expect(run(m, [op('add', 2), op('add', -1), op('read', 1)])).toEqual(['2', '1', '1']);
    expect(run(m, [op('add', 2), op('read', 1)])).toBeNull();
    expect(m.validate('add', 'x', 'invoke')).toMatch(/adds a number/);
  });

  it('mutex: one holder at a time; crashed ops do what they can', () => {
    const m = models.mutex();
    expect(run(m, [op('acquire', null), op('release', null), op('acquire', null)])).toEqual([
      'held',
      'free',
      'held',
    ]);
    expect(run(m, [op('acquire', null), op('acquire', null)])).toBeNull();
    expect(run(m, [op('acquire', null), op('acquire', null, true)])).toEqual(['held', 'held']);
  });

  it('equal states hash equally, different ones differently', () => {
    const s = models.set();
    const a = s.step(s.step(s.init(), op('add', 1))!, op('add', 2))!;
    const b = s.step(s.step(s.init(), op('add', 2))!, op('add', 1))!;
    expect(s.hash(a)).toBe(s.hash(b));
    expect(s.hash(a)).not.toBe(s.hash(s.init()));
  });

  it('every model rejects an unknown function with a message naming it', () => {
    for (const [name, factory] of Object.entries(models)) {
      expect(factory().validate('frobnicate', null, 'invoke'), name).toMatch(/frobnicate/);
    }
  });
});
