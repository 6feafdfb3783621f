import { describe, expect } from 'vitest';
import { postgresSystem } from '../../../../systems/postgres/postgres-system.js';
import { listAppendWorkload } from '../../../../workloads/list-append/list-append-workload.js';
import { bankWorkload } from '../../../../workloads/bank/bank-workload.js';
import { rwRegisterWorkload } from '../../../../workloads/rw-register/rw-register-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('postgres (real PostgreSQL 15 in Docker)', () => {
  itFaultedRun(
    'single node, list-append at serializable under kill -9: valid, with ok ops after each restart',
    'postgres list-append serializable kill',
    {
      system: postgresSystem,
      workload: listAppendWorkload,
      nemesis: ['kill'],
      nodes: 1,
      concurrency: 4,
      timeLimitS: 20,
      systemOptions: { isolation: 'serializable' },
      workloadOptions: { isolation: 'serializable', system: 'postgres' },
    },
    (r) => {
      expect(r.okInFaultedPeriod).toBeGreaterThan(20);
      expect(r.outcome.verdict).toBe(true);
    },
  );

  itFaultedRun(
    'primary + 2 streaming replicas, rw-register at repeatable-read with replica reads under partitions: checked as snapshot isolation',
    'postgres rw-register repeatable-read replicas partition',
    {
      system: postgresSystem,
      workload: rwRegisterWorkload,
      nemesis: ['partition'],
      nodes: 3,
      concurrency: 6,
      timeLimitS: 20,
      systemOptions: { isolation: 'repeatable-read', reads: 'replicas' },
      workloadOptions: { isolation: 'repeatable-read', system: 'postgres' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(20);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
  );

  itFaultedRun(
    'bank at serializable under pause: totals conserved',
    'postgres bank serializable pause',
    {
      system: postgresSystem,
      workload: bankWorkload,
      nemesis: ['pause'],
      nodes: 1,
      concurrency: 4,
      timeLimitS: 15,
      systemOptions: { isolation: 'serializable' },
    },
    (r) => {
      expect(r.okInFaultedPeriod).toBeGreaterThan(10);
      expect(r.outcome.verdict).toBe(true);
    },
  );
});
