import type { Generator, Rng } from '../../src/core/generator.js';
import type { Value } from '../../src/core/op.js';
import { fillIn } from '../../src/generator/op-spec.js';

export interface TxnGeneratorOptions {
  /** `append` for list-append, `w` for rw-register. */
  write: 'append' | 'w';
  /** Keys in use at once (default 5). */
  activeKeys?: number;
  /** Micro-ops per transaction, 1..maxTxnLength (default 4). */
  maxTxnLength?: number;
  /** Writes a key receives before it is retired for a fresh one (default 16), keeping reads short. */
  maxWritesPerKey?: number;
}

interface State {
  /** Active keys; retired ones never come back. */
  readonly keys: readonly number[];
  /** Writes issued per active key, same order as `keys`. */
  readonly writes: readonly number[];
  readonly nextKey: number;
  /** Written values are unique across the whole run, which the checkers rely on. */
  readonly nextValue: number;
}

/**
 * Elle-style transactions: 1..maxTxnLength random reads and writes over a small rotating set of
 * keys, every written value unique, each key retired after maxWritesPerKey writes. Pure: the state
 * lives in the returned generator.
 */
export function txnGenerator(options: TxnGeneratorOptions): Generator {
  const active = options.activeKeys ?? 5;
  const initial: State = {
    keys: Array.from({ length: active }, (_, i) => i),
    writes: Array.from({ length: active }, () => 0),
    nextKey: active,
    nextValue: 1,
  };
  return gen(options, initial);
}

function gen(options: TxnGeneratorOptions, state: State): Generator {
  const self: Generator = {
    next(ctx) {
      if (![...ctx.free].some((t) => ctx.threads.includes(t))) return 'pending';
      const [value, after] = makeTxn(options, state, ctx.rng);
      const op = fillIn({ f: 'txn', value }, ctx);
      return op === undefined ? 'pending' : { op, gen: gen(options, after) };
    },
    update: () => self,
  };
  return self;
}

function makeTxn(options: TxnGeneratorOptions, state: State, rng: Rng): [Value, State] {
  const maxLen = options.maxTxnLength ?? 4;
  const maxWrites = options.maxWritesPerKey ?? 16;
  const keys = [...state.keys];
  const writes = [...state.writes];
  let { nextKey, nextValue } = state;
  const len = 1 + rng.int(maxLen);
  const mops: Value[] = [];
  for (let i = 0; i < len; i++) {
    const slot = rng.int(keys.length);
    const k = keys[slot]!;
    if (rng.next() < 0.5) {
      mops.push(['r', k, null]);
    } else {
      mops.push([options.write, k, nextValue++]);
      writes[slot] = writes[slot]! + 1;
      if (writes[slot]! >= maxWrites) {
        keys[slot] = nextKey++;
        writes[slot] = 0;
      }
    }
  }
  return [mops, { keys, writes, nextKey, nextValue }];
}
