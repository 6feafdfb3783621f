import { describe, expect, it } from 'vitest';
import { postgresSystem } from '../../../../systems/postgres/postgres-system.js';
import { listAppendWorkload } from '../../../../workloads/list-append/list-append-workload.js';
import { bankWorkload } from '../../../../workloads/bank/bank-workload.js';
import { rwRegisterWorkload } from '../../../../workloads/rw-register/rw-register-workload.js';
import { shortFaultedRun } from '../short-faulted-run.js';

const RUN_TIMEOUT = 600_000;

describe('postgres (real PostgreSQL 15 in Docker)', () => {
  it(
    'single node, list-append at serializable under kill -9: valid, with ok ops after each restart',
    async () => {
      const r = await shortFaultedRun({
        system: postgresSystem,
        workload: listAppendWorkload,
        nemesis: ['kill'],
        nodes: 1,
        concurrency: 4,
        timeLimitS: 20,
        systemOptions: { isolation: 'serializable' },
        workloadOptions: { isolation: 'serializable', system: 'postgres' },
      });
      console.log(
        `postgres list-append serializable kill: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expect(r.okInFaultedPeriod).toBeGreaterThan(20);
      expect(r.outcome.verdict).toBe(true);
    },
    RUN_TIMEOUT,
  );

  it(
    'primary + 2 streaming replicas, rw-register at repeatable-read with replica reads under partitions: checked as snapshot isolation',
    async () => {
      const r = await shortFaultedRun({
        system: postgresSystem,
        workload: rwRegisterWorkload,
        nemesis: ['partition'],
        nodes: 3,
        concurrency: 6,
        timeLimitS: 20,
        systemOptions: { isolation: 'repeatable-read', reads: 'replicas' },
        workloadOptions: { isolation: 'repeatable-read', system: 'postgres' },
      });
      console.log(
        `postgres rw-register repeatable-read replicas partition: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expect(r.okDuringFaults).toBeGreaterThan(20);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
    RUN_TIMEOUT,
  );

  it(
    'bank at serializable under pause: totals conserved',
    async () => {
      const r = await shortFaultedRun({
        system: postgresSystem,
        workload: bankWorkload,
        nemesis: ['pause'],
        nodes: 1,
        concurrency: 4,
        timeLimitS: 15,
        systemOptions: { isolation: 'serializable' },
      });
      console.log(
        `postgres bank serializable pause: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expect(r.okInFaultedPeriod).toBeGreaterThan(10);
      expect(r.outcome.verdict).toBe(true);
    },
    RUN_TIMEOUT,
  );
});
