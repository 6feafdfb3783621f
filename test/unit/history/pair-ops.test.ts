import { describe, expect, it } from 'vitest';
import type { Op, OpType, ProcessId, Value } from '../../../src/core/op.js';
import { HistoryError } from '../../../src/core/errors.js';
import { pairOps } from '../../../src/history/pair-ops.js';

function ops(...events: [OpType, ProcessId, string, Value][]): Op[] {
  return events.map(([type, process, f, value], index) => ({ index, type, process, f, value, time: index }));
}

describe('pairOps', () => {
  it('pairs interleaved invocations and completions by process', () => {
    const h = ops(
      ['invoke', 0, 'write', 1],
      ['invoke', 1, 'read', null],
      ['ok', 1, 'read', 1],
      ['ok', 0, 'write', 1],
      ['invoke', 0, 'read', null],
    );
    expect(Array.from(pairOps(h))).toEqual([3, 2, 1, 0, -1]);
  });

  it('pairs nemesis invoke/info and leaves bare nemesis info events unpaired', () => {
    const h = ops(
      ['info', 'nemesis', 'start', null],
      ['invoke', 'nemesis', 'stop', null],
      ['info', 'nemesis', 'stop', 'healed'],
    );
    expect(Array.from(pairOps(h))).toEqual([-1, 2, 1]);
  });

  it('rejects a completion without an invocation', () => {
    expect(() => pairOps(ops(['ok', 3, 'read', 1]))).toThrow(/has no invocation/);
  });

  it('rejects a second invocation on a busy process', () => {
    const h = ops(['invoke', 0, 'write', 1], ['invoke', 0, 'read', null]);
    expect(() => pairOps(h)).toThrow(HistoryError);
    expect(() => pairOps(h)).toThrow(/still pending/);
  });
});
