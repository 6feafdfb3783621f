import type { Value } from '../../src/core/op.js';
import { parseTxn } from '../list-append/parse-txn.js';

/** A rw-register micro-op: write `v` to key `k`, or read it (null until it completes, or when unset). */
export type RwRegisterMop = ['w', number, number] | ['r', number, number | null];

/** Validates a txn value from the generator into micro-ops; anything else is an INTERNAL error (a generator bug). */
export function parseRwRegisterTxn(value: Value): RwRegisterMop[] {
  return parseTxn(value, 'w', 'rw-register');
}
