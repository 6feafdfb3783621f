import type { SystemOption } from '../../src/sdk/index.js';

/** RabbitMQ's own `faultline test` options. */
export const rabbitmqOptions: readonly SystemOption[] = [
  {
    key: 'queueType',
    flag: '--queue-type <type>',
    help: 'quorum (default: a Raft-replicated queue on every node) | classic (a classic queue mirrored to every node, for comparison)',
    choices: ['quorum', 'classic'],
    default: 'quorum',
  },
  {
    key: 'partitionHandling',
    flag: '--partition-handling <mode>',
    help: 'cluster_partition_handling: pause_minority (default) | autoheal | ignore',
    choices: ['pause_minority', 'autoheal', 'ignore'],
    default: 'pause_minority',
  },
];
