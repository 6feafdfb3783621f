// The kv-append model as it was before its strings were interned: a map of plain strings, keyed
// by its whole length-prefixed contents. A reference for the fast model's tests.
import type { Model } from '../../src/core/model.js';
import type { Value } from '../../src/core/op.js';
import { models } from '../../checkers/models/index.js';
import { valueKey } from '../../checkers/models/value-key.js';

type PlainState = ReadonlyMap<string, string>;

/** kv-append over plain strings, states told apart by their full contents (no `id`). */
export function plainKvAppend(initialValue = ''): Model<PlainState> {
  const fast = models['kv-append']({ initial: initialValue });
  const read = (state: PlainState, k: string): string => state.get(k) ?? initialValue;
  return {
    ...(fast as unknown as Model<PlainState>),
    name: 'plain-kv-append',
    init: () => new Map(),
    step: (state, op) => {
      const [key, value] = op.value as [Value, Value];
      const k = valueKey(key);
      const current = read(state, k);
      if (op.f === 'get') return op.crashed || (value ?? '') === current ? state : null;
      const next = op.f === 'put' ? (value as string) : current + (value as string);
      return next === current ? state : new Map(state).set(k, next);
    },
    hash: (state) =>
      [...state.keys()]
        .sort()
        .map((k) => `${k}\u0000${state.get(k)!.length}\u0000${state.get(k)!}`)
        .join(''),
    id: undefined,
    show: (state) => `{${[...state.entries()].map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')}}`,
  };
}
