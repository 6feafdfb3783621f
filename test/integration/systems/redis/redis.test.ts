import { describe, expect } from 'vitest';
import { redisSystem } from '../../../../systems/redis/redis-system.js';
import { registerWorkload } from '../../../../workloads/register/register-workload.js';
import { setWorkload } from '../../../../workloads/set/set-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';
import type { ShortRunResult } from '../short-faulted-run.js';

/** The primary the runner recorded right after each nemesis event (`primaries`), in order. */
function primaries(r: ShortRunResult): (string | undefined)[] {
  return r.history
    .filter((o) => o.process === 'nemesis' && o.type === 'info')
    .map((o) => (o.value as { primaries?: string[] | null } | null)?.primaries?.[0]);
}

describe('redis (real Redis 7 + Sentinel in Docker)', () => {
  itFaultedRun(
    'set, 3 nodes, the primary partitioned away: Sentinel fails over, clients follow, the history records the primaries',
    'redis set sentinel primary-partition',
    {
      system: redisSystem,
      workload: setWorkload,
      nemesis: ['partition'],
      nemesisOptions: { partitionModes: ['primary'] },
      nodes: 3,
      concurrency: 6,
      timeLimitS: 25,
      nemesisIntervalS: 8,
      systemOptions: { redisMode: 'sentinel' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(20);
      // Every nemesis completion records the primaries seen right after it.
      const faults = r.history.filter((o) => o.process === 'nemesis' && o.type === 'info');
      expect(faults.length).toBeGreaterThanOrEqual(3);
      for (const o of faults) expect(o.value).toHaveProperty('primaries');
      // Failover happened: the primary named by Sentinel changed during the run.
      expect(new Set(primaries(r).filter(Boolean)).size).toBeGreaterThan(1);
      expect(r.outcome.verdict).not.toBe('unknown');
    },
    (r) => ` primaries=${primaries(r).join('>')}`,
  );

  itFaultedRun(
    'register, single server under kill -9 (AOF everysec)',
    'redis register single kill',
    {
      system: redisSystem,
      workload: registerWorkload,
      nemesis: ['kill'],
      nodes: 1,
      concurrency: 4,
      timeLimitS: 15,
      systemOptions: { redisMode: 'single' },
    },
    (r) => {
      expect(r.okInFaultedPeriod).toBeGreaterThan(10);
      expect(r.outcome.verdict).not.toBeUndefined();
    },
  );
});
