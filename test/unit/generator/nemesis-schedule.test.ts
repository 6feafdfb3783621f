import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../src/core/nemesis.js';
import { nemesis, nemesisSchedule, simulate, timeLimit } from '../../../src/generator/index.js';

const S = 1e9;
const threads = [0, 1, 'nemesis'] as const;

/** Fault kind `name`, whose start value is drawn from the schedule's rng. */
const kind = (name: string): FaultKind => ({
  name,
  start: (rng) => ({ f: `start-${name}`, value: rng.int(1000) }),
  stop: { f: `stop-${name}`, value: null },
});

/** The names of the faults a schedule starts in `seconds`, in order. */
function started(kinds: readonly FaultKind[], seconds: number, seed: number | undefined): string[] {
  const gen = nemesis(
    timeLimit(seconds * S, nemesisSchedule(kinds, 1 * S, seed === undefined ? {} : { seed })),
  );
  return simulate(gen, { threads, seed: 3, latency: () => 0.1 * S })
    .filter((e) => e.type === 'invoke' && e.f.startsWith('start-'))
    .map((e) => e.f.slice('start-'.length));
}

/** Brute-force reading of "each kind gets a turn before one repeats": every aligned block of k is all k kinds. */
function everyRoundHasEachKind(sequence: readonly string[], names: readonly string[]): boolean {
  for (let i = 0; i < sequence.length; i += names.length) {
    const block = sequence.slice(i, i + names.length);
    if (new Set(block).size !== block.length || block.some((b) => !names.includes(b))) return false;
  }
  return true;
}

describe('nemesisSchedule rounds', () => {
  it('starts partition and kill in its first two faults (the README main job, seed 1)', () => {
    const first = started([kind('partition'), kind('kill')], 10, 1).slice(0, 2);
    expect([...first].sort()).toEqual(['kill', 'partition']);
  });

  it('gives every kind a turn before repeating one, for any seed and number of kinds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (k, seed) => {
        const names = Array.from({ length: k }, (_, i) => `k${i}`);
        const sequence = started(names.map(kind), 5 * k * 2 + 1, seed);
        expect(sequence.length).toBeGreaterThanOrEqual(2 * k);
        expect(everyRoundHasEachKind(sequence, names)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps rounds when drawing from the context rng (no seed of its own)', () => {
    const names = ['a', 'b', 'c'];
    const sequence = started(names.map(kind), 40, undefined);
    expect(sequence.length).toBeGreaterThanOrEqual(9);
    expect(everyRoundHasEachKind(sequence, names)).toBe(true);
  });

  it('is deterministic by seed, and the order differs between seeds', () => {
    const kinds = ['a', 'b', 'c', 'd'].map(kind);
    expect(started(kinds, 60, 11)).toEqual(started(kinds, 60, 11));
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => started(kinds, 60, seed).join(' ')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('does not always start with the same kind', () => {
    const kinds = [kind('partition'), kind('kill')];
    const firsts = new Set(Array.from({ length: 20 }, (_, seed) => started(kinds, 3, seed)[0]));
    expect(firsts).toEqual(new Set(['partition', 'kill']));
  });
});
