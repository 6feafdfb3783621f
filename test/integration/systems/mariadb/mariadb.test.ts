import { describe, expect } from 'vitest';
import { mariadbSystem } from '../../../../systems/mariadb/mariadb-system.js';
import { bankWorkload } from '../../../../workloads/bank/bank-workload.js';
import { listAppendWorkload } from '../../../../workloads/list-append/list-append-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('mariadb (real MariaDB 10.11 + Galera 4 cluster in Docker)', () => {
  itFaultedRun(
    '3-node Galera, list-append at repeatable-read under partitions, clients on every node',
    'mariadb list-append repeatable-read partition',
    {
      system: mariadbSystem,
      workload: listAppendWorkload,
      nemesis: ['partition'],
      // One node cut off: the other two keep Galera's primary component, so ops succeed during faults.
      // (majorities-ring or bridge on 3 nodes can leave no primary component for the whole window.)
      nemesisOptions: { partitionModes: ['one'] },
      nodes: 3,
      concurrency: 6,
      // Galera stalls the whole cluster until the cut-off node is evicted (evs.suspect_timeout=3s in
      // mariadb-config.ts), so a fault must outlast that stall by a margin for ops to succeed in it.
      timeLimitS: 24,
      nemesisIntervalS: 8,
      systemOptions: { isolation: 'repeatable-read' },
      workloadOptions: { isolation: 'repeatable-read', system: 'mariadb' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(20);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
    (r) => ` okDuringFaults=${r.okDuringFaults}`,
  );

  itFaultedRun(
    '3-node Galera, bank at serializable with one node killed at a time',
    'mariadb bank serializable kill',
    {
      system: mariadbSystem,
      workload: bankWorkload,
      nemesis: ['kill'],
      nemesisOptions: { targets: ['one'] },
      nodes: 3,
      concurrency: 6,
      timeLimitS: 20,
      nemesisIntervalS: 5,
      systemOptions: { isolation: 'serializable' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(20);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
    (r) => ` okDuringFaults=${r.okDuringFaults}`,
  );
});
