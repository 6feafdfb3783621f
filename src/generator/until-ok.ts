import type { Generator } from '../core/generator.js';

type Thread = number | 'nemesis';

/**
 * Emits ops of `gen` until one of them completes ok, then ends (e.g. retry a final read until it
 * succeeds; bound it with limit). Ops already running when that happens still complete.
 */
export function untilOk(
  gen: Generator,
  outstanding: ReadonlySet<Thread> = new Set(),
  done = false,
): Generator {
  return {
    next(ctx) {
      if (done) return null;
      const r = gen.next(ctx);
      if (r === null || r === 'pending') return r;
      return { op: r.op, gen: untilOk(r.gen, new Set(outstanding).add(r.op.thread)) };
    },
    update(ctx, event) {
      if (!outstanding.has(event.thread)) return untilOk(gen.update(ctx, event), outstanding, done);
      const rest = new Set(outstanding);
      rest.delete(event.thread);
      return untilOk(gen.update(ctx, event), rest, done || event.type === 'ok');
    },
  };
}
