import type { Generator } from '../core/generator.js';
import { synchronize } from './synchronize.js';

/** Runs generators one after the other; each later phase starts once all ops of the one before ended. */
export function phases(...gens: readonly Generator[]): Generator {
  const [head, ...rest] = gens;
  if (head === undefined) return { next: () => null, update: () => phases() };
  return {
    next(ctx) {
      const r = head.next(ctx);
      if (r === 'pending') return r;
      if (r === null) {
        const [second, ...others] = rest;
        return second === undefined ? null : phases(synchronize(second), ...others).next(ctx);
      }
      return { op: r.op, gen: phases(r.gen, ...rest) };
    },
    update: (ctx, event) => phases(head.update(ctx, event), ...rest),
  };
}
