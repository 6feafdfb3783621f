import type { Model, ModelFactory, ModelOptions } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { isPair } from './check-pair.js';
import { type StringNode, StringNodes } from './string-nodes.js';
import { valueKey } from './value-key.js';

/**
 * State of the kv-append model: the keys written so far (canonical, sorted) with their interned
 * strings, and the state's interned id. A partition holds one key, so the arrays are short.
 */
interface KvAppendState {
  readonly keys: readonly string[];
  readonly values: readonly StringNode[];
  readonly id: number;
}

/** A string for a state, equal only for equal states: keys (canonical, so without NUL) with length-prefixed values. */
function hashState(state: KvAppendState): string {
  let out = '';
  state.keys.forEach((k, i) => {
    const v = state.values[i]!.text;
    out += `${k}\u0000${v.length}\u0000${v}`;
  });
  return out;
}

/** The interning key of a state of several keys: its keys with their strings' node ids. */
function idKey(keys: readonly string[], values: readonly StringNode[]): string {
  let out = '';
  keys.forEach((k, i) => (out += `${k}\u0000${values[i]!.id}\u0000`));
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
  /** State ids: of one key, by key then node id; of several, by `idKey`. */
  const single = new Map<string, number[]>();
  const several = new Map<string, number>();
  let nextId = 1;
  const canonicalKeys = new Map<Value, string>();
  const canonical = (key: Value): string => {
    let k = canonicalKeys.get(key);
    if (k === undefined) canonicalKeys.set(key, (k = valueKey(key)));
    return k;
  };
  const make = (keys: readonly string[], values: readonly StringNode[]): KvAppendState => {
    if (keys.length === 1) {
      let byNode = single.get(keys[0]!);
      if (byNode === undefined) single.set(keys[0]!, (byNode = []));
      const id = (byNode[values[0]!.id] ??= nextId++);
      return { keys, values, id };
    }
    const key = idKey(keys, values);
    let id = several.get(key);
    if (id === undefined) several.set(key, (id = nextId++));
    return { keys, values, id };
  };
  /** The state with `k` set to `node`. */
  const set = (state: KvAppendState, at: number, k: string, node: StringNode): KvAppendState => {
    if (at >= 0) {
      const values = state.values.slice();
      values[at] = node;
      return make(state.keys, values);
    }
    if (state.keys.length === 0) return make([k], [node]);
    const keys = [...state.keys, k].sort();
    const i = keys.indexOf(k);
    const values = state.values.slice();
    values.splice(i, 0, node);
    return make(keys, values);
  };
  const empty: KvAppendState = { keys: [], values: [], id: 0 };
  return {
    name: 'kv-append',
    description: 'A map of strings with get, put and append, ops on [key value]; checked key by key.',
    fs: ['get', 'put', 'append'],
    init: () => empty,
    step: (state, op) => {
      const [key, value] = op.value as [Value, Value];
      const k = canonical(key);
      const at = state.keys.length === 1 ? (state.keys[0] === k ? 0 : -1) : state.keys.indexOf(k);
      const current = at >= 0 ? state.values[at]! : initial;
      if (op.f === 'get')
        return op.crashed || strings.equals(current, (value as string | null) ?? '') ? state : null;
      const next = op.f === 'put' ? strings.put(value as string) : strings.append(current, value as string);
      return next === current ? state : set(state, at, k, next);
    },
    hash: hashState,
    id: (state) => state.id,
    show: (state) =>
      `{${state.keys.map((k, i) => `${k} ${JSON.stringify(state.values[i]!.text)}`).join(', ')}}`,
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
