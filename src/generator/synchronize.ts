import type { Generator } from '../core/generator.js';

/** Waits until every thread `gen` can see is free (all outstanding ops done), then behaves as `gen`. */
export function synchronize(gen: Generator): Generator {
  return {
    next(ctx) {
      if (ctx.threads.some((t) => !ctx.free.has(t))) return 'pending';
      return gen.next(ctx);
    },
    update: (ctx, event) => synchronize(gen.update(ctx, event)),
  };
}
