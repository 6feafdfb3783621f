import { describe, expect, it } from 'vitest';
import type { Columns } from '../../../../reports/client/decode-columns.js';
import { describeOp, opLabel } from '../../../../reports/client/op-text.js';
import type { Axis, ReportData } from '../../../../reports/client/report-data.js';
import { reportView } from '../../../../reports/client/report-view.js';

/** Two ops: write 1 (ok) at history index 0, read (ok, returned 1) at index 3. */
function view(axis: Axis, anomalyOps: number[][] = []) {
  const data: ReportData = {
    axis,
    packed: {},
    fs: ['write', 'read'],
    lanes: ['0', '1'],
    values: ['(omitted)', '1', 'null'],
    end: 0,
    series: { bucketMs: 1, ok: [], fail: [], info: [], p50: [], p95: [], p99: [] },
    faults: [],
    nemesis: [],
  };
  const cols: Columns = {
    inv: Int32Array.from([0, 3]),
    start: Float64Array.from([0, 3]),
    dur: Float32Array.from([2, 1]),
    proc: Int32Array.from([0, 1]),
    type: Uint8Array.from([0, 0]),
    f: Uint8Array.from([0, 1]),
    lane: Uint8Array.from([0, 1]),
    invValue: Uint8Array.from([1, 2]),
    retValue: Uint8Array.from([1, 1]),
  };
  return reportView(data, cols, anomalyOps);
}

describe('op text', () => {
  it('labels bars: the value written, what a read returned', () => {
    const v = view('time');
    expect(opLabel(v, 0)).toBe('write 1');
    expect(opLabel(v, 1)).toBe('read → 1');
  });

  it('describes an op in ms on the time axis and in events on the index axis', () => {
    expect(describeOp(view('time'), 0)).toEqual([
      'op #0 · process 0 · write',
      'invoked with 1',
      'ok → 1',
      'at 0, took 2.00 ms',
    ]);
    expect(describeOp(view('index'), 1).at(-1)).toBe('at #3, took 1 event');
  });

  it('marks the ops an anomaly names, once each, skipping indexes that are no invocation', () => {
    const v = view('time', [
      [3, 0],
      [3, 7],
    ]);
    expect(v.marked).toEqual([1, 0]);
    expect(describeOp(v, 1).at(-1)).toBe('involved in an anomaly (click to see which)');
  });

  it('never has an empty run: end is at least 1 µs, or 1 event', () => {
    expect(view('time').end).toBe(1e-3);
    expect(view('index').end).toBe(1);
  });
});
