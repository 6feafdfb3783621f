import type { Generator } from '../core/generator.js';

/** One round of a cycle: its generator, made on first use, and the round after it. Write-once cells. */
interface Round {
  gen?: Generator;
  next?: Round;
}

/**
 * Runs a fresh `make()` each time the previous one ends, `times` rounds in all (default forever).
 * Rounds are memoised so a round that starts while pending (e.g. a sleep) is the same on the next ask.
 */
export function cycle(make: () => Generator, times = Infinity, round: Round = {}): Generator {
  return {
    next(ctx) {
      let rd = round;
      let left = times;
      let emptyFresh = 0;
      while (left > 0) {
        const fresh = rd.gen === undefined;
        rd.gen ??= make();
        const r = rd.gen.next(ctx);
        if (r === 'pending') return r;
        if (r !== null) return { op: r.op, gen: cycle(make, left, { gen: r.gen }) };
        // A fresh round that ends at once, twice in a row, has nothing to emit: stop, don't spin.
        if (fresh && ++emptyFresh >= 2) return null;
        left--;
        rd.next ??= {};
        rd = rd.next;
      }
      return null;
    },
    update: (ctx, event) => cycle(make, times, round.gen ? { gen: round.gen.update(ctx, event) } : round),
  };
}
