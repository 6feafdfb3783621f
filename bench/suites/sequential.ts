// Sequential consistency on generated keyed read/write histories: one register (decided by the
// unique-writes construction), several keys with unique values (whole-history search with
// pruning), and Jepsen-like cas-register histories with repeated values (linearizable keys).
import { checkSequential } from '../../checkers/sequential/check-sequential.js';
import type { History } from '../../src/core/op.js';
import type { BenchCase, BenchSuite } from '../harness.js';
import { generateRegisterHistory } from '../gen/generate-register-history.js';
import { generateZookeeperHistory } from '../gen/generate-zookeeper-history.js';
import { causalHistory } from './causal.js';

function scCase(ops: number, keys: number, quick: boolean): BenchCase {
  const shape = { ops, processes: 10, keys, seed: 7 };
  return {
    name: `kv-${keys}key${keys > 1 ? 's' : ''}-${ops / 1000}k`,
    params: { model: 'kv', ...shape },
    quick,
    prepare: () => causalHistory(shape),
    run: (input) => {
      const res = checkSequential(input as History, { model: 'kv' });
      return Promise.resolve({
        ops,
        verdict: { valid: res.valid, explored: res.stats?.['explored'] ?? 0 },
      });
    },
  };
}

/** Jepsen-like cas-register histories: 10 keys, values 0..4 repeated, 1% crashed ops. */
function casCase(ops: number, quick: boolean): BenchCase {
  const shape = { ops, processes: 10, keys: 10, values: 5, cas: true, infoRate: 0.01, seed: 5 };
  return {
    name: `cas-register-10keys-${ops / 1000}k`,
    params: { model: 'cas-register', ...shape },
    quick,
    prepare: () => generateRegisterHistory(shape),
    run: (input) => {
      const res = checkSequential(input as History, { model: 'cas-register', independent: true });
      return Promise.resolve({
        ops,
        verdict: { valid: res.valid, explored: res.stats?.['explored'] ?? 0 },
      });
    },
  };
}

/**
 * ZooKeeper-shaped (issue 9): 3 servers, 5 processes each, 60 keys with unique values per key,
 * stale follower reads, cas-mismatch and bad-version fails, 1% crashes. Sequentially consistent.
 */
function zookeeperCase(ops: number, quick: boolean, failedCas = true): BenchCase {
  const shape = { ops, nodes: 3, processesPerNode: 5, keys: 60, infoRate: 0.01, seed: 1 };
  return {
    name: `zookeeper-60keys-${ops / 1000}k${failedCas ? '' : '-without-fails'}`,
    params: { model: 'cas-register', failedCas, ...shape },
    quick,
    prepare: () => {
      const h = generateZookeeperHistory(shape);
      return failedCas ? h : withoutFails(h);
    },
    run: (input) => {
      const res = checkSequential(input as History, { model: 'cas-register', independent: true });
      return Promise.resolve({
        ops,
        verdict: { valid: res.valid, explored: res.stats?.['explored'] ?? 0 },
      });
    },
  };
}

/**
 * The 10k ZooKeeper-shaped history for generator seeds 1..seeds, each checked once per run: the
 * verdict counts and the slowest and median check times (s), so the target is not one lucky seed.
 */
function zookeeperSeedsCase(seeds: number): BenchCase<History[]> {
  const shape = { ops: 10_000, nodes: 3, processesPerNode: 5, keys: 60, infoRate: 0.01 };
  return {
    name: `zookeeper-60keys-10k-seeds-1-${seeds}`,
    params: { model: 'cas-register', failedCas: true, seeds, ...shape },
    quick: false,
    prepare: () =>
      Array.from({ length: seeds }, (_, i) => generateZookeeperHistory({ ...shape, seed: i + 1 })),
    run: (input) => {
      const counts: Record<string, number> = { valid: 0, invalid: 0, unknown: 0 };
      const times: number[] = [];
      for (const h of input) {
        const start = performance.now();
        const res = checkSequential(h, { model: 'cas-register', independent: true });
        times.push((performance.now() - start) / 1000);
        counts[res.valid === true ? 'valid' : res.valid === false ? 'invalid' : 'unknown']!++;
      }
      times.sort((a, b) => a - b);
      const round = (x: number): number => Math.round(x * 100) / 100;
      return Promise.resolve({
        ops: seeds * shape.ops,
        verdict: {
          ...counts,
          maxSeconds: round(times.at(-1)!),
          medianSeconds: round(times[times.length >> 1]!),
        },
      });
    },
  };
}

/** The history without its fail completions and their invocations (failed comparisons included). */
function withoutFails(h: History): History {
  const open = new Map<unknown, number>();
  const drop = new Set<number>();
  h.forEach((e, i) => {
    if (e.type === 'invoke') open.set(e.process, i);
    else if (e.type === 'fail') drop.add(i).add(open.get(e.process)!);
  });
  return h.filter((_, i) => !drop.has(i)).map((e, index) => ({ ...e, index }));
}

export const suite: BenchSuite = {
  name: 'sequential',
  cases: () => [
    ...[10_000, 30_000, 100_000, 300_000].map((n) => scCase(n, 1, n === 10_000)),
    ...[1_000, 3_000, 10_000, 30_000].map((n) => scCase(n, 4, n === 1_000)),
    ...[10_000, 30_000, 100_000, 300_000].map((n) => casCase(n, n === 10_000)),
    // With its fails the 10k history is decided by the fail-free witness (docs/checkers/sequential.md).
    zookeeperCase(1_000, true),
    zookeeperCase(10_000, false),
    zookeeperCase(10_000, false, false),
    zookeeperSeedsCase(10),
  ],
};
