import type { GenOp, Generator } from '../core/generator.js';

type Thread = number | 'nemesis';

/**
 * Every thread runs its own copy of `make()`, seeing only itself; ends when every copy has ended.
 * The copies are made the first time the generator is asked (memoised, so a pending answer keeps them).
 */
export function eachThread(make: () => Generator, copies?: Map<Thread, Generator | null>): Generator {
  const cell: { copies?: Map<Thread, Generator | null> } = copies ? { copies } : {};
  const self: Generator = {
    next(ctx) {
      cell.copies ??= new Map(ctx.threads.map((t) => [t, make()]));
      const all = cell.copies;
      let best: { op: GenOp; gen: Generator } | undefined;
      let done = true;
      for (const [t, g] of all) {
        if (g === null) continue;
        if (!ctx.free.has(t)) {
          done = false;
          continue;
        }
        const r = g.next({ ...ctx, threads: [t], free: new Set([t]) });
        if (r === null) {
          all.set(t, null); // exhaustion is permanent, so recording it keeps the generator a value
          continue;
        }
        done = false;
        if (r !== 'pending' && (best === undefined || r.op.time < best.op.time)) best = r;
      }
      if (best !== undefined) {
        const { op, gen } = best;
        return { op, gen: eachThread(make, new Map(all).set(op.thread, gen)) };
      }
      return done ? null : 'pending';
    },
    update(ctx, event) {
      const all = cell.copies;
      const g = all?.get(event.thread);
      if (!all || !g) return self;
      const t = event.thread;
      return eachThread(
        make,
        new Map(all).set(t, g.update({ ...ctx, threads: [t], free: new Set([t]) }, event)),
      );
    },
  };
  return self;
}
