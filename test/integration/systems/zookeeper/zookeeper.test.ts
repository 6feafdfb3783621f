import { describe, expect } from 'vitest';
import { zookeeperSystem } from '../../../../systems/zookeeper/zookeeper-system.js';
import { registerWorkload } from '../../../../workloads/register/register-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('zookeeper (real ZooKeeper 3.8 ensemble in Docker)', () => {
  itFaultedRun(
    '3-node ensemble, three registers under partitions and kills: held to sequential consistency, linearizability reported beside it',
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
      // promisedObjects is what the CLI passes for ZooKeeper without --sync-reads (its promise):
      // sequential consistency is the verdict, and linearizability is checked beside it as findings
      // the promise allows.
      workloadOptions: { sequential: true, keys: 3, promisedObjects: 'sequential' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(20);
      const sequential = r.outcome.results.find((c) => c.checker === 'sequential');
      // ZooKeeper promises sequential consistency for every client's view.
      expect(sequential?.valid).toBe(true);
      expect(sequential?.['consistencyModel']).toBe('sequential');
      expect(sequential?.['linearizability']).toBeDefined();
      expect(r.outcome.results.find((c) => c.checker === 'linearizability')).toBeUndefined();
    },
  );
});
