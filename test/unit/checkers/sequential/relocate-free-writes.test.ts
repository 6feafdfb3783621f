// Moving unobserved writes into a failed comparison's span: known answers where the fail-free
// witness needs the move (an ok write the block witness placed too early, a crashed write it left
// out), and where no move may help (the history is not sequentially consistent).
import { describe, expect, it } from 'vitest';
import { partitionHistory } from '../../../../checkers/linearizability/partition-history.js';
import { models } from '../../../../checkers/models/index.js';
import type { KeyBlocks } from '../../../../checkers/sequential/block-witness.js';
import { checkSequential } from '../../../../checkers/sequential/check-sequential.js';
import { failFreeWitness } from '../../../../checkers/sequential/fail-free-witness.js';
import { isWitness } from '../../../../checkers/sequential/is-witness.js';
import { processSequences, type SeqOp } from '../../../../checkers/sequential/process-sequences.js';
import { relocateFreeWrites } from '../../../../checkers/sequential/relocate-free-writes.js';
import { uniqueWritesOrder } from '../../../../checkers/sequential/unique-writes-order.js';
import type { History, Value } from '../../../../src/core/op.js';
import { bruteForceSequential } from '../../../support/brute-force-sequential.js';
import { call, fail, history, info, invoke } from '../../../support/history.js';

const model = models['cas-register']({});
const inner = (v: Value): Value => v;
const kw = (p: number, k: string, v: number) => call(p, 'write', [k, v]);
const kr = (p: number, k: string, v: number | null) => call(p, 'read', [k, null], [k, v]);
const mismatch = (p: number, k: string, from: number, to: number) => [
  invoke(p, 'cas', [k, [from, to]]),
  fail(p, 'cas', [k, [from, to]], { error: 'cas-mismatch' }),
];

function prepare(h: History) {
  const { partitions } = partitionHistory(h, model, true);
  const keys: KeyBlocks[] = partitions.map((part) => {
    const o = uniqueWritesOrder(part.ops, null, inner);
    if ('applies' in o || !o.valid) throw new Error('values must be unique and each key legal alone');
    return { blocks: o.blocks, segments: o.segments, observations: o.observations };
  });
  return { partitions, keys, sequences: processSequences(partitions) };
}

/** The fail-free witness in one round (no gated failed comparisons), with or without moves. */
function witness(h: History, relocations?: number): SeqOp[] | undefined {
  const { keys, sequences, partitions } = prepare(h);
  const order = failFreeWitness(model, sequences, keys, null, inner, 1, relocations);
  if (order !== undefined) expect(isWitness(model, order, sequences, partitions.length)).toBe(true);
  return order;
}

const show = (order: readonly SeqOp[]): string =>
  order
    .map((s) => `${s.op.type === 'ok' ? '' : `${s.op.type} `}${s.op.f} ${JSON.stringify(s.op.model.value)}`)
    .join(', ');

// Process 0 writes x=2, which nobody reads, before process 1 starts: the block witness places it
// first. Process 1's failed cas [1 3] follows its own write of 1, so x=2 must come between them.
const earlyWrite = history(
  ...kw(0, 'x', 2),
  ...kw(1, 'x', 1),
  ...mismatch(1, 'x', 1, 3),
  ...kr(1, 'y', null),
);
// The same with x=2 crashed: nobody reads it, so only the failed cas says it took effect.
const crashedWrite = history(
  invoke(0, 'write', ['x', 2]),
  info(0, 'write', ['x', 2]),
  ...kw(1, 'x', 1),
  ...mismatch(1, 'x', 1, 3),
  ...kr(1, 'y', null),
);
// Process 1 reads x=2 before it writes x=1, so x=2 cannot move past x=1: not sequentially consistent.
const observedWrite = history(
  ...kw(0, 'x', 2),
  ...kr(1, 'x', 2),
  ...kw(1, 'x', 1),
  ...mismatch(1, 'x', 1, 3),
  ...kr(1, 'y', null),
);
// Two keys: process 2's unread writes of x and then y come first; process 1's failed cas on y needs
// y=5 after its own y=4, and moving y=5 takes x=2 along (same process).
const chainedWrites = history(
  ...kw(2, 'x', 2),
  ...kw(2, 'y', 5),
  ...kw(1, 'x', 1),
  ...kr(1, 'x', 1),
  ...kw(1, 'y', 4),
  ...mismatch(1, 'y', 4, 6),
  ...kr(1, 'x', 1),
);

describe('relocateFreeWrites', () => {
  it("moves an unobserved write into the span of the failed comparison's value", () => {
    const { sequences } = prepare(earlyWrite);
    const ops = sequences.flat();
    const [w2, w1] = [
      ops.find((s) => s.op.process === 0)!,
      ops.find((s) => s.op.f === 'write' && s.op.process === 1)!,
    ];
    const f = ops.find((s) => s.op.type === 'fail')!;
    const read = ops.find((s) => s.op.f === 'read')!;
    const moves = relocateFreeWrites([w2, w1, read], sequences, f, null, inner);
    expect(moves.map(show)).toEqual([show([w1, w2, read])]);
  });

  it('offers nothing when the value is held until a cas that expects it', () => {
    const h = history(
      ...kw(0, 'x', 2),
      ...kw(1, 'x', 1),
      ...mismatch(1, 'x', 1, 3),
      ...call(2, 'cas', ['x', [1, 4]]),
    );
    const { sequences } = prepare(h);
    const ops = sequences.flat();
    const order = [
      ops.find((s) => s.op.process === 0)!,
      ops.find((s) => s.op.f === 'write' && s.op.process === 1)!,
    ];
    order.push(ops.find((s) => s.op.f === 'cas' && s.op.type === 'ok')!);
    expect(
      relocateFreeWrites(
        order,
        sequences,
        ops.find((s) => s.op.type === 'fail')!,
        null,
        inner,
      ),
    ).toEqual([]);
  });
});

describe('the fail-free witness with relocated writes', () => {
  for (const [name, h] of [
    ['an ok write placed too early', earlyWrite],
    ['a crashed write left out', crashedWrite],
    ['a write that takes another unobserved write of its process along', chainedWrites],
  ] as const) {
    it(`needs the move: ${name}`, () => {
      expect(bruteForceSequential(h, { model: 'cas-register', independent: true })).toBe(true);
      expect(witness(h, 0)).toBeUndefined();
      const order = witness(h);
      expect(order).toBeDefined();
      expect(order!.some((s) => s.op.type === 'fail')).toBe(true);
    });
  }

  it('gives the checker its valid verdict (the fail-free witness decides)', () => {
    for (const h of [earlyWrite, crashedWrite, chainedWrites]) {
      const result = checkSequential(h, { model: 'cas-register', independent: true });
      expect(result.valid).toBe(true);
      expect(result.stats?.['failFreeWitness']).toBe(1);
    }
  });

  it('finds no witness when the write that would move is observed', () => {
    expect(bruteForceSequential(observedWrite, { model: 'cas-register', independent: true })).toBe(false);
    expect(witness(observedWrite)).toBeUndefined();
    expect(checkSequential(observedWrite, { model: 'cas-register', independent: true }).valid).toBe(false);
  });
});
