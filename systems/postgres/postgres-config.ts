/** Where the suite keeps PostgreSQL on each node. */
export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PG_DATA = '/var/lib/faultline/postgres';
export const PG_LOG = '/var/log/faultline/postgres.log';
export const PG_PORT = 5432;

/** postgresql.conf for every node: listens on all addresses, streams WAL, replicas serve reads. */
export function postgresConf(): string {
  return [
    "listen_addresses = '*'",
    `port = ${PG_PORT}`,
    'max_connections = 200',
    'shared_buffers = 64MB',
    "unix_socket_directories = '/var/run/postgresql'",
    'wal_level = replica',
    'max_wal_senders = 16',
    'wal_keep_size = 256MB',
    'hot_standby = on',
    'hot_standby_feedback = on',
    'fsync = on',
    'synchronous_commit = on',
    "log_line_prefix = '%m [%p] %q%u@%d '",
    'log_min_messages = warning',
    "log_timezone = 'UTC'",
    "timezone = 'UTC'",
    '',
  ].join('\n');
}

/** pg_hba.conf: the test network is trusted, for clients and replication alike. */
export function pgHbaConf(): string {
  return [
    'local all all trust',
    'host all all 0.0.0.0/0 trust',
    'host replication all 0.0.0.0/0 trust',
    'local replication all trust',
    '',
  ].join('\n');
}
