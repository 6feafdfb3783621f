/** Where etcd lives on a node. */
export const ETCD_BIN = '/usr/bin/etcd';
export const ETCD_DATA_ROOT = '/var/lib/faultline/etcd';
export const ETCD_LOG = '/var/log/faultline/etcd.log';
export const ETCD_PIDFILE = '/run/faultline/etcd.pid';
export const CLIENT_PORT = 2379;
export const PEER_PORT = 2380;
/** Key prefix of everything the workloads write. */
export const KEY_PREFIX = '/faultline';
