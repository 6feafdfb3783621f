import { describe, expect, it } from 'vitest';
import { checkCounter } from '../../../../checkers/counter/check-counter.js';
import { call, fail, history, info, invoke, ok } from '../../../support/history.js';
import type { History } from '../../../../src/core/op.js';

const cases: { name: string; history: History; valid: true | false | 'unknown'; anomalies?: string[] }[] = [
  {
    name: 'reads the acknowledged sum',
    history: history(...call(0, 'add', 1), ...call(1, 'add', 2), ...call(0, 'read', null, 3)),
    valid: true,
  },
  {
    name: 'too low: misses an acknowledged add',
    history: history(...call(0, 'add', 1), ...call(1, 'add', 2), ...call(0, 'read', null, 1)),
    valid: false,
    anomalies: ['too-low'],
  },
  {
    name: 'too high: more than all attempts',
    history: history(...call(0, 'add', 1), ...call(0, 'read', null, 2)),
    valid: false,
    anomalies: ['too-high'],
  },
  {
    name: 'an info add may count',
    history: history(invoke(1, 'add', 5), info(1, 'add', 5), ...call(0, 'read', null, 5)),
    valid: true,
  },
  {
    name: 'an info add may not count',
    history: history(invoke(1, 'add', 5), info(1, 'add', 5), ...call(0, 'read', null, 0)),
    valid: true,
  },
  {
    name: 'a failed add never counts',
    history: history(invoke(1, 'add', 5), fail(1, 'add', 5), ...call(0, 'read', null, 5)),
    valid: false,
    anomalies: ['too-high'],
  },
  {
    name: 'an add concurrent with the read may or may not count',
    history: history(invoke(1, 'add', 5), invoke(0, 'read'), ok(1, 'add', 5), ok(0, 'read', 0)),
    valid: true,
  },
  {
    name: 'an add invoked after the read completed cannot count',
    history: history(...call(0, 'read', null, 5), ...call(1, 'add', 5)),
    valid: false,
    anomalies: ['too-high'],
  },
  {
    name: 'negative adds: bounds flip',
    history: history(
      ...call(0, 'add', 10),
      invoke(1, 'add', -4),
      info(1, 'add', -4),
      ...call(0, 'read', null, 6),
    ),
    valid: true,
  },
  {
    name: 'negative adds: acknowledged decrement must count',
    history: history(...call(0, 'add', 10), ...call(1, 'add', -4), ...call(0, 'read', null, 10)),
    valid: false,
    anomalies: ['too-high'],
  },
  { name: 'no read: unknown', history: history(...call(0, 'add', 1)), valid: 'unknown' },
];

describe('checkCounter', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = checkCounter(c.history);
      expect(r.valid).toBe(c.valid);
      expect(r.anomalies.map((a) => a.id)).toEqual(c.anomalies ?? []);
    });
  }

  it('uses the initial value', () => {
    expect(checkCounter(history(...call(0, 'read', null, 7)), { initial: 7 }).valid).toBe(true);
    expect(checkCounter(history(...call(0, 'read', null, 7))).valid).toBe(false);
  });

  it('reports the bounds of a bad read', () => {
    const r = checkCounter(history(...call(0, 'add', 1), ...call(0, 'read', null, 0)));
    expect(r.anomalies[0]).toMatchObject({ lower: 1, upper: 1, value: 0, ops: [2] });
  });
});
