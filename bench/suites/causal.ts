// Causal-consistency checks (CC, CCv, CM, session guarantees) on generated keyed read/write
// histories of growing size; the generator is exported for the sequential suite too.
import { checkCausal, type CausalConsistency } from '../../checkers/causal/check-causal.js';
import type { History, Op } from '../../src/core/op.js';
import { createRng } from '../../src/generator/rng.js';
import type { BenchCase, BenchSuite } from '../harness.js';

/** Shape of a generated read/write history for the causal and sequential benchmarks. */
export interface CausalHistoryShape {
  ops: number;
  processes: number;
  keys: number;
  seed: number;
  /** Probability that an op is a write; default 0.5. */
  writeRatio?: number;
}

/**
 * A keyed read/write history from a store where every process sees a growing prefix of one global
 * log of writes (so it is causally consistent, and the checkers must do all their work). Each
 * write has a unique value; processes lag behind the log by random amounts.
 */
export function causalHistory(shape: CausalHistoryShape): History {
  const rng = createRng(shape.seed);
  const writeRatio = shape.writeRatio ?? 0.5;
  const cursor = new Int32Array(shape.processes);
  const logKey: number[] = [];
  const byKey: { at: number[]; value: number[] }[] = Array.from({ length: shape.keys }, () => ({
    at: [],
    value: [],
  }));
  const out: Op[] = [];
  let time = 0;
  const push = (type: 'invoke' | 'ok', process: number, f: string, value: [number, number | null]): void => {
    out.push({ index: out.length, type, process, f, value, time: (time += 1000) });
  };
  for (let i = 0; i < shape.ops; i++) {
    const p = rng.int(shape.processes);
    if (rng.next() < 0.2) cursor[p] = cursor[p]! + rng.int(logKey.length - cursor[p]! + 1);
    const key = rng.int(shape.keys);
    if (rng.next() < writeRatio) {
      const value = logKey.length + 1;
      logKey.push(key);
      byKey[key]!.at.push(logKey.length - 1);
      byKey[key]!.value.push(value);
      cursor[p] = logKey.length;
      push('invoke', p, 'write', [key, value]);
      push('ok', p, 'write', [key, value]);
    } else {
      const { at, value } = byKey[key]!;
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid]! < cursor[p]!) lo = mid + 1;
        else hi = mid;
      }
      push('invoke', p, 'read', [key, null]);
      push('ok', p, 'read', [key, lo === 0 ? null : value[lo - 1]!]);
    }
  }
  return out;
}

const SIZES = [10_000, 30_000, 100_000, 300_000];
const MODELS: CausalConsistency[] = [
  'causal',
  'causal-convergence',
  'causal-memory',
  'read-your-writes',
  'writes-follow-reads',
];

function cases(): BenchCase[] {
  const out: BenchCase[] = [];
  for (const consistency of MODELS) {
    for (const ops of SIZES) {
      // Causal memory recomputes clocks per process: keep its largest size out of the default run.
      if (consistency === 'causal-memory' && ops > 100_000) continue;
      const shape = { ops, processes: 20, keys: 1000, seed: 42 };
      out.push({
        name: `${consistency}-${ops / 1000}k`,
        params: { consistency, ...shape },
        quick: ops <= 10_000 || (consistency === 'causal' && ops === 100_000),
        prepare: () => causalHistory(shape),
        run: (input) => {
          const res = checkCausal(input as History, { consistency });
          return Promise.resolve({ ops, verdict: { valid: res.valid, anomalies: res.anomalies.length } });
        },
      });
    }
  }
  return out;
}

export const suite: BenchSuite = { name: 'causal', cases };
