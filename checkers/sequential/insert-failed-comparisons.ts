import type { Value } from '../../src/core/op.js';
import { valueKey } from '../models/value-key.js';
import type { SeqOp } from './process-sequences.js';
import { keyWrites, type KeyWrites } from './key-writes.js';

/** Where the failed comparisons go in an order: a slot each (slot s is just before order[s]), or none. */
export interface Insertion {
  slots: Map<SeqOp, number>;
  /** Failed comparisons that fit nowhere in this order. */
  misfits: SeqOp[];
}

/**
 * Places every failed comparison (type fail) of `sequences` that `order` does not hold into a slot
 * of `order`, a legal order of the other ops it places, or lists it as a misfit.
 *
 * Why this is exact for the given order: a failed comparison writes nothing, so where it goes
 * changes no state another op sees; its only constraints are program order (after its process's
 * previous op, before the next one) and that its key not hold the expected value at its place.
 * The places of one process's ops form a chain of gaps, so putting each failed comparison at the
 * earliest allowed slot after the previous one of its process leaves the most room for the rest
 * (exchange argument: any legal placement can be shifted to the greedy one slot by slot). Hence
 * every failed comparison fits into `order` iff this greedy placement leaves no misfit. A misfit
 * says nothing about other orders, so the caller never turns it into `invalid`.
 */
export function insertFailedComparisons(
  order: readonly SeqOp[],
  sequences: readonly SeqOp[][],
  initial: Value,
  inner: (v: Value) => Value,
): Insertion {
  const position = new Map<SeqOp, number>();
  order.forEach((s, i) => position.set(s, i));
  const writes = keyWrites(order, inner);
  const initialKey = valueKey(initial);
  const slots = new Map<SeqOp, number>();
  const misfits: SeqOp[] = [];
  for (const seq of sequences) {
    let slot = 0;
    for (let i = 0; i < seq.length; i++) {
      const s = seq[i]!;
      const at = position.get(s);
      if (at !== undefined) {
        slot = at + 1;
        continue;
      }
      if (s.op.type !== 'fail') continue; // a crashed op the order leaves out
      const limit = nextPlaced(seq, i, position, order.length);
      const expected = valueKey((inner(s.op.model.value) as Value[])[0]!);
      const free = firstSlotWithout(writes[s.part], initialKey, expected, slot);
      if (free > limit) {
        misfits.push(s);
        continue;
      }
      slot = free;
      slots.set(s, slot);
    }
  }
  return { slots, misfits };
}

/** `order` with the inserted ops at their slots (ops sharing a slot keep the order they were given in). */
export function withInserted(order: readonly SeqOp[], slots: ReadonlyMap<SeqOp, number>): SeqOp[] {
  const atSlot = new Map<number, SeqOp[]>();
  for (const [s, slot] of slots) {
    const list = atSlot.get(slot);
    if (list === undefined) atSlot.set(slot, [s]);
    else list.push(s);
  }
  const out: SeqOp[] = [];
  for (let i = 0; i <= order.length; i++) {
    const list = atSlot.get(i);
    if (list !== undefined) out.push(...list);
    if (i < order.length) out.push(order[i]!);
  }
  return out;
}

/** The slot of the next op of `seq` after index i that `order` places (order.length: none). */
function nextPlaced(
  seq: readonly SeqOp[],
  i: number,
  position: ReadonlyMap<SeqOp, number>,
  end: number,
): number {
  for (let j = i + 1; j < seq.length; j++) {
    const at = position.get(seq[j]!);
    if (at !== undefined) return at;
  }
  return end;
}

/** The first slot from `from` on at which the key does not hold `expected` (Infinity: none). */
function firstSlotWithout(
  k: KeyWrites | undefined,
  initialKey: string,
  expected: string,
  from: number,
): number {
  if (k === undefined) return initialKey === expected ? Infinity : from;
  let slot = from;
  for (let w = k.lastBefore(from); ; w++) {
    const held = w < 0 ? initialKey : k.values[w]!;
    if (held !== expected) return slot;
    if (w + 1 >= k.at.length) return Infinity;
    slot = k.at[w + 1]! + 1;
  }
}
