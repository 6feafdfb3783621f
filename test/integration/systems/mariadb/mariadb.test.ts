import { describe, expect, it } from 'vitest';
import { mariadbSystem } from '../../../../systems/mariadb/mariadb-system.js';
import { bankWorkload } from '../../../../workloads/bank/bank-workload.js';
import { listAppendWorkload } from '../../../../workloads/list-append/list-append-workload.js';
import { shortFaultedRun } from '../short-faulted-run.js';

const RUN_TIMEOUT = 600_000;

describe('mariadb (real MariaDB 10.11 + Galera 4 cluster in Docker)', () => {
  it(
    '3-node Galera, list-append at repeatable-read under partitions, clients on every node',
    async () => {
      const r = await shortFaultedRun({
        system: mariadbSystem,
        workload: listAppendWorkload,
        nemesis: ['partition'],
        nodes: 3,
        concurrency: 6,
        timeLimitS: 20,
        nemesisIntervalS: 5,
        systemOptions: { isolation: 'repeatable-read' },
        workloadOptions: { isolation: 'repeatable-read', system: 'mariadb' },
      });
      console.log(
        `mariadb list-append repeatable-read partition: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expect(r.okDuringFaults).toBeGreaterThan(20);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
    RUN_TIMEOUT,
  );

  it(
    '3-node Galera, bank at serializable with one node killed at a time',
    async () => {
      const r = await shortFaultedRun({
        system: mariadbSystem,
        workload: bankWorkload,
        nemesis: ['kill'],
        nemesisOptions: { targets: ['one'] },
        nodes: 3,
        concurrency: 6,
        timeLimitS: 20,
        nemesisIntervalS: 5,
        systemOptions: { isolation: 'serializable' },
      });
      console.log(
        `mariadb bank serializable kill: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expect(r.okDuringFaults).toBeGreaterThan(20);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
    RUN_TIMEOUT,
  );
});
