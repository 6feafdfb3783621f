import type { Generator } from '../core/generator.js';
import type { FaultKind } from '../core/nemesis.js';
import { Anchor } from './anchor.js';

/**
 * The nemesis's timetable: wait `interval` ns, start a fault of a kind chosen at random, wait
 * `interval` after it took effect, stop it; repeat. Emits on the 'nemesis' thread only. The clock for
 * each wait starts when the previous fault op completed, so slow faults do not shorten windows.
 */
export function nemesisSchedule(
  kinds: readonly FaultKind[],
  intervalNs: number,
  active?: FaultKind,
  since: Anchor | number = new Anchor(),
): Generator {
  return {
    next(ctx) {
      if (kinds.length === 0) return null;
      if (!ctx.free.has('nemesis') || !ctx.threads.includes('nemesis')) return 'pending';
      const from = typeof since === 'number' ? since : since.at(ctx);
      const time = Math.max(ctx.time, from + intervalNs);
      if (active) {
        const op = { ...active.stop, thread: 'nemesis' as const, time };
        return { op, gen: nemesisSchedule(kinds, intervalNs, undefined, Infinity) };
      }
      const kind = ctx.rng.pick(kinds);
      const op = { ...kind.start(ctx.rng), thread: 'nemesis' as const, time };
      return { op, gen: nemesisSchedule(kinds, intervalNs, kind, Infinity) };
    },
    update(ctx, event) {
      if (event.thread !== 'nemesis') return nemesisSchedule(kinds, intervalNs, active, since);
      return nemesisSchedule(kinds, intervalNs, active, ctx.time);
    },
  };
}
