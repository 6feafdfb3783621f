import type { Generator } from '../core/generator.js';
import { Anchor } from './anchor.js';

/** Emits ops of `gen` scheduled before `dt` ns after it was first asked; then ends. */
export function timeLimit(dtNs: number, gen: Generator, anchor = new Anchor()): Generator {
  return {
    next(ctx) {
      const deadline = anchor.at(ctx) + dtNs;
      if (ctx.time >= deadline) return null;
      const r = gen.next(ctx);
      if (r === null || r === 'pending') return r;
      if (r.op.time >= deadline) return null;
      return { op: r.op, gen: timeLimit(dtNs, r.gen, anchor) };
    },
    update: (ctx, event) => timeLimit(dtNs, gen.update(ctx, event), anchor),
  };
}
