import type { Generator } from '../../src/core/generator.js';
import { fillIn } from '../../src/generator/op-spec.js';

export interface RegisterOpsOptions {
  /** Keys in use at once (default 3). */
  keys: number;
  /** Ops per key before it is retired for a fresh one, keeping each key's history checkable (default 200). */
  opsPerKey: number;
  /** Values written and compared are 0..values-1 (default 5). */
  values: number;
  /**
   * Write each key's values 1, 2, 3, ... once each instead (a cas compares with one of the key's
   * last three values), so sequential consistency is decided by the unique-writes construction.
   */
  uniqueValues?: boolean;
}

/** Per live key: ops issued so far and the last value the generator asked to write (unique mode). */
interface KeyState {
  key: number;
  ops: number;
  written: number;
}

/**
 * Keyed register ops, Jepsen's independent generator in miniature: each op picks one of `keys`
 * live keys at random; after `opsPerKey` ops a key is retired and the next fresh key takes its place.
 * read [k, null]; write [k, v]; cas [k, [old, new]].
 */
export function registerOps(options: RegisterOpsOptions, live?: readonly KeyState[]): Generator {
  const keys = live ?? Array.from({ length: options.keys }, (_, key) => ({ key, ops: 0, written: 0 }));
  const self: Generator = {
    next(ctx) {
      const i = ctx.rng.int(keys.length);
      const k = keys[i]!;
      const kind = ctx.rng.int(3);
      let written = k.written;
      const fresh = (): number => (options.uniqueValues === true ? ++written : ctx.rng.int(options.values));
      // Unique mode compares with a recent value (0: never written, so the cas fails).
      const old = (): number =>
        options.uniqueValues === true ? Math.max(0, k.written - ctx.rng.int(3)) : ctx.rng.int(options.values);
      const spec =
        kind === 0
          ? { f: 'read', value: [k.key, null] }
          : kind === 1
            ? { f: 'write', value: [k.key, fresh()] }
            : { f: 'cas', value: [k.key, [old(), fresh()]] };
      const op = fillIn(spec, ctx);
      if (op === undefined) return 'pending';
      const next = [...keys];
      next[i] =
        k.ops + 1 >= options.opsPerKey
          ? { key: Math.max(...keys.map((x) => x.key)) + 1, ops: 0, written: 0 }
          : { key: k.key, ops: k.ops + 1, written };
      return { op, gen: registerOps(options, next) };
    },
    update: () => self,
  };
  return self;
}
