import { describe, expect } from 'vitest';
import { zookeeperSystem } from '../../../../systems/zookeeper/zookeeper-system.js';
import { registerWorkload } from '../../../../workloads/register/register-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('zookeeper (real ZooKeeper 3.8 ensemble in Docker)', () => {
  itFaultedRun(
    '3-node ensemble, three registers under partitions and kills: linearizability and sequential consistency side by side',
    'zookeeper register partition,kill',
    {
      system: zookeeperSystem,
      workload: registerWorkload,
      nemesis: ['partition', 'kill'],
      nodes: 3,
      concurrency: 6,
      timeLimitS: 25,
      nemesisIntervalS: 5,
      // Several keys: with --sequential the workload writes unique values per key, so each key is
      // decided by the unique-writes construction and the whole history by the block-order witness
      // (or, failing that, the search).
      workloadOptions: { sequential: true, keys: 3 },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(20);
      const byName = new Map(r.outcome.results.map((c) => [c.checker, c.valid]));
      expect(byName.has('linearizability')).toBe(true);
      // ZooKeeper promises sequential consistency for every client's view.
      expect(byName.get('sequential')).toBe(true);
    },
  );
});
