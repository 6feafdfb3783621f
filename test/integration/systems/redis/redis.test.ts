import { describe, expect, it } from 'vitest';
import { redisSystem } from '../../../../systems/redis/redis-system.js';
import { registerWorkload } from '../../../../workloads/register/register-workload.js';
import { setWorkload } from '../../../../workloads/set/set-workload.js';
import { primaryPartitionPackage } from '../primary-partition-package.js';
import { shortFaultedRun } from '../short-faulted-run.js';

const RUN_TIMEOUT = 600_000;

describe('redis (real Redis 7 + Sentinel in Docker)', () => {
  it(
    'set, 3 nodes, the primary partitioned away: Sentinel fails over, clients follow, the history records the primaries',
    async () => {
      const r = await shortFaultedRun({
        system: redisSystem,
        workload: setWorkload,
        nemesis: [],
        customNemesis: () => primaryPartitionPackage(),
        nodes: 3,
        concurrency: 6,
        timeLimitS: 25,
        nemesisIntervalS: 8,
        systemOptions: { redisMode: 'sentinel' },
      });
      const primaries = r.history
        .filter((o) => o.process === 'nemesis' && o.type === 'info')
        .map((o) => (o.value as { primary?: string } | null)?.primary);
      console.log(
        `redis set sentinel primary-partition: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)} primaries=${primaries.join('>')}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expect(r.okDuringFaults).toBeGreaterThan(20);
      // Failover happened: the primary named by Sentinel changed during the run.
      expect(new Set(primaries.filter(Boolean)).size).toBeGreaterThan(1);
      expect(r.outcome.verdict).not.toBe('unknown');
    },
    RUN_TIMEOUT,
  );

  it(
    'register, single server under kill -9 (AOF everysec)',
    async () => {
      const r = await shortFaultedRun({
        system: redisSystem,
        workload: registerWorkload,
        nemesis: ['kill'],
        nodes: 1,
        concurrency: 4,
        timeLimitS: 15,
        systemOptions: { redisMode: 'single' },
      });
      console.log(
        `redis register single kill: ${r.verdictLines.join('; ')} counts=${JSON.stringify(r.outcome.counts)}`,
      );
      expect(r.outcome.status).toBe('passed');
      expect(r.leftovers).toBe(0);
      expect(r.okInFaultedPeriod).toBeGreaterThan(10);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
    RUN_TIMEOUT,
  );
});
