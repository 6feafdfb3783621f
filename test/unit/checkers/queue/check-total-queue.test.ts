import { describe, expect, it } from 'vitest';
import { checkTotalQueue } from '../../../../checkers/queue/check-total-queue.js';
import { call, fail, history, info, invoke } from '../../../support/history.js';
import type { History } from '../../../../src/core/op.js';

const enq = (p: number, x: number) => call(p, 'enqueue', x);
const deq = (p: number, x: number | null) => call(p, 'dequeue', null, x);
const drain = (p: number, xs: number[]) => call(p, 'drain', null, xs);

const cases: {
  name: string;
  history: History;
  valid: true | false | 'unknown';
  anomalies?: string[];
  recovered?: number[];
}[] = [
  {
    name: 'everything dequeued or drained',
    history: history(...enq(0, 1), ...enq(1, 2), ...deq(0, 1), ...deq(0, null), ...drain(1, [2])),
    valid: true,
  },
  {
    name: 'lost: acknowledged enqueue never comes out',
    history: history(...enq(0, 1), ...enq(1, 2), ...deq(0, 1), ...drain(1, [])),
    valid: false,
    anomalies: ['lost'],
  },
  {
    name: 'unexpected: never enqueued',
    history: history(...enq(0, 1), ...deq(0, 9), ...drain(1, [1])),
    valid: false,
    anomalies: ['unexpected'],
  },
  {
    name: 'unexpected: its enqueue failed',
    history: history(invoke(0, 'enqueue', 3), fail(0, 'enqueue', 3), ...deq(1, 3), ...drain(1, [])),
    valid: false,
    anomalies: ['unexpected'],
  },
  {
    name: 'duplicated: dequeued twice',
    history: history(...enq(0, 1), ...deq(0, 1), ...deq(1, 1), ...drain(1, [])),
    valid: false,
    anomalies: ['duplicated'],
  },
  {
    name: 'recovered: info enqueue comes out',
    history: history(invoke(0, 'enqueue', 4), info(0, 'enqueue', 4), ...drain(1, [4])),
    valid: true,
    recovered: [4],
  },
  {
    name: 'no drain: unknown',
    history: history(...enq(0, 1)),
    valid: 'unknown',
  },
  {
    name: 'no drain but a duplicate: invalid',
    history: history(...enq(0, 1), ...deq(0, 1), ...deq(1, 1)),
    valid: false,
    anomalies: ['duplicated'],
  },
];

describe('checkTotalQueue', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = checkTotalQueue(c.history);
      expect(r.valid).toBe(c.valid);
      expect(r.anomalies.map((a) => a.id)).toEqual(c.anomalies ?? []);
      if (c.recovered) expect(r['recovered']).toEqual(c.recovered);
      if (c.valid === 'unknown') expect(r.unknownReason).toMatch(/drain/);
    });
  }
});

describe('checkTotalQueue with at-least-once delivery', () => {
  const atLeastOnce = { delivery: 'at-least-once' } as const;

  it('counts a redelivered element but does not call it an anomaly', () => {
    const r = checkTotalQueue(
      history(...enq(0, 1), ...deq(0, 1), ...deq(1, 1), ...drain(1, [1])),
      atLeastOnce,
    );
    expect(r.valid).toBe(true);
    expect(r.anomalies).toEqual([]);
    expect(r['duplicated']).toEqual([1]);
    expect(r.stats?.['duplicated']).toBe(1);
  });

  it('still finds lost and unexpected elements', () => {
    const r = checkTotalQueue(
      history(...enq(0, 1), ...enq(0, 2), ...deq(0, 1), ...deq(1, 1), ...deq(1, 7), ...drain(1, [])),
      atLeastOnce,
    );
    expect(r.valid).toBe(false);
    expect(r.anomalies.map((a) => a.id).sort()).toEqual(['lost', 'unexpected']);
  });

  it('without a drain, a duplicate alone leaves the verdict unknown', () => {
    const r = checkTotalQueue(history(...enq(0, 1), ...deq(0, 1), ...deq(1, 1)), atLeastOnce);
    expect(r.valid).toBe('unknown');
  });
});
