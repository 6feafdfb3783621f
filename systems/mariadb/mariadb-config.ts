/** Where the suite keeps MariaDB on each node. */
export const MARIADB_PORT = 3306;
export const MARIADB_CONF = '/etc/faultline/my.cnf';
export const MARIADB_DATA = '/var/lib/faultline/mysql';
export const MARIADB_LOG = '/var/log/faultline/mariadb.log';
export const MARIADB_SOCKET = '/run/mysqld/mysqld.sock';
/** The account clients use over the network, created by setup. */
export const MARIADB_USER = 'faultline';
export const MARIADB_PASSWORD = 'faultline';
export const MARIADB_DATABASE = 'faultline';

/** my.cnf of one Galera node: row-based binlog, interleaved autoinc locks, rsync state transfers. */
export function galeraCnf(node: string, ip: string, clusterIps: readonly string[]): string {
  return [
    '[mysqld]',
    'user = mysql',
    `datadir = ${MARIADB_DATA}`,
    `socket = ${MARIADB_SOCKET}`,
    'pid-file = /run/mysqld/mysqld.pid',
    `port = ${MARIADB_PORT}`,
    'bind-address = 0.0.0.0',
    `log-error = ${MARIADB_LOG}`,
    'skip-name-resolve',
    'max_connections = 300',
    'default_storage_engine = InnoDB',
    'innodb_buffer_pool_size = 64M',
    'innodb_log_file_size = 48M',
    'innodb_autoinc_lock_mode = 2',
    'innodb_flush_log_at_trx_commit = 1',
    'binlog_format = ROW',
    'wsrep_on = ON',
    'wsrep_provider = /usr/lib/galera/libgalera_smm.so',
    'wsrep_cluster_name = faultline',
    `wsrep_cluster_address = gcomm://${clusterIps.join(',')}`,
    `wsrep_node_address = ${ip}`,
    `wsrep_node_name = ${node}`,
    'wsrep_sst_method = rsync',
    'wsrep_provider_options = "gcache.size=64M; evs.suspect_timeout=PT3S; evs.inactive_timeout=PT6S"',
    '',
    '[client]',
    `socket = ${MARIADB_SOCKET}`,
    '',
  ].join('\n');
}
