/** Where the suite keeps Patroni, PostgreSQL and etcd on each node. */
export const PG_BIN_DIR = '/usr/lib/postgresql/15/bin';
export const PATRONI_BIN = '/usr/bin/patroni';
export const PATRONI_CONFIG = '/etc/faultline/patroni.yml';
export const PATRONI_LOG = '/var/log/faultline/patroni.log';
export const PATRONI_PIDFILE = '/run/faultline/patroni.pid';
export const PG_DATA = '/var/lib/faultline/patroni/pgdata';
export const PG_LOG_DIR = '/var/log/faultline/postgres';
export const PG_LOG = `${PG_LOG_DIR}/postgresql.log`;
export const PG_PORT = 5432;
export const REST_PORT = 8008;
export const ETCD_BIN = '/usr/bin/etcd';
export const ETCD_DATA = '/var/lib/faultline/etcd';
export const ETCD_LOG = '/var/log/faultline/etcd.log';
export const ETCD_PIDFILE = '/run/faultline/etcd.pid';
export const ETCD_CLIENT_PORT = 2379;
export const ETCD_PEER_PORT = 2380;
/** Patroni's cluster name (`scope`) and DCS namespace. */
export const SCOPE = 'faultline';
export const NAMESPACE = '/service/';
