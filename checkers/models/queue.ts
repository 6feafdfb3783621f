import type { Model, ModelFactory, ModelOptions } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { valueKey } from './value-key.js';

/** Canonical keys of the queued elements, head first. */
type QueueState = readonly string[];

/**
 * A FIFO queue: `enqueue x`; `dequeue` returns the head. An ok dequeue of nil means the queue was
 * empty; a crashed dequeue removes the head if there is one.
 */
export const queue: ModelFactory = (options: ModelOptions = {}): Model<QueueState> => {
  const initial = Array.isArray(options.initial) ? options.initial.map((v: Value) => valueKey(v)) : [];
  return {
    name: 'queue',
    description: 'A FIFO queue: enqueue x; dequeue returns the oldest element.',
    fs: ['enqueue', 'dequeue'],
    init: () => initial,
    step: (state, op) => {
      if (op.f === 'enqueue') return [...state, valueKey(op.value)];
      if (op.crashed) return state.length === 0 ? state : state.slice(1);
      if (op.value === null) return state.length === 0 ? state : null;
      return state[0] === valueKey(op.value) ? state.slice(1) : null;
    },
    hash: (state) => state.join(' '),
    show: (state) => `[${state.join(' ')}]`,
    validate: (f) =>
      f === 'enqueue' || f === 'dequeue' ? undefined : `queue ops are enqueue and dequeue, not ${f}`,
    isReadOnly: () => false,
  };
};
