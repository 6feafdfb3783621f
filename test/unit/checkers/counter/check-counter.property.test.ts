import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCounter } from '../../../../checkers/counter/check-counter.js';
import type { History, Op } from '../../../../src/core/op.js';

/** Random concurrent counter histories: events in a random interleaving, some adds fail or crash. */
const histories = fc
  .array(
    fc.record({
      process: fc.nat(3),
      read: fc.boolean(),
      d: fc.integer({ min: -3, max: 5 }),
      end: fc.constantFrom('ok', 'ok', 'ok', 'fail', 'info'),
      guess: fc.integer({ min: -6, max: 12 }),
    }),
    { maxLength: 14 },
  )
  .map((steps) => {
    const open = new Map<number, { f: string; d: number; end: string; guess: number }>();
    const out: Op[] = [];
    const emit = (e: Pick<Op, 'type' | 'process' | 'f' | 'value'>): void => {
      out.push({ ...e, index: out.length, time: out.length });
    };
    const crashed = new Set<number>();
    for (const s of steps) {
      if (crashed.has(s.process)) continue;
      const pending = open.get(s.process);
      if (pending === undefined) {
        const f = s.read ? 'read' : 'add';
        open.set(s.process, { f, d: s.d, end: f === 'read' ? 'ok' : s.end, guess: s.guess });
        emit({ type: 'invoke', process: s.process, f, value: f === 'read' ? null : s.d });
      } else {
        open.delete(s.process);
        const type = pending.end as 'ok' | 'fail' | 'info';
        emit({
          type,
          process: s.process,
          f: pending.f,
          value: pending.f === 'read' ? pending.guess : pending.d,
        });
        if (type === 'info') crashed.add(s.process);
      }
    }
    return out as History;
  });

/** Bounds straight from the definition, pair by pair. */
function oracle(h: History): boolean {
  const completion = (i: number): number => {
    for (let j = i + 1; j < h.length; j++) if (h[j]!.process === h[i]!.process) return j;
    return Infinity;
  };
  return h.every((r, i) => {
    if (r.type !== 'invoke' || r.f !== 'read') return true;
    const c = completion(i);
    if (c === Infinity || h[c]!.type !== 'ok') return true;
    let lower = 0;
    let upper = 0;
    h.forEach((a, j) => {
      if (a.type !== 'invoke' || a.f !== 'add') return;
      const ac = completion(j);
      const end = ac === Infinity ? 'info' : h[ac]!.type;
      const d = a.value as number;
      if (end === 'fail' || j > c) return;
      if (end === 'ok' && ac < i) {
        lower += d;
        upper += d;
      } else if (d < 0) lower += d;
      else upper += d;
    });
    const v = h[c]!.value as number;
    return lower <= v && v <= upper;
  });
}

describe('checkCounter agrees with the bounds by definition', () => {
  it('on random concurrent histories', () => {
    let invalid = 0;
    let decided = 0;
    fc.assert(
      fc.property(histories, (h) => {
        const got = checkCounter(h);
        if (got.valid === 'unknown') return;
        decided++;
        const want = oracle(h);
        if (!want) invalid++;
        expect(got.valid).toBe(want);
      }),
      { numRuns: 500, seed: 3 },
    );
    expect(invalid).toBeGreaterThan(decided / 10);
    expect(invalid).toBeLessThan(decided - decided / 10);
  });
});
