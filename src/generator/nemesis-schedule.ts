import type { Generator, Rng } from '../core/generator.js';
import type { FaultKind } from '../core/nemesis.js';
import { Anchor } from './anchor.js';
import { createRng } from './rng.js';
import { shuffle } from './shuffle.js';

export interface NemesisScheduleOptions {
  /**
   * Draw the n-th fault from an RNG seeded with (seed, n) instead of the context's, so the fault
   * sequence depends on the seed alone, not on how many client ops ran in between.
   */
  seed?: number;
}

/** Where the schedule is: faults started so far, the kinds left in this round, the fault now active. */
interface ScheduleState {
  n: number;
  round: readonly FaultKind[];
  active: FaultKind | undefined;
}

/**
 * The nemesis's timetable: wait `interval` ns, start a fault, wait `interval` after it took effect,
 * stop it; repeat. The kinds come in rounds: each round is a random order of all of them, so every
 * kind gets a turn before any repeats. Emits on the 'nemesis' thread only. The clock for each wait
 * starts when the previous fault op completed, so slow faults do not shorten windows.
 */
export function nemesisSchedule(
  kinds: readonly FaultKind[],
  intervalNs: number,
  options: NemesisScheduleOptions = {},
): Generator {
  const start: ScheduleState = { n: 0, round: [], active: undefined };
  return schedule(kinds, intervalNs, options.seed, start, new Anchor());
}

function schedule(
  kinds: readonly FaultKind[],
  intervalNs: number,
  seed: number | undefined,
  state: ScheduleState,
  since: Anchor | number,
): Generator {
  return {
    next(ctx) {
      if (kinds.length === 0) return null;
      if (!ctx.free.has('nemesis') || !ctx.threads.includes('nemesis')) return 'pending';
      const from = typeof since === 'number' ? since : since.at(ctx);
      const time = Math.max(ctx.time, from + intervalNs);
      const { n, active } = state;
      if (active) {
        const op = { ...active.stop, thread: 'nemesis' as const, time };
        return { op, gen: schedule(kinds, intervalNs, seed, { ...state, active: undefined }, Infinity) };
      }
      const draw = seed === undefined ? ctx.rng : faultRng(seed, n);
      const [kind, ...rest] = state.round.length > 0 ? state.round : shuffle(kinds, draw);
      const op = { ...kind!.start(draw), thread: 'nemesis' as const, time };
      const next: ScheduleState = { n: n + 1, round: rest, active: kind };
      return { op, gen: schedule(kinds, intervalNs, seed, next, Infinity) };
    },
    update(ctx, event) {
      return schedule(kinds, intervalNs, seed, state, event.thread === 'nemesis' ? ctx.time : since);
    },
  };
}

/** The RNG of the n-th fault of a seeded schedule. */
function faultRng(seed: number, n: number): Rng {
  return createRng((Math.imul(seed, 0x9e3779b1) + n) | 0);
}
