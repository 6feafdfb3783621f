// Builders for transactional test histories: `txn(p, ['append', 'x', 1], ['r', 'y', [1]])` gives
// the invocation (reads nil) and its ok completion (reads as written here).
import type { Value } from '../../../../src/core/op.js';
import { type EventSpec, fail, info, invoke, ok } from '../../../support/history.js';

export type MicroOp = [string, Value, Value];

const invoked = (mops: readonly MicroOp[]): Value => mops.map(([f, k, v]) => [f, k, f === 'r' ? null : v]);

/** A committed transaction run by process `p`. */
export function txn(p: number, ...mops: MicroOp[]): EventSpec[] {
  return [invoke(p, 'txn', invoked(mops)), ok(p, 'txn', mops)];
}

/** An aborted transaction: it certainly did not happen. */
export function aborted(p: number, ...mops: MicroOp[]): EventSpec[] {
  return [invoke(p, 'txn', invoked(mops)), fail(p, 'txn', invoked(mops))];
}

/** An indeterminate transaction: it may or may not have committed. */
export function crashed(p: number, ...mops: MicroOp[]): EventSpec[] {
  return [invoke(p, 'txn', invoked(mops)), info(p, 'txn', invoked(mops))];
}

/** Invocation and completion as separate events, for concurrent schedules. */
export function begin(p: number, ...mops: MicroOp[]): EventSpec {
  return invoke(p, 'txn', invoked(mops));
}

export function commit(p: number, ...mops: MicroOp[]): EventSpec {
  return ok(p, 'txn', mops);
}
