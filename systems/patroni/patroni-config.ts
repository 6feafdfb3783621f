import type { Cluster } from '../../src/sdk/index.js';
import type { PatroniOptions } from './patroni-options.js';
import {
  ETCD_CLIENT_PORT,
  NAMESPACE,
  PG_BIN_DIR,
  PG_DATA,
  PG_LOG_DIR,
  PG_PORT,
  REST_PORT,
  SCOPE,
} from './patroni-paths.js';

/**
 * Patroni's DCS timings: the shortest Patroni accepts for ttl (20 s), a 2 s loop and a 5 s retry
 * timeout (loop_wait + 2 * retry_timeout <= ttl, as Patroni requires), so a failover fits a short run.
 */
export const DCS_TIMINGS = { ttl: 20, loop_wait: 2, retry_timeout: 5 } as const;

/** The test network is trusted: every client and replication connection needs no password. */
const PG_HBA = [
  'local all all trust',
  'host all all 0.0.0.0/0 trust',
  'local replication all trust',
  'host replication all 0.0.0.0/0 trust',
];

/** PostgreSQL settings every member runs with (Patroni writes them into postgresql.conf). */
function pgParameters(): Record<string, string | number> {
  return {
    max_connections: 200,
    shared_buffers: '64MB',
    wal_level: 'replica',
    hot_standby: 'on',
    wal_log_hints: 'on',
    max_wal_senders: 16,
    max_replication_slots: 16,
    wal_keep_size: '256MB',
    fsync: 'on',
    synchronous_commit: 'on',
    unix_socket_directories: '/var/run/postgresql',
    logging_collector: 'on',
    log_directory: PG_LOG_DIR,
    log_filename: 'postgresql.log',
    log_rotation_age: 0,
    log_rotation_size: 0,
    log_line_prefix: '%m [%p] %q%u@%d ',
    log_min_messages: 'warning',
    log_timezone: 'UTC',
    timezone: 'UTC',
  };
}

/**
 * Patroni's configuration for `node`: its REST API and PostgreSQL on the node's address, the etcd
 * members of all nodes as the DCS (etcd3 API), and the bootstrap settings the first leader writes
 * into the DCS. JSON is YAML, so the text is JSON.
 */
export function patroniConfig(
  cluster: Pick<Cluster, 'nodes' | 'ip'>,
  node: string,
  options: Pick<PatroniOptions, 'synchronousMode' | 'maximumLagOnFailover'>,
): string {
  const ip = cluster.ip(node);
  const config = {
    scope: SCOPE,
    namespace: NAMESPACE,
    name: node,
    log: { level: 'INFO' },
    restapi: { listen: `0.0.0.0:${REST_PORT}`, connect_address: `${ip}:${REST_PORT}` },
    etcd3: { hosts: cluster.nodes.map((n) => `${cluster.ip(n)}:${ETCD_CLIENT_PORT}`) },
    bootstrap: {
      dcs: {
        ...DCS_TIMINGS,
        maximum_lag_on_failover: options.maximumLagOnFailover,
        synchronous_mode: options.synchronousMode !== 'off',
        synchronous_mode_strict: options.synchronousMode === 'strict',
        postgresql: { use_pg_rewind: true, use_slots: true, parameters: pgParameters() },
      },
      initdb: [{ encoding: 'UTF8' }, { locale: 'C' }],
    },
    postgresql: {
      listen: `0.0.0.0:${PG_PORT}`,
      connect_address: `${ip}:${PG_PORT}`,
      data_dir: PG_DATA,
      bin_dir: PG_BIN_DIR,
      pgpass: '/tmp/faultline-pgpass',
      authentication: {
        superuser: { username: 'postgres', password: 'faultline' },
        replication: { username: 'replicator', password: 'faultline' },
        rewind: { username: 'postgres', password: 'faultline' },
      },
      pg_hba: PG_HBA,
      parameters: { unix_socket_directories: '/var/run/postgresql' },
    },
    tags: { nofailover: false, noloadbalance: false, clonefrom: false, nosync: false },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
