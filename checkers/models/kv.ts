import type { Model, ModelFactory, ModelOptions } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { isPair } from './check-pair.js';
import { stepReadWrite } from './register.js';
import { valueKey } from './value-key.js';

/** State of the kv model: key -> value for keys written so far (canonical key strings). */
type KvState = ReadonlyMap<string, Value>;

/**
 * Many registers: read and write take `[key value]` (a read is invoked as `[key nil]`). Every key
 * starts at the initial value. `key` partitions ops, so the checker checks one key at a time.
 */
export const kv: ModelFactory = (options: ModelOptions = {}): Model<KvState> => {
  const nilReadsUnknown = options.nilReadsUnknown ?? false;
  const initial = options.initial ?? null;
  return {
    name: 'kv',
    description: 'A map of read/write registers, ops on [key value]; checked key by key.',
    fs: ['read', 'write'],
    init: () => new Map(),
    step: (state, op) => {
      const [key, value] = op.value as [Value, Value];
      const k = valueKey(key);
      const current = state.has(k) ? state.get(k)! : initial;
      const box = { value: current };
      const next = stepReadWrite(box, { ...op, value }, nilReadsUnknown);
      if (next === null) return null;
      if (next === box) return state;
      return new Map(state).set(k, next.value);
    },
    hash: (state) =>
      [...state.entries()]
        .map(([k, v]) => `${k}=${valueKey(v)}`)
        .sort()
        .join(','),
    show: (state) => `{${[...state.entries()].map(([k, v]) => `${k} ${valueKey(v)}`).join(', ')}}`,
    validate: (f, value, type) => {
      if (f !== 'read' && f !== 'write') return `kv ops are read and write, not ${f}`;
      if (type !== 'fail' && type !== 'info' && !isPair(value))
        return `a kv value is [key value], not ${valueKey(value)}`;
      return undefined;
    },
    isReadOnly: (op) => op.f === 'read',
    key: (op) => (op.value as Value[])[0]!,
    written: (op) => (op.f === 'write' ? { value: op.value } : undefined),
    observed: (op) => {
      const v = (op.value as Value[])[1]!;
      return op.f === 'read' && !op.crashed && !(v === null && nilReadsUnknown)
        ? { value: op.value }
        : 'nothing';
    },
  };
};
