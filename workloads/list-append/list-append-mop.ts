import type { Value } from '../../src/core/op.js';
import { parseTxn } from './parse-txn.js';

/** A list-append micro-op: append `v` to the list at key `k`, or read the list (null until it completes). */
export type ListAppendMop = ['append', number, number] | ['r', number, number[] | null];

/** Validates a txn value from the generator into micro-ops; anything else is an INTERNAL error (a generator bug). */
export function parseListAppendTxn(value: Value): ListAppendMop[] {
  return parseTxn(value, 'append', 'list-append');
}
