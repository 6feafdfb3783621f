import type { Generator } from '../../src/core/generator.js';
import { fillIn } from '../../src/generator/op-spec.js';

export interface RegisterOpsOptions {
  /** Keys in use at once (default 3). */
  keys: number;
  /** Ops per key before it is retired for a fresh one, keeping each key's history checkable (default 200). */
  opsPerKey: number;
  /** Values written and compared are 0..values-1 (default 5). */
  values: number;
}

/**
 * Keyed register ops, Jepsen's independent generator in miniature: each op picks one of `keys`
 * live keys at random; after `opsPerKey` ops a key is retired and the next fresh key takes its place.
 * read [k, null]; write [k, v]; cas [k, [old, new]].
 */
export function registerOps(
  options: RegisterOpsOptions,
  live?: readonly number[],
  counts?: readonly number[],
): Generator {
  const keys = live ?? Array.from({ length: options.keys }, (_, k) => k);
  const used = counts ?? keys.map(() => 0);
  const self: Generator = {
    next(ctx) {
      const i = ctx.rng.int(keys.length);
      const k = keys[i]!;
      const v = () => ctx.rng.int(options.values);
      const kind = ctx.rng.int(3);
      const spec =
        kind === 0
          ? { f: 'read', value: [k, null] }
          : kind === 1
            ? { f: 'write', value: [k, v()] }
            : { f: 'cas', value: [k, [v(), v()]] };
      const op = fillIn(spec, ctx);
      if (op === undefined) return 'pending';
      const nextKeys = [...keys];
      const nextUsed = [...used];
      nextUsed[i]! += 1;
      if (nextUsed[i]! >= options.opsPerKey) {
        nextKeys[i] = Math.max(...keys) + 1;
        nextUsed[i] = 0;
      }
      return { op, gen: registerOps(options, nextKeys, nextUsed) };
    },
    update: () => self,
  };
  return self;
}
