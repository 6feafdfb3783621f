import type { Model, ModelFactory, ModelOp, ModelOptions } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { valueEquals, valueKey } from './value-key.js';

/** A register's state, boxed because step returns null for an impossible op and nil is a value. */
export interface RegisterState {
  readonly value: Value;
}

/** Steps a read or write on a register; null when the op is impossible (a read of another value). */
export function stepReadWrite(
  state: RegisterState,
  op: ModelOp,
  nilReadsUnknown: boolean,
): RegisterState | null {
  if (op.f === 'write') return valueEquals(op.value, state.value) ? state : { value: op.value };
  if (op.crashed) return state;
  if (op.value === null && nilReadsUnknown) return state;
  return valueEquals(op.value, state.value) ? state : null;
}

/** A single read/write register. A read's ok value is what it read; nil is the initial value unless configured. */
export const register: ModelFactory = (options: ModelOptions = {}): Model<RegisterState> => {
  const nilReadsUnknown = options.nilReadsUnknown ?? false;
  return {
    name: 'register',
    description: 'A read/write register: a read returns the latest write (or the initial value).',
    fs: ['read', 'write'],
    init: () => ({ value: options.initial ?? null }),
    step: (state, op) => stepReadWrite(state, op, nilReadsUnknown),
    hash: (state) => valueKey(state.value),
    show: (state) => valueKey(state.value),
    validate: (f) =>
      f === 'read' || f === 'write' ? undefined : `register ops are read and write, not ${f}`,
    isReadOnly: (op) => op.f === 'read',
    written: (op) => (op.f === 'write' ? { value: op.value } : undefined),
    observed: (op) =>
      op.f === 'read' && !op.crashed && !(op.value === null && nilReadsUnknown)
        ? { value: op.value }
        : 'nothing',
  };
};
