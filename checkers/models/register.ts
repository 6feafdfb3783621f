import type { Model, ModelFactory, ModelOp, ModelOptions } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { valueEquals, valueKey } from './value-key.js';

/** Steps read and write on a register holding `state`; shared by register, cas-register and kv. */
export function stepReadWrite(state: Value, op: ModelOp, nilReadsUnknown: boolean): Value | undefined | null {
  if (op.f === 'write') return op.value;
  if (op.f === 'read') {
    if (op.crashed) return state;
    if (op.value === null && nilReadsUnknown) return state;
    return valueEquals(op.value, state) ? state : null;
  }
  return undefined;
}

/** A single read/write register. A read's ok value is what it read; nil is the initial value unless configured. */
export const register: ModelFactory = (options: ModelOptions = {}): Model<Value> => {
  const nilReadsUnknown = options.nilReadsUnknown ?? false;
  return {
    name: 'register',
    description: 'A read/write register: a read returns the latest write (or the initial value).',
    fs: ['read', 'write'],
    init: () => options.initial ?? null,
    step: (state, op) => stepReadWrite(state, op, nilReadsUnknown) ?? null,
    hash: valueKey,
    show: valueKey,
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
