import { describe, expect } from 'vitest';
import { etcd } from '../../../../systems/etcd/etcd.js';
import { lockWorkload } from '../../../../workloads/lock/lock-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('etcd lock (real etcd 3.4 in Docker, lock and lease services)', () => {
  itFaultedRun(
    "lock under pauses of the holder's node and partitions longer than the lease TTL",
    'etcd lock pause,partition',
    {
      system: etcd,
      workload: lockWorkload,
      nemesis: ['pause', 'partition'],
      nemesisOptions: { targets: ['primary', 'one'] },
      nodes: 3,
      concurrency: 4,
      timeLimitS: 20,
      nemesisIntervalS: 4,
      systemOptions: { leaseTtl: 2 },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(0);
      const acquired = r.history.filter((o) => o.f === 'acquire' && o.type === 'ok');
      expect(acquired.length).toBeGreaterThan(2);
      const checkers = r.outcome.results.map((c) => c.checker);
      expect(checkers).toContain('lock');
      expect(checkers).toContain('linearizability');
    },
  );
});
