// lose-unfsynced and corrupt through runTest (the CLI's code path) against real etcd and PostgreSQL:
// the layer is mounted before the database starts, faults land in the history with what they did,
// and nothing is left behind.
import { describe, expect } from 'vitest';
import type { History, Op } from '../../../src/core/op.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { postgresSystem } from '../../../systems/postgres/postgres-system.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { listAppendWorkload } from '../../../workloads/list-append/list-append-workload.js';
import { itFaultedRun } from '../systems/it-faulted-run.js';

/** Ok client completions after the first completion of nemesis op `f` (e.g. after the first restart). */
const okAfter = (history: History, f: string): number => {
  const at = completions(history, f)[0]?.time ?? Infinity;
  return history.filter((op) => op.process !== 'nemesis' && op.type === 'ok' && op.time > at).length;
};

const completions = (history: History, f: string): Op[] =>
  history.filter((op) => op.process === 'nemesis' && op.type === 'info' && op.f === f);

describe('file-system faults in full runs', () => {
  itFaultedRun(
    'etcd, 3 nodes, register under lose-unfsynced: the layer drops unsynced data, etcd stays linearizable',
    'etcd register lose-unfsynced',
    {
      system: etcd,
      workload: registerWorkload,
      nemesis: ['lose-unfsynced'],
      nodes: 3,
      timeLimitS: 20,
      nemesisIntervalS: 4,
      seed: 7,
    },
    (r) => {
      const losses = completions(r.history, 'start-lose-unfsynced');
      expect(losses.length).toBeGreaterThan(0);
      for (const op of losses) {
        const lost = (op.value as { lost: Record<string, { errors: number }> }).lost;
        expect(Object.values(lost).every((l) => l.errors === 0)).toBe(true);
      }
      expect(okAfter(r.history, 'stop-lose-unfsynced')).toBeGreaterThan(20);
      expect(r.outcome.verdict).toBe(true);
    },
    (r) => ` losses=${JSON.stringify(completions(r.history, 'start-lose-unfsynced').map((o) => o.value))}`,
  );

  itFaultedRun(
    'postgres, 1 node, list-append at serializable under lose-unfsynced: committed transactions survive',
    'postgres list-append lose-unfsynced',
    {
      system: postgresSystem,
      workload: listAppendWorkload,
      nemesis: ['lose-unfsynced'],
      nodes: 1,
      concurrency: 4,
      timeLimitS: 20,
      nemesisIntervalS: 4,
      seed: 11,
      systemOptions: { isolation: 'serializable' },
      workloadOptions: { isolation: 'serializable', system: 'postgres' },
    },
    (r) => {
      expect(completions(r.history, 'start-lose-unfsynced').length).toBeGreaterThan(0);
      expect(okAfter(r.history, 'stop-lose-unfsynced')).toBeGreaterThan(10);
      expect(r.outcome.verdict).toBe(true);
    },
  );

  itFaultedRun(
    'etcd, 3 nodes, register under corrupt: damaged files are recorded with what etcd said on restart',
    'etcd register corrupt',
    {
      system: etcd,
      workload: registerWorkload,
      nemesis: ['corrupt'],
      nodes: 3,
      timeLimitS: 20,
      nemesisIntervalS: 4,
      seed: 3,
    },
    (r) => {
      const damaged = completions(r.history, 'start-corrupt');
      expect(damaged.length).toBeGreaterThan(0);
      const first = damaged[0]!.value as { damaged: Record<string, { file: string | null; mode: string }> };
      expect(Object.values(first.damaged).some((d) => typeof d.file === 'string')).toBe(true);
      const restarts = completions(r.history, 'stop-corrupt').filter((op) => op['healedBy'] === undefined);
      expect(restarts.length).toBeGreaterThan(0);
      const after = (restarts[0]!.value as { after: Record<string, { said: string }> }).after;
      expect(Object.values(after).every((a) => typeof a.said === 'string')).toBe(true);
    },
    (r) => ` corrupt=${JSON.stringify(completions(r.history, 'start-corrupt').map((o) => o.value))}`,
  );
});
