import { daemon } from '../../src/sdk/index.js';
import { NATS_BIN, NATS_CONFIG, NATS_LOG, NATS_PIDFILE } from './nats-paths.js';

/** nats-server on a node, started under libfaketime from its config file, tracked by its pid file. */
export const natsDaemon = daemon({
  command: [NATS_BIN, '-c', NATS_CONFIG],
  comm: 'nats-server',
  pidFile: NATS_PIDFILE,
  logFile: NATS_LOG,
});
