import type { Workload, WorkloadOptions } from '../../src/core/workload.js';
import { checkTotalQueue, type TotalQueueOptions } from '../../checkers/queue/check-total-queue.js';
import { cycle } from '../../src/generator/cycle.js';
import { once } from '../../src/generator/from-ops.js';
import { phases } from '../../src/generator/phases.js';
import { sleep } from '../../src/generator/sleep.js';
import { untilOk } from '../../src/generator/until-ok.js';
import { queueOps } from './queue-ops.js';

/**
 * Drain attempts after healing, one a second. A client's drain fails (and puts back what it took)
 * while messages are still held for redelivery elsewhere, so this bounds how long that may last.
 */
const DRAIN_ATTEMPTS = 30;

/** The delivery guarantee the system promised (ConsistencyPromise.delivery), for the checker. */
function delivery(options: WorkloadOptions): TotalQueueOptions['delivery'] {
  return options['delivery'] === 'at-least-once' ? 'at-least-once' : 'exactly-once';
}

/**
 * A queue: unique enqueues and dequeues during the faults, then, on the healed cluster, a drain
 * (retried until one succeeds) that must empty the queue. The total-queue checker finds lost,
 * unexpected and (unless the system promises only at-least-once delivery) duplicated elements.
 */
export const queueWorkload: Workload = {
  name: 'queue',
  description:
    'enqueues unique integers and dequeues them, then drains the queue after healing; finds lost, unexpected and duplicated elements',
  generator: () => queueOps(),
  finalGenerator: () =>
    untilOk(cycle(() => phases(once({ f: 'drain', value: null }), sleep(1e9)), DRAIN_ATTEMPTS)),
  checkers: (options) => [
    {
      name: 'total-queue',
      check: (history) => checkTotalQueue(history, { delivery: delivery(options) }),
    },
  ],
};
