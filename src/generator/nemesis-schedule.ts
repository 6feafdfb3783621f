import type { Generator } from '../core/generator.js';
import type { FaultKind } from '../core/nemesis.js';
import { Anchor } from './anchor.js';
import { createRng } from './rng.js';

export interface NemesisScheduleOptions {
  /**
   * Draw the n-th fault from an RNG seeded with (seed, n) instead of the context's, so the fault
   * sequence depends on the seed alone, not on how many client ops ran in between.
   */
  seed?: number;
}

/**
 * The nemesis's timetable: wait `interval` ns, start a fault of a kind chosen at random, wait
 * `interval` after it took effect, stop it; repeat. Emits on the 'nemesis' thread only. The clock for
 * each wait starts when the previous fault op completed, so slow faults do not shorten windows.
 */
export function nemesisSchedule(
  kinds: readonly FaultKind[],
  intervalNs: number,
  options: NemesisScheduleOptions = {},
): Generator {
  return schedule(kinds, intervalNs, options.seed, 0, undefined, new Anchor());
}

function schedule(
  kinds: readonly FaultKind[],
  intervalNs: number,
  seed: number | undefined,
  n: number,
  active: FaultKind | undefined,
  since: Anchor | number,
): Generator {
  return {
    next(ctx) {
      if (kinds.length === 0) return null;
      if (!ctx.free.has('nemesis') || !ctx.threads.includes('nemesis')) return 'pending';
      const from = typeof since === 'number' ? since : since.at(ctx);
      const time = Math.max(ctx.time, from + intervalNs);
      if (active) {
        const op = { ...active.stop, thread: 'nemesis' as const, time };
        return { op, gen: schedule(kinds, intervalNs, seed, n, undefined, Infinity) };
      }
      const draw = seed === undefined ? ctx.rng : createRng((Math.imul(seed, 0x9e3779b1) + n) | 0);
      const kind = draw.pick(kinds);
      const op = { ...kind.start(draw), thread: 'nemesis' as const, time };
      return { op, gen: schedule(kinds, intervalNs, seed, n + 1, kind, Infinity) };
    },
    update(ctx, event) {
      if (event.thread !== 'nemesis') return schedule(kinds, intervalNs, seed, n, active, since);
      return schedule(kinds, intervalNs, seed, n, active, ctx.time);
    },
  };
}
