import type { Generator } from '../core/generator.js';

/** Emits the next op of `gen` over and over without advancing it, `times` times (default forever). */
export function repeat(gen: Generator, times = Infinity): Generator {
  return {
    next(ctx) {
      if (times <= 0) return null;
      const r = gen.next(ctx);
      if (r === null || r === 'pending') return r;
      return { op: r.op, gen: repeat(gen, times - 1) };
    },
    update: (ctx, event) => repeat(gen.update(ctx, event), times),
  };
}
