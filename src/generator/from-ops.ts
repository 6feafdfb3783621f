import type { Generator } from '../core/generator.js';
import { fillIn, type OpSpec } from './op-spec.js';

/** Emits each op of `ops` once, in order. */
export function fromOps(ops: readonly OpSpec[], start = 0): Generator {
  const gen: Generator = {
    next(ctx) {
      const spec = ops[start];
      if (spec === undefined) return null;
      const op = fillIn(spec, ctx);
      return op === undefined ? 'pending' : { op, gen: fromOps(ops, start + 1) };
    },
    update: () => gen,
  };
  return gen;
}

/** Emits `op` once. */
export function once(op: OpSpec): Generator {
  return fromOps([op]);
}
