import { PG_BIN, PG_DATA, PG_LOG } from './postgres-config.js';

const asPostgres = 'runuser -u postgres --';

/** Removes any previous data dir and creates a fresh primary cluster. */
export const initPrimaryScript = [
  'set -e',
  `pkill -KILL -x postgres || true`,
  `rm -rf ${PG_DATA} && mkdir -p ${PG_DATA} /var/log/faultline /var/run/postgresql`,
  `chown postgres:postgres ${PG_DATA} /var/log/faultline /var/run/postgresql && chmod 700 ${PG_DATA}`,
  `${asPostgres} ${PG_BIN}/initdb -D ${PG_DATA} -U postgres --auth=trust -E UTF8 --locale=C >/tmp/initdb.out 2>&1 || { cat /tmp/initdb.out; exit 1; }`,
].join('\n');

/** Clones the primary at `primaryIp` into a streaming replica (standby.signal and primary_conninfo by -R). */
export function initReplicaScript(primaryIp: string): string {
  return [
    'set -e',
    `pkill -KILL -x postgres || true`,
    `rm -rf ${PG_DATA} && mkdir -p ${PG_DATA} /var/log/faultline /var/run/postgresql`,
    `chown postgres:postgres ${PG_DATA} /var/log/faultline /var/run/postgresql && chmod 700 ${PG_DATA}`,
    `${asPostgres} ${PG_BIN}/pg_basebackup -h ${primaryIp} -U postgres -D ${PG_DATA} -R -X stream -c fast >/tmp/basebackup.out 2>&1 || { cat /tmp/basebackup.out; exit 1; }`,
  ].join('\n');
}

/** Starts the server and waits until it accepts connections; its output goes to the log, never to exec. */
export const startScript = [
  `${asPostgres} ${PG_BIN}/pg_ctl -D ${PG_DATA} -l ${PG_LOG} -w -t 60 start >/tmp/pg_ctl.out 2>&1 </dev/null`,
  `|| { cat /tmp/pg_ctl.out; tail -n 20 ${PG_LOG}; exit 1; }`,
].join(' ');

/** SIGKILLs every postgres process: the postmaster and all its backends. */
export const killScript = 'pkill -KILL -x postgres || true';

/** Stops the server without a checkpoint (fast and crash-like), tolerating a server that is not running. */
export const stopScript = `${asPostgres} ${PG_BIN}/pg_ctl -D ${PG_DATA} -m immediate -w -t 30 stop >/dev/null 2>&1 || pkill -KILL -x postgres || true`;
