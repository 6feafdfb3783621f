import { FaultlineError } from '../../core/errors.js';
import type { Value } from '../../core/op.js';

/** A list-append micro-op: append `v` to the list at key `k`, or read the list (null until it completes). */
export type ListAppendMop = ['append', number, number] | ['r', number, number[] | null];

/** A rw-register micro-op: write `v` to key `k`, or read it (null until it completes, or when unset). */
export type RwRegisterMop = ['w', number, number] | ['r', number, number | null];

/** A generated micro-op: write `v` to key `k` with the workload's write f, or read `k` (null until it completes). */
export type GeneratedMop<W extends string> = [W, number, number] | ['r', number, null];

/**
 * Validates a txn value from the generator into micro-ops whose writes are `write`; anything else
 * is an INTERNAL error (a generator bug) naming `workload`.
 */
export function parseTxn<W extends string>(value: Value, write: W, workload: string): GeneratedMop<W>[] {
  const bad = () =>
    new FaultlineError('INTERNAL', `Not a ${workload} transaction: ${JSON.stringify(value)}.`, {
      hint: 'This is a generator bug; please report it with the seed.',
    });
  if (!Array.isArray(value)) throw bad();
  return value.map((m): GeneratedMop<W> => {
    if (!Array.isArray(m) || m.length !== 3 || typeof m[1] !== 'number') throw bad();
    if (m[0] === write && typeof m[2] === 'number') return [write, m[1], m[2]];
    if (m[0] === 'r') return ['r', m[1], null];
    throw bad();
  });
}

/** Validates a list-append txn value from the generator into micro-ops. */
export function parseListAppendTxn(value: Value): ListAppendMop[] {
  return parseTxn(value, 'append', 'list-append');
}

/** Validates a rw-register txn value from the generator into micro-ops. */
export function parseRwRegisterTxn(value: Value): RwRegisterMop[] {
  return parseTxn(value, 'w', 'rw-register');
}
