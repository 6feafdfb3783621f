import type { Generator } from '../core/generator.js';

/** How far behind schedule (ns) a staggered generator may fall before it stops catching up. */
const MAX_BACKLOG_NS = 1e9;

/**
 * Spaces the ops of `gen` by random gaps uniform in [0, 2·dt) ns, so on average one op per `dt`
 * over all threads (Jepsen's stagger). Behind schedule (all threads were busy) it catches up by at
 * most one second's worth of ops instead of flooding the database.
 */
export function stagger(dtNs: number, gen: Generator, nextTime?: number): Generator {
  return {
    next(ctx) {
      const r = gen.next(ctx);
      if (r === null || r === 'pending') return r;
      const due = nextTime === undefined ? ctx.time : Math.max(nextTime, ctx.time - MAX_BACKLOG_NS);
      const time = Math.max(r.op.time, due);
      const gap = ctx.rng.next() * 2 * dtNs;
      return { op: { ...r.op, time }, gen: stagger(dtNs, r.gen, time + gap) };
    },
    update: (ctx, event) => stagger(dtNs, gen.update(ctx, event), nextTime),
  };
}

/** About `opsPerSecond` ops per second over all threads, with randomized gaps. */
export function rate(opsPerSecond: number, gen: Generator): Generator {
  return stagger(1e9 / opsPerSecond, gen);
}
