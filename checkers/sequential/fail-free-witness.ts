import type { Model } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { blockWitness, type KeyBlocks } from './block-witness.js';
import { insertFailedComparisons, withInserted } from './insert-failed-comparisons.js';
import { isWitness } from './is-witness.js';
import { orderByConstraints } from './order-by-constraints.js';
import { relocateFreeWrites } from './relocate-free-writes.js';
import type { SeqOp } from './process-sequences.js';

/** Rounds of the two-pass witness before it gives up (each gates the failed comparisons that stuck). */
export const WITNESS_ROUNDS = 6;

/** Moved orders (see relocateFreeWrites) the witness may rebuild for stuck failed comparisons, in all rounds. */
export const RELOCATION_TRIES = 32;

/**
 * A witness of a keyed history with unique written values, built in passes: the block witness
 * orders every op but the failed comparisons (except those gated); those are then inserted where
 * their key does not hold the expected value (insertFailedComparisons), and if some fit nowhere,
 * the order is rebuilt from its constraints with a side chosen for each (orderByConstraints).
 * For those that fit no side, an unobserved write of their key (placed too early by the block
 * witness, or a crashed one it left out) is moved into their value's span (relocateFreeWrites),
 * up to `relocations` moves tried in all. Failed comparisons still stuck are handed to the next
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
  relocations = RELOCATION_TRIES,
): SeqOp[] | undefined {
  const gated = new Set<PartitionOp>();
  const budget = { left: relocations };
  for (let round = 0; round < rounds; round++) {
    const rest = sequences.map((seq) => seq.filter((s) => s.op.type !== 'fail' || gated.has(s.op)));
    const some = keys.map((k) => ({ ...k, observations: k.observations.filter((op) => gated.has(op)) }));
    const order = blockWitness(model, rest, some, keys.length, inner);
    if (order === undefined) return undefined;
    const witness = (o: SeqOp[]): boolean => isWitness(model, o, sequences, keys.length);
    const full = complete(order, sequences, initial, inner, witness, budget);
    if ('order' in full) return witness(full.order) ? full.order : undefined;
    if (full.stuck.length === 0) return undefined;
    for (const s of full.stuck) gated.add(s.op);
  }
  return undefined;
}

/**
 * The failed comparisons inserted into `order`, the order rebuilt from constraints when some fit
 * nowhere, and, for those still stuck, unobserved writes moved into their value's span
 * (relocateFreeWrites): a move is kept when fewer are stuck after it, and the first complete
 * order that `witness` accepts ends the search. A comparison none of whose moves helped is not
 * tried again. Each moved order rebuilt takes one from `budget`.
 */
function complete(
  start: SeqOp[],
  sequences: readonly SeqOp[][],
  initial: Value,
  inner: (v: Value) => Value,
  witness: (order: SeqOp[]) => boolean,
  budget: { left: number },
): { order: SeqOp[] } | { stuck: SeqOp[] } {
  let order: readonly SeqOp[] = start;
  let full = solve(order, sequences, initial, inner);
  // Failed comparisons none of whose moves helped; not tried again in this round.
  const hopeless = new Set<SeqOp>();
  while ('stuck' in full && full.stuck.length > 0) {
    const better = relocated(order, full.stuck, sequences, initial, inner, witness, budget, hopeless);
    if (better === undefined) break;
    [order, full] = better;
  }
  return full;
}

/** The first moved order that leaves fewer failed comparisons stuck, or none and is a witness. */
function relocated(
  order: readonly SeqOp[],
  stuck: readonly SeqOp[],
  sequences: readonly SeqOp[][],
  initial: Value,
  inner: (v: Value) => Value,
  witness: (order: SeqOp[]) => boolean,
  budget: { left: number },
  hopeless: Set<SeqOp>,
): [SeqOp[], { order: SeqOp[] } | { stuck: SeqOp[] }] | undefined {
  for (const f of stuck) {
    if (hopeless.has(f)) continue;
    for (const moved of relocateFreeWrites(order, sequences, f, initial, inner)) {
      if (budget.left-- <= 0) return undefined;
      const next = solve(moved, sequences, initial, inner);
      const fewer =
        'order' in next ? witness(next.order) : next.stuck.length > 0 && next.stuck.length < stuck.length;
      if (fewer) return [moved, next];
    }
    hopeless.add(f);
  }
  return undefined;
}

/** The failed comparisons inserted into `order`, or the order rebuilt from constraints for the misfits. */
function solve(
  order: readonly SeqOp[],
  sequences: readonly SeqOp[][],
  initial: Value,
  inner: (v: Value) => Value,
): { order: SeqOp[] } | { stuck: SeqOp[] } {
  const insertion = insertFailedComparisons(order, sequences, initial, inner);
  return insertion.misfits.length === 0
    ? { order: withInserted(order, insertion.slots) }
    : orderByConstraints(order, sequences, insertion, initial, inner);
}
