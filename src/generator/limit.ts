import type { Generator } from '../core/generator.js';

/** Emits at most `n` ops of `gen`. */
export function limit(n: number, gen: Generator): Generator {
  return {
    next(ctx) {
      if (n <= 0) return null;
      const r = gen.next(ctx);
      if (r === null || r === 'pending') return r;
      return { op: r.op, gen: limit(n - 1, r.gen) };
    },
    update: (ctx, event) => limit(n, gen.update(ctx, event)),
  };
}
