import type { Generator } from '../core/generator.js';

/** Each op comes from a generator chosen at random (seeded); ended generators drop out. */
export function mix(gens: readonly Generator[]): Generator {
  return {
    next(ctx) {
      const live = [...gens];
      while (live.length > 0) {
        const i = ctx.rng.int(live.length);
        const r = live[i]!.next(ctx);
        if (r === 'pending') return r;
        if (r !== null) return { op: r.op, gen: mix(gens.map((g) => (g === live[i] ? r.gen : g))) };
        live.splice(i, 1);
        return mix(live).next(ctx);
      }
      return null;
    },
    update: (ctx, event) => mix(gens.map((g) => g.update(ctx, event))),
  };
}
