import type { Model, ModelFactory, ModelOp } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { valueKey } from './value-key.js';

/** Free, or held by an owner; `null` is a holder nobody named (an anonymous acquire). */
type MutexState = { holder: Value } | undefined;

/** The owner an acquire or release names: its value, or its first element when it is a list. */
export function lockOwner(value: Value): Value {
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** An anonymous op (owner null) matches any holder; named ones only their own. */
function sameOwner(holder: Value, owner: Value): boolean {
  return holder === null || owner === null || valueKey(holder) === valueKey(owner);
}

function step(state: MutexState, op: ModelOp): MutexState | null {
  const owner = lockOwner(op.value);
  if (op.f === 'acquire') {
    if (state === undefined) return { holder: owner };
    return op.crashed ? state : null;
  }
  if (state !== undefined && sameOwner(state.holder, owner)) return undefined;
  return op.crashed ? state : null;
}

/**
 * A lock. An ok `acquire` needs it free and makes its owner the holder; an ok `release` needs it
 * held by its owner. The owner is the op's value (or the value's first element): a lock client
 * names each hold with a token, so a release by someone who lost the lock is caught. Owner `null`
 * is anonymous and matches anyone (a plain mutex). A crashed op does what it can, or nothing.
 */
export const mutex: ModelFactory = (): Model<MutexState> => ({
  name: 'mutex',
  description: 'A lock: acquire succeeds only when free, release only by the holder (owner = value).',
  fs: ['acquire', 'release'],
  init: () => undefined,
  step,
  hash: (state) =>
    state === undefined ? 'free' : state.holder === null ? 'held' : `held ${valueKey(state.holder)}`,
  show: (state) =>
    state === undefined ? 'free' : state.holder === null ? 'held' : `held by ${valueKey(state.holder)}`,
  validate: (f) =>
    f === 'acquire' || f === 'release' ? undefined : `mutex ops are acquire and release, not ${f}`,
  isReadOnly: () => false,
});
