import type { Model } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { blockWitness, type KeyBlocks } from './block-witness.js';
import { insertFailedComparisons, withInserted } from './insert-failed-comparisons.js';
import { isWitness } from './is-witness.js';
import { orderByConstraints } from './order-by-constraints.js';
import type { SeqOp } from './process-sequences.js';

/** Rounds of the two-pass witness before it gives up (each gates the failed comparisons that stuck). */
export const WITNESS_ROUNDS = 6;

/**
 * A witness of a keyed history with unique written values, built in passes: the block witness
 * orders every op but the failed comparisons (except those gated); those are then inserted where
 * their key does not hold the expected value (insertFailedComparisons), and if some fit nowhere,
 * the order is rebuilt from its constraints with a side chosen for each (orderByConstraints).
 * Failed comparisons that fit no side under that round's write order are handed to the next
 * round's block witness, which places them itself (and so picks another write order). The result
 * is checked whole (isWitness), so it only ever proves `valid`; undefined says nothing.
 */
export function failFreeWitness(
  model: Model,
  sequences: readonly SeqOp[][],
  keys: readonly KeyBlocks[],
  initial: Value,
  inner: (v: Value) => Value,
  rounds = WITNESS_ROUNDS,
): SeqOp[] | undefined {
  const gated = new Set<PartitionOp>();
  for (let round = 0; round < rounds; round++) {
    const rest = sequences.map((seq) => seq.filter((s) => s.op.type !== 'fail' || gated.has(s.op)));
    const some = keys.map((k) => ({ ...k, observations: k.observations.filter((op) => gated.has(op)) }));
    const order = blockWitness(model, rest, some, keys.length, inner);
    if (order === undefined) return undefined;
    const insertion = insertFailedComparisons(order, sequences, initial, inner);
    const full =
      insertion.misfits.length === 0
        ? { order: withInserted(order, insertion.slots) }
        : orderByConstraints(order, sequences, insertion, initial, inner);
    if ('order' in full) return isWitness(model, full.order, sequences, keys.length) ? full.order : undefined;
    if (full.stuck.length === 0) return undefined;
    for (const s of full.stuck) gated.add(s.op);
  }
  return undefined;
}
