import type { Model, ModelFactory, ModelOptions } from '../../src/core/model.js';
import { valueKey } from './value-key.js';

/** Sorted canonical keys of the elements. */
type SetState = readonly string[];

/** A grow-only set: `add x`, and `read` returning the whole set (an array, any order). */
export const set: ModelFactory = (options: ModelOptions = {}): Model<SetState> => {
  const initial = Array.isArray(options.initial) ? [...new Set(options.initial.map(valueKey))].sort() : [];
  return {
    name: 'set',
    description: 'A set: add x; read returns every element added so far.',
    fs: ['add', 'read'],
    init: () => initial,
    step: (state, op) => {
      if (op.f === 'add') {
        const k = valueKey(op.value);
        return state.includes(k) ? state : [...state, k].sort();
      }
      if (op.crashed) return state;
      if (!Array.isArray(op.value)) return null;
      const read = [...new Set(op.value.map(valueKey))].sort();
      return read.length === state.length && read.every((k, i) => k === state[i]) ? state : null;
    },
    hash: (state) => state.join(' '),
    show: (state) => `#{${state.join(' ')}}`,
    validate: (f, value, type) => {
      if (f !== 'add' && f !== 'read') return `set ops are add and read, not ${f}`;
      if (f === 'read' && type === 'ok' && !Array.isArray(value))
        return `a set read returns an array, not ${valueKey(value)}`;
      return undefined;
    },
    isReadOnly: (op) => op.f === 'read',
  };
};
