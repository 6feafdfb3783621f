import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeNames } from '../../../src/control/docker-cluster.js';
import { readHistory } from '../../../src/history/read-history.js';
import { runTest } from '../../../src/runner/run-test.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { faultIntervals } from '../../../reports/fault-intervals.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { setWorkload } from '../../../workloads/set/set-workload.js';
import { okOpsDuringFaults } from './fault-windows.js';
import { leftovers } from './leftovers.js';

// A real etcd cluster under partitions and kills: the run must end valid with real successful ops
// while faults were in effect (a run with no successful ops proves nothing), and leave nothing behind.
describe('faultline test etcd (real Docker)', () => {
  it(
    'register under partitions and kills: valid, with ok ops during faults, no leftovers',
    { timeout: 240_000 },
    async () => {
      const store = mkdtempSync(join(tmpdir(), 'faultline-it-'));
      const outcome = await runTest({
        system: etcd,
        workload: registerWorkload,
        // Seed 3 draws both a partition and a kill within the first four faults.
        nemesis: nemesisPackage(['partition', 'kill'], { nodes: nodeNames(3) }),
        nodes: 3,
        concurrency: 6,
        timeLimitS: 24,
        rate: 100,
        seed: 3,
        nemesisIntervalS: 3,
        storeDir: store,
        progress: 'plain',
        signals: [],
      });
      expect(outcome.status).toBe('passed');
      expect(outcome.results.map((r) => [r.checker, r.valid])).toEqual([
        ['linearizability', true],
        ['some-ok', true],
      ]);
      expect(outcome.exitCode).toBe(0);

      const history = await readHistory(join(outcome.runDir, 'history.jsonl'));
      const kinds = new Set(faultIntervals(history).map((w) => w.kind));
      expect(kinds).toEqual(new Set(['partition', 'kill']));
      const during = okOpsDuringFaults(history);
      expect(during.length, 'successful client ops while faults were in effect').toBeGreaterThan(20);
      expect(during.some((o) => o.f === 'write' || o.f === 'cas')).toBe(true);
      expect(await leftovers(outcome.runId)).toEqual({ containers: [], networks: [] });
    },
  );

  it(
    'set under partitions: final read after healing finds every acknowledged add',
    { timeout: 180_000 },
    async () => {
      const store = mkdtempSync(join(tmpdir(), 'faultline-it-'));
      const outcome = await runTest({
        system: etcd,
        workload: setWorkload,
        nemesis: nemesisPackage(['partition'], { nodes: nodeNames(3) }),
        nodes: 3,
        concurrency: 6,
        timeLimitS: 12,
        rate: 100,
        seed: 1,
        nemesisIntervalS: 3,
        storeDir: store,
        recoverS: 3,
        progress: 'plain',
        signals: [],
      });
      expect(outcome.results.map((r) => [r.checker, r.valid])).toEqual([
        ['set', true],
        ['some-ok', true],
      ]);
      const set = outcome.results[0]!;
      expect(set.stats?.['ok']).toBeGreaterThan(100);
      expect(await leftovers(outcome.runId)).toEqual({ containers: [], networks: [] });
    },
  );
});
