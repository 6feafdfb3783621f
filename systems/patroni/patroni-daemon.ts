import { daemon } from '../../src/sdk/index.js';
import { PATRONI_BIN, PATRONI_CONFIG, PATRONI_LOG, PATRONI_PIDFILE } from './patroni-paths.js';

/**
 * The Patroni agent on a node, run as the postgres user (setpriv execs it in place, so the pid file
 * holds Patroni's own pid). Patroni starts PostgreSQL itself; its clock is not skewed (no libfaketime).
 */
export const patroniDaemon = daemon({
  command: ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', PATRONI_BIN, PATRONI_CONFIG],
  comm: 'patroni',
  pidFile: PATRONI_PIDFILE,
  logFile: PATRONI_LOG,
  env: { HOME: '/var/lib/postgresql', PYTHONUNBUFFERED: '1' },
  faketime: false,
});
