import type { Model, ModelFactory, ModelOptions } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { isPair } from './check-pair.js';
import { type StringNode, StringNodes } from './string-nodes.js';
import { valueKey } from './value-key.js';

/** State of the kv-append model: canonical key -> interned string, for keys written so far, and its interned id. */
interface KvAppendState {
  readonly values: ReadonlyMap<string, StringNode>;
  readonly id: number;
}

/** A string for a state, equal only for equal states: keys (canonical, so without NUL) with length-prefixed values. */
function hashState(state: KvAppendState): string {
  let out = '';
  for (const k of [...state.values.keys()].sort()) {
    const v = state.values.get(k)!.text;
    out += `${k}\u0000${v.length}\u0000${v}`;
  }
  return out;
}

/** The interning key of a state's map: its keys (sorted unless one) with their strings' node ids. */
function idKey(values: ReadonlyMap<string, StringNode>): string {
  if (values.size === 1) for (const [k, v] of values) return `${k}\u0000${v.id}`;
  let out = '';
  for (const k of [...values.keys()].sort()) out += `${k}\u0000${values.get(k)!.id}\u0000`;
  return out;
}

/**
 * A map of strings, the shape of Porcupine's key-value model: `get [k nil]` returns `[k v]`,
 * `put [k v]` sets it, `append [k v]` appends to it. Every key starts as the initial value (the
 * empty string unless configured), and a get that returns nil read the empty string. `key`
 * partitions ops, so each key is checked alone. Strings are interned (`StringNodes`) and a state
 * by its keys' node ids (`id`), so a new state costs a short key, not a hash of its whole strings;
 * `hash` (the sequential checker's key) stays the length-prefixed strings. Info appends are never
 * dropped as unobserved (a get sees them inside a longer string), so the model declares no
 * written/observed values.
 */
export const kvAppend: ModelFactory = (options: ModelOptions = {}): Model<KvAppendState> => {
  const strings = new StringNodes();
  const initial = strings.put(typeof options.initial === 'string' ? options.initial : '');
  const ids = new Map<string, number>();
  const keys = new Map<Value, string>();
  const read = (state: KvAppendState, k: string): StringNode => state.values.get(k) ?? initial;
  const canonical = (key: Value): string => {
    let k = keys.get(key);
    if (k === undefined) keys.set(key, (k = valueKey(key)));
    return k;
  };
  const make = (values: ReadonlyMap<string, StringNode>): KvAppendState => {
    const key = idKey(values);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size + 1));
    return { values, id };
  };
  const empty: KvAppendState = { values: new Map(), id: 0 };
  return {
    name: 'kv-append',
    description: 'A map of strings with get, put and append, ops on [key value]; checked key by key.',
    fs: ['get', 'put', 'append'],
    init: () => empty,
    step: (state, op) => {
      const [key, value] = op.value as [Value, Value];
      const k = canonical(key);
      const current = read(state, k);
      if (op.f === 'get')
        return op.crashed || strings.equals(current, (value as string | null) ?? '') ? state : null;
      const next = op.f === 'put' ? strings.put(value as string) : strings.append(current, value as string);
      return next === current ? state : make(new Map(state.values).set(k, next));
    },
    hash: hashState,
    id: (state) => state.id,
    show: (state) =>
      `{${[...state.values.entries()].map(([k, v]) => `${k} ${JSON.stringify(v.text)}`).join(', ')}}`,
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
