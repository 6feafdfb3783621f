import { daemon } from '../../src/sdk/index.js';
import {
  RABBITMQ_CONFIG,
  RABBITMQ_DATA,
  RABBITMQ_LOG,
  RABBITMQ_PIDFILE,
  RABBITMQ_SERVER,
  erlangNode,
} from './rabbitmq-paths.js';

/**
 * The RabbitMQ node on a node: the Erlang VM (`beam.smp`, started as `rabbitmq-server` execs it
 * when it believes it runs under systemd), logging to its console, named `rabbit@<node>`.
 */
export const rabbitmqDaemon = daemon({
  command: (_ctx, node) => ['env', `RABBITMQ_NODENAME=${erlangNode(node)}`, RABBITMQ_SERVER],
  comm: 'beam.smp',
  pidFile: RABBITMQ_PIDFILE,
  logFile: RABBITMQ_LOG,
  env: {
    HOME: '/root',
    RUNNING_UNDER_SYSTEMD: 'true',
    RABBITMQ_CONFIG_FILE: RABBITMQ_CONFIG,
    RABBITMQ_MNESIA_BASE: RABBITMQ_DATA,
    RABBITMQ_LOG_BASE: '/var/log/faultline/rabbitmq',
    RABBITMQ_LOGS: '-',
  },
});
