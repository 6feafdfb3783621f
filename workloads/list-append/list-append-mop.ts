import { FaultlineError } from '../../src/core/errors.js';
import type { Value } from '../../src/core/op.js';

/** A list-append micro-op: append `v` to the list at key `k`, or read the list (null until it completes). */
export type ListAppendMop = ['append', number, number] | ['r', number, number[] | null];

/** Validates a txn value from the generator into micro-ops; anything else is an INTERNAL error (a generator bug). */
export function parseListAppendTxn(value: Value): ListAppendMop[] {
  if (!Array.isArray(value)) throw bad(value);
  return value.map((m) => {
    if (!Array.isArray(m) || m.length !== 3 || typeof m[1] !== 'number') throw bad(value);
    if (m[0] === 'append' && typeof m[2] === 'number') return ['append', m[1], m[2]];
    if (m[0] === 'r') return ['r', m[1], null];
    throw bad(value);
  });
}

function bad(value: Value): FaultlineError {
  return new FaultlineError('INTERNAL', `Not a list-append transaction: ${JSON.stringify(value)}.`, {
    hint: 'This is a generator bug; please report it with the seed.',
  });
}
