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
      // Intervals count from the previous event's completion (each takes about 0.5 s): 8 s put the
      // third event at 25.0 s, at the time limit, so it fell in or out by milliseconds. At 7 s it
      // comes near 22 s; each partition still outlasts Sentinel's 3 s down-after by far.
      nemesisIntervalS: 7,
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
