import type { Model, ModelFactory, ModelOptions } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { isPair } from './check-pair.js';
import { valueKey } from './value-key.js';

/** State of the kv-append model: canonical key -> string value, for keys written so far. */
type KvAppendState = ReadonlyMap<string, string>;

/** A string for a state, equal only for equal states: keys (canonical, so without NUL) with length-prefixed values. */
function hashState(state: KvAppendState): string {
  let out = '';
  if (state.size === 1) {
    for (const [k, v] of state) out = `${k}\u0000${v.length}\u0000${v}`;
    return out;
  }
  for (const k of [...state.keys()].sort()) {
    const v = state.get(k)!;
    out += `${k}\u0000${v.length}\u0000${v}`;
  }
  return out;
}

/**
 * A map of strings, the shape of Porcupine's key-value model: `get [k nil]` returns `[k v]`,
 * `put [k v]` sets it, `append [k v]` appends to it. Every key starts as the initial value (the
 * empty string unless configured), and a get that returns nil read the empty string. `key`
 * partitions ops, so each key is checked alone. States are hashed by a length-prefixed string,
 * not JSON, and info appends are never dropped as unobserved (a get sees them inside a longer
 * string), so the model declares no written/observed values.
 */
export const kvAppend: ModelFactory = (options: ModelOptions = {}): Model<KvAppendState> => {
  const initial = typeof options.initial === 'string' ? options.initial : '';
  const read = (state: KvAppendState, k: string): string => state.get(k) ?? initial;
  return {
    name: 'kv-append',
    description: 'A map of strings with get, put and append, ops on [key value]; checked key by key.',
    fs: ['get', 'put', 'append'],
    init: () => new Map(),
    step: (state, op) => {
      const [key, value] = op.value as [Value, Value];
      const k = valueKey(key);
      const current = read(state, k);
      if (op.f === 'get') return op.crashed || (value ?? '') === current ? state : null;
      const next = op.f === 'put' ? (value as string) : current + (value as string);
      return next === current ? state : new Map(state).set(k, next);
    },
    hash: hashState,
    show: (state) => `{${[...state.entries()].map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')}}`,
    validate: (f, value, type) => {
      if (f !== 'get' && f !== 'put' && f !== 'append')
        return `kv-append ops are get, put and append, not ${f}`;
      if (type === 'fail' || type === 'info') return undefined;
      if (!isPair(value)) return `a kv-append value is [key value], not ${valueKey(value)}`;
      const v = value[1];
      if (f === 'get' ? v !== null && typeof v !== 'string' : type === 'invoke' && typeof v !== 'string')
        return `a kv-append ${f} ${f === 'get' ? 'returns' : 'takes'} a string, not ${valueKey(v)}`;
      return undefined;
    },
    isReadOnly: (op) => op.f === 'get',
    key: (op) => (op.value as Value[])[0]!,
  };
};
