import { describe, expect, it } from 'vitest';
import type { LinearizabilityCounterexample } from '../../../../reports/anomalies/read-linearizability.js';
import { renderLinearizability } from '../../../../reports/anomalies/render-linearizability.js';
import { pairOps } from '../../../../src/history/pair-ops.js';
import { history, invoke, ok } from '../../../support/history.js';

/** The x of each bar in the counterexample timeline, by the op index it is drawn for. */
function barX(page: string): Map<number, number> {
  const xs = new Map<number, number>();
  for (const m of page.matchAll(/<g class="lin-op" data-op="(\d+)">.*?<rect [^>]*? x="([\d.]+)"/g)) {
    xs.set(Number(m[1]), Number(m[2]));
  }
  return xs;
}

// p0 writes 1, then p1 writes 2 and p2 reads 1, overlapping each other, after the first write.
const ops = [
  invoke(0, 'write', 1),
  ok(0, 'write', 1),
  invoke(1, 'write', 2),
  invoke(2, 'read'),
  ok(1, 'write', 2),
  ok(2, 'read', 1),
];
const cx: LinearizabilityCounterexample = {
  key: undefined,
  ops: [0, 2, 3],
  steps: [
    { op: 0, state: '1' },
    { op: 2, state: '2' },
  ],
  blocked: [{ op: 3, reason: 'read 1 is impossible in state 2', state: '2' }],
  blocking: 3,
  relaxed: [],
  initial: undefined,
  state: '2',
};

describe('renderLinearizability timeline', () => {
  it('draws ops by their position in the history, so all-zero times keep their order', () => {
    for (const times of ['increasing', 'all zero'] as const) {
      const h = history(...ops.map((e) => (times === 'all zero' ? { ...e, time: 0 } : e)));
      const x = barX(renderLinearizability({ history: h, partner: pairOps(h) }, cx));
      expect(x.size, times).toBe(3);
      expect(x.get(0)!, times).toBeLessThan(x.get(2)!);
      expect(x.get(2)!, times).toBeLessThan(x.get(3)!);
    }
  });
});
