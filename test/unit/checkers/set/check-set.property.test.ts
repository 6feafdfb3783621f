import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSet } from '../../../../checkers/set/check-set.js';
import type { History, Op } from '../../../../src/core/op.js';

/** Random concurrent set histories: adds of 0..5 that end ok, fail or info, and reads of random subsets. */
const histories = fc
  .array(
    fc.record({
      process: fc.nat(3),
      read: fc.nat(4),
      x: fc.nat(5),
      end: fc.constantFrom('ok', 'ok', 'ok', 'fail', 'info'),
      seen: fc.array(fc.nat(6), { maxLength: 6 }),
    }),
    { maxLength: 16 },
  )
  .map((steps) => {
    const open = new Map<number, { f: string; x: number; end: string; seen: number[] }>();
    const crashed = new Set<number>();
    const out: Op[] = [];
    const emit = (e: Pick<Op, 'type' | 'process' | 'f' | 'value'>): void => {
      out.push({ ...e, index: out.length, time: out.length });
    };
    for (const s of steps) {
      if (crashed.has(s.process)) continue;
      const pending = open.get(s.process);
      if (pending === undefined) {
        const f = s.read === 0 ? 'read' : 'add';
        open.set(s.process, { f, x: s.x, end: f === 'read' ? 'ok' : s.end, seen: [...new Set(s.seen)] });
        emit({ type: 'invoke', process: s.process, f, value: f === 'read' ? null : s.x });
      } else {
        open.delete(s.process);
        const type = pending.end as 'ok' | 'fail' | 'info';
        emit({
          type,
          process: s.process,
          f: pending.f,
          value: pending.f === 'read' ? pending.seen : pending.x,
        });
        if (type === 'info') crashed.add(s.process);
      }
    }
    return out as History;
  });

/** The verdict by definition, pair by pair. */
function oracle(h: History): true | false | 'unknown' {
  const completion = (i: number): number => {
    for (let j = i + 1; j < h.length; j++) if (h[j]!.process === h[i]!.process) return j;
    return Infinity;
  };
  let final = -1;
  h.forEach((op, i) => {
    if (
      op.type === 'invoke' &&
      op.f === 'read' &&
      completion(i) !== Infinity &&
      h[completion(i)]!.type === 'ok'
    )
      final = i;
  });
  if (final < 0) return 'unknown';
  const read = h[completion(final)]!.value as number[];
  const adds = h.map((op, i) => ({ op, i })).filter(({ op }) => op.type === 'invoke' && op.f === 'add');
  const end = (i: number): string => (completion(i) === Infinity ? 'info' : h[completion(i)]!.type);
  const lost = adds.some(
    ({ op, i }) => end(i) === 'ok' && completion(i) < final && !read.includes(op.value as number),
  );
  const unexpected = read.some((x) => !adds.some(({ op, i }) => op.value === x && end(i) !== 'fail'));
  return !lost && !unexpected;
}

describe('checkSet agrees with the definition', () => {
  it('on random concurrent histories', () => {
    const seen = { true: 0, false: 0, unknown: 0 };
    fc.assert(
      fc.property(histories, (h) => {
        const want = oracle(h);
        seen[String(want) as keyof typeof seen]++;
        expect(checkSet(h).valid).toBe(want);
      }),
      { numRuns: 500, seed: 5 },
    );
    expect(Math.min(seen.true, seen.false, seen.unknown)).toBeGreaterThan(20);
  });
});
