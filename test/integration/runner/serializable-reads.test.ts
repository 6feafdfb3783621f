import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeNames } from '../../../src/control/docker-cluster.js';
import { runTest } from '../../../src/runner/run-test.js';
import { nemesisPackage } from '../../../nemesis/nemesis-package.js';
import { etcd } from '../../../systems/etcd/etcd.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { leftovers } from './leftovers.js';

// etcd's serializable reads are served from the member's local state: a member cut off from the
// majority keeps answering with old values while the majority accepts writes. With partitions that
// always isolate one node (mode `one`), the register checker must catch the stale reads.
describe('faultline test etcd --serializable-reads (real Docker)', () => {
  it(
    'reports stale reads from an isolated member as non-linearizable, with a counterexample',
    { timeout: 180_000 },
    async () => {
      const store = mkdtempSync(join(tmpdir(), 'faultline-it-'));
      const outcome = await runTest({
        system: etcd,
        workload: registerWorkload,
        nemesis: nemesisPackage(['partition'], { nodes: nodeNames(3), partitionModes: ['one'] }),
        nodes: 3,
        concurrency: 6,
        // Four partitions of one member, not two: one 15 s run in CI once found no stale read.
        timeLimitS: 24,
        rate: 150,
        seed: 7,
        nemesisIntervalS: 3,
        systemOptions: { serializableReads: true },
        // Writes on the isolated member block; a short timeout keeps its workers reading.
        opTimeoutMs: 1000,
        storeDir: store,
        progress: 'plain',
        signals: [],
      });
      expect(outcome.status).toBe('passed');
      const lin = outcome.results.find((r) => r.checker === 'linearizability')!;
      expect(lin.valid).toBe(false);
      expect(outcome.exitCode).toBe(1);
      const anomaly = lin.anomalies[0]!;
      expect(anomaly.id).toBe('nonlinearizable');
      const cx = anomaly['counterexample'] as { ops: { f: string }[] };
      expect(cx.ops.some((o) => o.f === 'read')).toBe(true);
      expect(await leftovers(outcome.runId)).toEqual({ containers: [], networks: [] });
    },
  );
});
