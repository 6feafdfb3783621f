import type { Model, ModelFactory, ModelOptions } from '../../src/core/model.js';

/** A counter: `add n` (n may be negative); `read` returns the sum. Starts at the initial value, or 0 when nil. */
export const counter: ModelFactory = (options: ModelOptions = {}): Model<number> => {
  const initial = typeof options.initial === 'number' ? options.initial : 0;
  return {
    name: 'counter',
    description: 'A counter: add n; read returns the sum of the adds (from 0 unless configured).',
    fs: ['add', 'read'],
    init: () => initial,
    step: (state, op) => {
      if (op.f === 'add') return state + (op.value as number);
      if (op.crashed) return state;
      return op.value === state ? state : null;
    },
    hash: String,
    // The sum itself tells states apart: the search interns it without building a string.
    id: (state) => state,
    show: String,
    validate: (f, value, type) => {
      if (f !== 'add' && f !== 'read') return `counter ops are add and read, not ${f}`;
      if (f === 'add' && typeof value !== 'number')
        return `a counter adds a number, not ${JSON.stringify(value)}`;
      if (f === 'read' && type === 'ok' && typeof value !== 'number')
        return `a counter read returns a number`;
      return undefined;
    },
    isReadOnly: (op) => op.f === 'read',
  };
};
