import { describe, expect, it } from 'vitest';
import { pairOps } from '../../../src/history/pair-ops.js';
import { faultIntervals } from '../../../reports/fault-intervals.js';
import { historyColumns } from '../../../reports/history-columns.js';
import { timeSeries } from '../../../reports/time-series.js';
import { history, info, invoke, nemesis, ok, fail } from '../../support/history.js';

const h = history(
  invoke(0, 'write', 1),
  invoke(1, 'read', null),
  nemesis('start-partition', 'majority'),
  ok(0, 'write', 1),
  info(1, 'read', null),
  nemesis('kill', ['n1']),
  invoke(3, 'read', null),
  fail(3, 'read', null),
  nemesis('stop-partition', null),
  invoke(0, 'write', 2),
);

describe('historyColumns', () => {
  const cols = historyColumns(h, pairOps(h), 2);

  it('has one row per invocation with its completion, outcome and times', () => {
    expect([...cols.inv]).toEqual([0, 1, 6, 9]);
    expect([...cols.ret]).toEqual([3, 4, 7, -1]);
    expect([...cols.type]).toEqual([0, 2, 1, 3]);
    expect([...cols.start]).toEqual([0, 1, 6, 9]);
    expect([...cols.dur]).toEqual([3, 3, 1, 0]);
    expect(cols.fs).toEqual(['write', 'read']);
  });

  it('on the index axis, counts in history indexes instead of times', () => {
    const zero = history(...h.map((op) => ({ ...op, time: 0 })));
    const byIndex = historyColumns(zero, pairOps(zero), 2, 'index');
    expect(byIndex.axis).toBe('index');
    expect([...byIndex.start]).toEqual([0, 1, 6, 9]);
    // Each op from its invocation to its completion; the pending one up to the last event.
    expect([...byIndex.dur]).toEqual([3, 3, 1, 0]);
    expect(byIndex.end).toBe(9);
    expect(cols.axis).toBe('time');
  });

  it("keeps a crashed process's successor on its worker's lane (process mod concurrency)", () => {
    expect([...cols.lane]).toEqual([0, 1, 1, 0]);
    expect(cols.lanes).toEqual(['0', '1 (2 procs)']);
  });

  it('without concurrency, gives a new process the lane of one that crashed', () => {
    const free = historyColumns(h, pairOps(h));
    expect([...free.lane]).toEqual([0, 1, 1, 0]);
    expect(free.lanes).toEqual(['0', '1 (2 procs)']);
  });

  it('interns values, with 0 meaning omitted', () => {
    expect(cols.values[cols.invValue[0]!]).toBe('1');
    expect(cols.values[cols.retValue[1]!]).toBe('null');
    expect(cols.retValue[3]).toBe(0);
  });
});

describe('faultIntervals', () => {
  it('pairs start/stop by kind and leaves an unhealed fault open', () => {
    expect(faultIntervals(h)).toEqual([
      {
        kind: 'partition',
        label: 'start-partition majority',
        start: 2e6,
        end: 8e6,
        startIndex: 2,
        endIndex: 8,
      },
      { kind: 'kill', label: 'kill ["n1"]', start: 5e6, end: null, startIndex: 5, endIndex: null },
    ]);
  });

  it('takes the primaries recorded after the start and the stop, and keeps them out of the label', () => {
    const intervals = faultIntervals(
      history(
        nemesis('start-partition', { mode: 'primary', primary: 'n1', primaries: ['n1'] }),
        nemesis('stop-partition', { healed: ['n1', 'n2'], primaries: ['n2'] }),
        nemesis('kill', { value: ['n2'], primaries: null, primariesError: 'timeout' }),
        nemesis('start', { started: ['n2'], primaries: [] }),
        nemesis('pause', { paused: ['n1'] }),
      ),
    );
    expect(intervals.map((i) => [i.label, i.primariesAfterStart, i.primariesAfterEnd])).toEqual([
      ['start-partition {"mode":"primary","primary":"n1"}', ['n1'], ['n2']],
      ['kill ["n2"]', null, []],
      ['pause {"paused":["n1"]}', undefined, undefined],
    ]);
  });
});

describe('timeSeries', () => {
  it('counts completions per second by outcome and gives quantiles of ok latencies', () => {
    const cols = historyColumns(h, pairOps(h));
    const s = timeSeries(cols);
    const perSecond = 1000 / s.bucketMs;
    expect(s.ok.reduce((a, b) => a + b, 0)).toBe(perSecond);
    expect(s.info.reduce((a, b) => a + b, 0)).toBe(perSecond);
    expect(s.fail.reduce((a, b) => a + b, 0)).toBe(perSecond);
    expect(s.p50.filter((q) => q !== null)).toEqual([3]);
  });
});
