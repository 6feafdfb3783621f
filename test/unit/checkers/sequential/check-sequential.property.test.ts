import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSequential } from '../../../../checkers/sequential/check-sequential.js';
import type { FailedCasReading } from '../../../../src/core/failed-cas.js';
import { partitionHistory } from '../../../../checkers/linearizability/partition-history.js';
import { models } from '../../../../checkers/models/index.js';
import { processSequences } from '../../../../checkers/sequential/process-sequences.js';
import { sequentialSearch } from '../../../../checkers/sequential/sequential-search.js';
import { uniqueWritesPruning } from '../../../../checkers/sequential/unique-writes-pruning.js';
import type { History } from '../../../../src/core/op.js';
import { bruteForceSequential } from '../../../support/brute-force-sequential.js';
import { call, fail, history, invoke } from '../../../support/history.js';
import { tinyHistory, tinyProcs, type TinyShape } from '../../../support/tiny-register-histories.js';

interface Variant {
  name: string;
  model: 'register' | 'cas-register' | 'kv';
  shape: TinyShape;
}

const errors = [undefined, 'cas-mismatch', 'timeout'] as const;
const one = ['x'] as const;
const two = ['x', 'y'] as const;
const variants: Variant[] = [
  {
    name: 'register, unique values',
    model: 'register',
    shape: { fs: ['read', 'write'], keys: one, unique: true, errors },
  },
  {
    name: 'register, repeated values',
    model: 'register',
    shape: { fs: ['read', 'write'], keys: one, unique: false, errors },
  },
  {
    name: 'cas-register, unique values',
    model: 'cas-register',
    shape: { fs: ['read', 'write', 'cas'], keys: one, unique: true, errors },
  },
  {
    name: 'cas-register, repeated values',
    model: 'cas-register',
    shape: { fs: ['read', 'write', 'cas'], keys: one, unique: false, errors },
  },
  { name: 'kv, two keys', model: 'kv', shape: { fs: ['read', 'write'], keys: two, unique: true, errors } },
  {
    name: 'independent cas-registers, two keys, unique values',
    model: 'cas-register',
    shape: { fs: ['read', 'write', 'cas'], keys: two, unique: true, errors },
  },
  {
    name: 'independent registers, two keys, repeated values',
    model: 'register',
    shape: { fs: ['read', 'write'], keys: two, unique: false, errors, processes: 4, opsPerProcess: 2 },
  },
];

/** Runs `numRuns` cases of a variant under one failed-cas reading, and returns how many were valid. */
function agree(
  v: Variant,
  reading: FailedCasReading,
  numRuns: number,
  seed: number,
): { valid: number; runs: number } {
  const keyed = v.shape.keys.length > 1;
  let valid = 0;
  let runs = 0;
  fc.assert(
    fc.property(tinyProcs(v.shape), (procs) => {
      runs++;
      const h = tinyHistory(procs, keyed);
      const want = bruteForceSequential(h, {
        model: v.model,
        independent: keyed && v.model !== 'kv',
        failedCas: reading,
      });
      if (want) valid++;
      const got = checkSequential(h, {
        model: v.model,
        independent: keyed && v.model !== 'kv',
        modelOptions: { failedCas: reading },
      });
      expect(got.valid, JSON.stringify(got.anomalies)).toBe(want);
    }),
    { numRuns, seed },
  );
  return { valid, runs };
}

describe('checkSequential agrees with the brute-force enumeration of total orders', () => {
  for (const [i, v] of variants.entries()) {
    for (const reading of ['ignore', 'observe'] as const) {
      if (reading === 'observe' && v.model !== 'cas-register') continue;
      it(`${v.name} (failed cas: ${reading})`, () => {
        const { valid, runs } = agree(v, reading, 1000, 11 + i);
        // Both outcomes must be common, or the comparison proves little.
        expect(valid).toBeGreaterThan(runs / 10);
        expect(valid).toBeLessThan(runs - runs / 10);
      });
    }
  }
});

/** The whole-history search with unique-writes pruning alone, as the checker runs it last. */
function prunedSearch(h: History, model: 'cas-register', independent: boolean): boolean | 'unknown' {
  const m = models[model]({});
  const { partitions } = partitionHistory(h, m, independent);
  const sequences = processSequences(partitions);
  const pruning = uniqueWritesPruning(sequences, partitions, null, (v) => v);
  return sequentialSearch(m, sequences, partitions.length, 1_000_000, pruning).valid;
}

describe('the pruned whole-history search agrees with brute force (unique values, failed comparisons)', () => {
  it('does not count a failed comparison as an observer or a writer (known answer)', () => {
    // w1 r1 w2 cas-fail[1 9] is legal; counting the fail as an observer of 1 forbade w2 forever.
    const h = history(
      ...call(0, 'write', 1),
      ...call(1, 'read', null, 1),
      ...call(0, 'write', 2),
      invoke(1, 'cas', [1, 9]),
      fail(1, 'cas', [1, 9], { error: 'cas-mismatch' }),
    );
    expect(bruteForceSequential(h, { model: 'cas-register' })).toBe(true);
    expect(prunedSearch(h, 'cas-register', false)).toBe(true);
  });

  for (const keys of [one, two]) {
    it(`${keys.length} key(s)`, () => {
      const shape: TinyShape = { fs: ['read', 'write', 'cas'], keys, unique: true, errors };
      fc.assert(
        fc.property(tinyProcs(shape), (procs) => {
          const h = tinyHistory(procs, keys.length > 1);
          const want = bruteForceSequential(h, { model: 'cas-register', independent: keys.length > 1 });
          expect(prunedSearch(h, 'cas-register', keys.length > 1)).toBe(want);
        }),
        { numRuns: 1000, seed: 31 + keys.length },
      );
    });
  }
});
