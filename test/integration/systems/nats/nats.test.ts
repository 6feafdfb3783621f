import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerEngine } from '../../../../src/control/docker-engine.js';
import { RUN_LABEL } from '../../../../src/control/labels.js';
import { runTest } from '../../../../src/runner/run-test.js';
import { natsSystem } from '../../../../systems/nats/nats-system.js';
import { queueWorkload } from '../../../../workloads/queue/queue-workload.js';
import { registerWorkload } from '../../../../workloads/register/register-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('nats (real NATS JetStream 2.9 cluster in Docker)', () => {
  itFaultedRun(
    'register on an R3 KV bucket under partitions and kills: gets, puts and revision-conditioned cas',
    'nats register partition,kill',
    {
      system: natsSystem,
      workload: registerWorkload,
      nemesis: ['partition', 'kill'],
      nodes: 3,
      concurrency: 6,
      timeLimitS: 15,
      nemesisIntervalS: 4,
      systemOptions: { replicas: 3, sync: 'default' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(10);
      const cas = r.history.filter((o) => o.f === 'cas' && o.type === 'fail' && o.error === 'cas-mismatch');
      expect(cas.length).toBeGreaterThan(0);
      expect(r.outcome.results.find((c) => c.checker === 'linearizability')).toBeDefined();
    },
  );

  itFaultedRun(
    'queue on an R3 work-queue stream under partitions and kills, drained after healing',
    'nats queue partition,kill',
    {
      system: natsSystem,
      workload: queueWorkload,
      nemesis: ['partition', 'kill'],
      nodes: 3,
      concurrency: 6,
      timeLimitS: 15,
      nemesisIntervalS: 4,
      systemOptions: { replicas: 3, sync: 'default' },
      workloadOptions: { delivery: 'at-least-once' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(10);
      const drains = r.history.filter((o) => o.f === 'drain' && o.type === 'ok');
      expect(drains).toHaveLength(1);
      const queue = r.outcome.results.find((c) => c.checker === 'total-queue');
      // An ok drain after healing: lost elements are judged, so the verdict is not unknown.
      expect(queue?.valid).not.toBe('unknown');
    },
  );

  it('--sync on nats-server 2.9 stops the run with a BAD_ARGUMENT naming the node, and leaves nothing behind', async () => {
    const outcome = await runTest({
      system: natsSystem,
      workload: registerWorkload,
      nodes: 1,
      concurrency: 1,
      timeLimitS: 5,
      rate: 10,
      nemesisIntervalS: 4,
      seed: 1,
      storeDir: mkdtempSync(join(tmpdir(), 'faultline-it-')),
      systemOptions: { replicas: 1, sync: 'always' },
      workloadOptions: {},
      progress: 'none',
      signals: [],
    });
    expect(outcome.status).not.toBe('passed');
    expect(outcome.exitCode).toBe(254);
    const error = outcome.error as { code?: string; message?: string } | undefined;
    expect(error?.code).toBe('BAD_ARGUMENT');
    expect(error?.message).toMatch(/--sync always: nats-server: v2\.9\.\d+ on n1 has no sync_interval/);
    const docker = await dockerEngine();
    const filters = { label: [`${RUN_LABEL}=${outcome.runId}`] };
    expect((await docker.listContainers({ all: true, filters })).length).toBe(0);
    expect((await docker.listNetworks({ filters })).length).toBe(0);
  }, 300_000);
});
