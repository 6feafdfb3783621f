import { FaultlineError } from '../../src/core/errors.js';
import type { Value } from '../../src/core/op.js';

/** A rw-register micro-op: write `v` to key `k`, or read it (null until it completes, or when unset). */
export type RwRegisterMop = ['w', number, number] | ['r', number, number | null];

/** Validates a txn value from the generator into micro-ops; anything else is an INTERNAL error (a generator bug). */
export function parseRwRegisterTxn(value: Value): RwRegisterMop[] {
  if (!Array.isArray(value)) throw bad(value);
  return value.map((m) => {
    if (!Array.isArray(m) || m.length !== 3 || typeof m[1] !== 'number') throw bad(value);
    if (m[0] === 'w' && typeof m[2] === 'number') return ['w', m[1], m[2]];
    if (m[0] === 'r') return ['r', m[1], null];
    throw bad(value);
  });
}

function bad(value: Value): FaultlineError {
  return new FaultlineError('INTERNAL', `Not a rw-register transaction: ${JSON.stringify(value)}.`, {
    hint: 'This is a generator bug; please report it with the seed.',
  });
}
