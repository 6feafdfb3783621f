import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTotalQueue } from '../../../../checkers/queue/check-total-queue.js';
import type { History, Op } from '../../../../src/core/op.js';

/**
 * Random queue histories run one op at a time against a real FIFO that sometimes misbehaves:
 * it may lose an element, hand one out twice, or invent one; enqueues may fail or crash.
 */
const histories = fc
  .array(
    fc.record({
      f: fc.constantFrom('enqueue', 'enqueue', 'dequeue', 'drain'),
      end: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'fail', 'info'),
      glitch: fc.constantFrom(
        'none',
        'none',
        'none',
        'none',
        'none',
        'none',
        'lose',
        'twice',
        'invent',
        'apply-failed',
      ),
    }),
    { maxLength: 12 },
  )
  .map((steps) => {
    const queue: number[] = [];
    const out: Op[] = [];
    let next = 1;
    let process = 0;
    const emit = (e: Pick<Op, 'type' | 'process' | 'f' | 'value'>): void => {
      out.push({ ...e, index: out.length, time: out.length });
    };
    for (const s of steps) {
      if (s.f === 'enqueue') {
        const x = next++;
        const type = s.end as 'ok' | 'fail' | 'info';
        emit({ type: 'invoke', process, f: 'enqueue', value: x });
        const applied =
          type === 'ok' ||
          (type === 'info' && x % 2 === 0) ||
          (type === 'fail' && s.glitch === 'apply-failed');
        if (applied && s.glitch !== 'lose') queue.push(x);
        emit({ type, process, f: 'enqueue', value: x });
        if (type === 'info') process++;
      } else if (s.f === 'dequeue') {
        emit({ type: 'invoke', process, f: 'dequeue', value: null });
        const x =
          s.glitch === 'invent' ? 99 : s.glitch === 'twice' ? (queue[0] ?? null) : (queue.shift() ?? null);
        emit({ type: 'ok', process, f: 'dequeue', value: x });
      } else {
        emit({ type: 'invoke', process, f: 'drain', value: null });
        emit({ type: 'ok', process, f: 'drain', value: queue.splice(0) });
      }
    }
    return out as History;
  });

/** The verdict by definition: multiset counts per element. */
function oracle(h: History, duplicatesAllowed = false): true | false | 'unknown' {
  const ended = (i: number): string => h[i + 1]?.type ?? 'info';
  const counts = new Map<number, { ok: number; maybe: number; out: number }>();
  const c = (x: number) => {
    if (!counts.has(x)) counts.set(x, { ok: 0, maybe: 0, out: 0 });
    return counts.get(x)!;
  };
  let lastEnqueue = -1;
  let lastDrain = -1;
  h.forEach((op, i) => {
    if (op.type !== 'invoke') return;
    const end = ended(i);
    if (op.f === 'enqueue') {
      if (end === 'ok') c(op.value as number).ok++;
      if (end === 'info') c(op.value as number).maybe++;
      if (end !== 'fail') lastEnqueue = i;
    } else if (end === 'ok') {
      const got = h[i + 1]!.value;
      const xs = op.f === 'drain' ? (got as number[]) : got === null ? [] : [got as number];
      for (const x of xs) c(x).out++;
      if (op.f === 'drain') lastDrain = i;
    }
  });
  const drained = lastDrain > lastEnqueue;
  let bad = false;
  for (const t of counts.values()) {
    if (t.out > 0 && t.ok + t.maybe === 0) bad = true;
    if (!duplicatesAllowed && t.out > t.ok + t.maybe) bad = true;
    if (drained && t.out < t.ok) bad = true;
  }
  return bad ? false : drained ? true : 'unknown';
}

describe('checkTotalQueue agrees with the definition', () => {
  it('on random histories of a faulty queue', () => {
    const seen = { true: 0, false: 0, unknown: 0 };
    fc.assert(
      fc.property(histories, (h) => {
        const want = oracle(h);
        seen[String(want) as keyof typeof seen]++;
        expect(checkTotalQueue(h).valid).toBe(want);
      }),
      { numRuns: 500, seed: 9 },
    );
    expect(Math.min(seen.true, seen.false, seen.unknown)).toBeGreaterThan(20);
  });
});

describe('checkTotalQueue with at-least-once delivery agrees with the definition', () => {
  it('on random histories of a faulty queue: duplicates alone are allowed', () => {
    const seen = { true: 0, false: 0, unknown: 0 };
    fc.assert(
      fc.property(histories, (h) => {
        const want = oracle(h, true);
        seen[String(want) as keyof typeof seen]++;
        expect(checkTotalQueue(h, { delivery: 'at-least-once' }).valid).toBe(want);
      }),
      { numRuns: 500, seed: 10 },
    );
    expect(Math.min(seen.true, seen.false, seen.unknown)).toBeGreaterThan(20);
  });
});
