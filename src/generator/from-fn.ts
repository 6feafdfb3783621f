import type { GenContext, Generator } from '../core/generator.js';
import { fillIn, type OpSpec } from './op-spec.js';

/** An op source: calls `fn` for each op; ends when it returns null. Pending while no thread is free. */
export function fromFn(fn: (ctx: GenContext) => OpSpec | null): Generator {
  const gen: Generator = {
    next(ctx) {
      if (![...ctx.free].some((t) => ctx.threads.includes(t))) return 'pending';
      const spec = fn(ctx);
      if (spec === null) return null;
      const op = fillIn(spec, ctx);
      return op === undefined ? 'pending' : { op, gen };
    },
    update: () => gen,
  };
  return gen;
}
