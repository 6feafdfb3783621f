// The fail-free witness alone (block witness, then insertFailedComparisons / orderByConstraints)
// against brute force, on tiny cas-register histories with unique values and failed comparisons
// (cas-mismatch). It may only ever prove `valid`: whenever it returns an order, the brute force
// must find the history sequentially consistent and the order must replay as a witness. The same
// holds in one round with unobserved writes moved for the misfits, which some cases need.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionHistory } from '../../../../checkers/linearizability/partition-history.js';
import { models } from '../../../../checkers/models/index.js';
import type { KeyBlocks } from '../../../../checkers/sequential/block-witness.js';
import { failFreeWitness } from '../../../../checkers/sequential/fail-free-witness.js';
import { isWitness } from '../../../../checkers/sequential/is-witness.js';
import { processSequences } from '../../../../checkers/sequential/process-sequences.js';
import { uniqueWritesOrder } from '../../../../checkers/sequential/unique-writes-order.js';
import type { History, Value } from '../../../../src/core/op.js';
import { bruteForceSequential } from '../../../support/brute-force-sequential.js';
import { tinyHistory, tinyProcs, type TinyShape } from '../../../support/tiny-register-histories.js';

const RUNS = 1500;
const errors = [undefined, 'cas-mismatch', 'cas-mismatch', 'timeout'] as const;

/** The witness the checker's insertion step builds, or undefined (no answer, or values not unique). */
function witness(
  h: History,
  independent: boolean,
  rounds?: number,
  relocations?: number,
): { proved: boolean; replays: boolean; failed: boolean } {
  const model = models['cas-register']({});
  const inner = (v: Value): Value => v;
  const { partitions } = partitionHistory(h, model, independent);
  const keys: KeyBlocks[] = [];
  for (const part of partitions) {
    const o = uniqueWritesOrder(part.ops, null, inner);
    if ('applies' in o || !o.valid) return { proved: false, replays: false, failed: false };
    keys.push({ blocks: o.blocks, segments: o.segments, observations: o.observations });
  }
  const sequences = processSequences(partitions);
  const order = failFreeWitness(model, sequences, keys, null, inner, rounds, relocations);
  if (order === undefined) return { proved: false, replays: false, failed: false };
  return {
    proved: true,
    replays: isWitness(model, order, sequences, partitions.length),
    failed: order.some((s) => s.op.type === 'fail'),
  };
}

describe('the fail-free witness only proves sequentially consistent histories', () => {
  for (const keys of [['x'], ['x', 'y']] as const) {
    it(`${keys.length} key(s), unique values, failed comparisons`, () => {
      const shape: TinyShape = { fs: ['read', 'write', 'cas'], keys, unique: true, errors };
      const tally = { proved: 0, withFailed: 0, consistent: 0, runs: 0, moved: 0 };
      fc.assert(
        fc.property(tinyProcs(shape), (procs) => {
          const independent = keys.length > 1;
          const h = tinyHistory(procs, independent);
          const sc = bruteForceSequential(h, { model: 'cas-register', independent });
          const w = witness(h, independent);
          tally.runs++;
          if (sc) tally.consistent++;
          // One round, so that only moving unobserved writes (not gating) can place a misfit.
          const once = witness(h, independent, 1);
          if (once.proved) {
            expect(sc, JSON.stringify(h)).toBe(true);
            expect(once.replays, JSON.stringify(h)).toBe(true);
            if (!witness(h, independent, 1, 0).proved) tally.moved++;
          }
          if (!w.proved) return;
          tally.proved++;
          if (w.failed) tally.withFailed++;
          expect(sc, JSON.stringify(h)).toBe(true);
          expect(w.replays, JSON.stringify(h)).toBe(true);
        }),
        { numRuns: RUNS, seed: 41 + keys.length },
      );
      // The insertion step must run often (witnesses holding failed comparisons), and some
      // histories must be inconsistent, or "only proves valid" is never put to the test.
      expect(tally.withFailed).toBeGreaterThan(RUNS / 30);
      expect(tally.consistent).toBeLessThan(tally.runs - RUNS / 10);
      expect(tally.proved).toBeLessThanOrEqual(tally.consistent);
      // Moving unobserved writes (relocateFreeWrites) must be what proves some of them.
      expect(tally.moved).toBeGreaterThan(0);
    });
  }
});
