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
  /** The sum of `pairHash` over its (key, string) pairs: extended in O(1) when one key changes. */
  readonly sum: number;
}

/** A 32-bit hash of one key (by its index) holding one interned string (by its node id). */
function pairHash(key: number, node: number): number {
  let h = Math.imul(key + 1, 0x9e3779b1) ^ Math.imul(node + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae3d);
  return h ^ (h >>> 13);
}

/** Whether two states hold the same keys with the same strings. */
function samePairs(a: KvAppendState, keys: readonly string[], values: readonly StringNode[]): boolean {
  if (a.keys.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (a.keys[i] !== keys[i] || a.values[i] !== values[i]) return false;
  return true;
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

/**
 * A map of strings, the shape of Porcupine's key-value model: `get [k nil]` returns `[k v]`,
 * `put [k v]` sets it, `append [k v]` appends to it. Every key starts as the initial value (the
 * empty string unless configured), and a get that returns nil read the empty string. `key`
 * partitions ops, so each key is checked alone. Strings are interned (`StringNodes`), and a state
 * of several keys by a sum of (key, node id) hashes kept up to date as keys change, then pair by
 * pair, so a new state costs neither a hash of its whole strings nor a key string of all its keys;
 * `hash` (the sequential checker's key) stays the length-prefixed strings. Info appends are never
 * dropped as unobserved (a get sees them inside a longer string), so the model declares no
 * written/observed values.
 */
export const kvAppend: ModelFactory = (options: ModelOptions = {}): Model<KvAppendState> => {
  const strings = new StringNodes();
  const initial = strings.put(typeof options.initial === 'string' ? options.initial : '');
  /** States of one key, by key then node id: a transition to a known state allocates nothing. */
  const single = new Map<string, Map<number, KvAppendState>>();
  /** States of several keys, by `sum` (then compared pair by pair). */
  const several = new Map<number, KvAppendState[]>();
  let nextId = 1;
  const canonicalKeys = new Map<Value, string>();
  const canonical = (key: Value): string => {
    let k = canonicalKeys.get(key);
    if (k === undefined) canonicalKeys.set(key, (k = valueKey(key)));
    return k;
  };
  const keyIndex = new Map<string, number>();
  const indexOf = (k: string): number => {
    let i = keyIndex.get(k);
    if (i === undefined) keyIndex.set(k, (i = keyIndex.size));
    return i;
  };
  /** The state of one key `keys[0]` holding `node`. */
  const makeOne = (keys: readonly string[], node: StringNode, sum: number): KvAppendState => {
    let byNode = single.get(keys[0]!);
    if (byNode === undefined) single.set(keys[0]!, (byNode = new Map()));
    let state = byNode.get(node.id);
    if (state === undefined) byNode.set(node.id, (state = { keys, values: [node], id: nextId++, sum }));
    return state;
  };
  /** The state of two or more keys holding `values`. */
  const makeSeveral = (
    keys: readonly string[],
    values: readonly StringNode[],
    sum: number,
  ): KvAppendState => {
    const bucket = several.get(sum);
    if (bucket !== undefined) for (const s of bucket) if (samePairs(s, keys, values)) return s;
    const state: KvAppendState = { keys, values, id: nextId++, sum };
    if (bucket === undefined) several.set(sum, [state]);
    else bucket.push(state);
    return state;
  };
  /** The state with `k` set to `node`. */
  const set = (state: KvAppendState, at: number, k: string, node: StringNode): KvAppendState => {
    const ki = indexOf(k);
    if (at >= 0) {
      const sum = (state.sum - pairHash(ki, state.values[at]!.id) + pairHash(ki, node.id)) | 0;
      if (state.keys.length === 1) return makeOne(state.keys, node, sum);
      const values = state.values.slice();
      values[at] = node;
      return makeSeveral(state.keys, values, sum);
    }
    const sum = (state.sum + pairHash(ki, node.id)) | 0;
    if (state.keys.length === 0) return makeOne([k], node, sum);
    const keys = [...state.keys, k].sort();
    const i = keys.indexOf(k);
    const values = state.values.slice();
    values.splice(i, 0, node);
    return makeSeveral(keys, values, sum);
  };
  const empty: KvAppendState = { keys: [], values: [], id: 0, sum: 0 };
  return {
    name: 'kv-append',
    description: 'A map of strings with get, put and append, ops on [key value]; checked key by key.',
    fs: ['get', 'put', 'append'],
    init: () => empty,
    step: (state, op) => {
      const pair = op.value as [Value, Value];
      const key = pair[0];
      const value = pair[1];
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
