import type { GenOp, Generator } from '../core/generator.js';

/** Merges generators: emits the op due soonest among them; ends when all have ended. Events go to all. */
export function any(...gens: readonly Generator[]): Generator {
  return {
    next(ctx) {
      let best: { op: GenOp; gen: Generator; i: number } | undefined;
      let pending = false;
      const live: Generator[] = [];
      gens.forEach((g) => {
        const r = g.next(ctx);
        if (r === null) return;
        live.push(g);
        if (r === 'pending') pending = true;
        else if (best === undefined || r.op.time < best.op.time) best = { ...r, i: live.length - 1 };
      });
      if (best !== undefined) {
        const { op, gen, i } = best;
        return { op, gen: any(...live.map((g, j) => (j === i ? gen : g))) };
      }
      return pending ? 'pending' : null;
    },
    update: (ctx, event) => any(...gens.map((g) => g.update(ctx, event))),
  };
}
