import { AMQP_PORT } from './rabbitmq-paths.js';

/**
 * rabbitmq.conf: AMQP on every interface, the guest user allowed from the host (the clients'
 * side), and the cluster's partition handling.
 */
export function rabbitmqConfig(partitionHandling: string): string {
  return [
    `listeners.tcp.default = ${AMQP_PORT}`,
    'loopback_users.guest = false',
    `cluster_partition_handling = ${partitionHandling}`,
    'log.console = true',
    'log.console.level = info',
    '',
  ].join('\n');
}

/** The Erlang cookie every node of a run shares: derived from the run id, letters only. */
export function erlangCookie(runId: string): string {
  const letters = runId.toUpperCase().replace(/[^A-Z]/g, '');
  return `FAULTLINE${letters}`.padEnd(20, 'X').slice(0, 40);
}
