import { describe, expect } from 'vitest';
import { rabbitmqSystem } from '../../../../systems/rabbitmq/rabbitmq-system.js';
import { queueWorkload } from '../../../../workloads/queue/queue-workload.js';
import { itFaultedRun } from '../it-faulted-run.js';

describe('rabbitmq (real RabbitMQ 3.10 cluster in Docker)', () => {
  itFaultedRun(
    'a quorum queue on 3 nodes under partitions and kills, pause_minority, drained after healing',
    'rabbitmq queue quorum partition,kill',
    {
      system: rabbitmqSystem,
      workload: queueWorkload,
      nemesis: ['partition', 'kill'],
      nodes: 3,
      concurrency: 6,
      timeLimitS: 15,
      nemesisIntervalS: 4,
      systemOptions: { queueType: 'quorum', partitionHandling: 'pause_minority' },
      workloadOptions: { delivery: 'at-least-once' },
    },
    (r) => {
      expect(r.okDuringFaults).toBeGreaterThan(10);
      expect(r.history.filter((o) => o.f === 'drain' && o.type === 'ok')).toHaveLength(1);
      const queue = r.outcome.results.find((c) => c.checker === 'total-queue');
      expect(queue?.valid).not.toBe('unknown');
    },
  );
});
