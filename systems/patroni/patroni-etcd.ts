import { daemon, type Cluster } from '../../src/sdk/index.js';
import {
  ETCD_BIN,
  ETCD_CLIENT_PORT,
  ETCD_DATA,
  ETCD_LOG,
  ETCD_PEER_PORT,
  ETCD_PIDFILE,
} from './patroni-paths.js';

/**
 * etcd's command line for `node` as one member of the DCS cluster of all nodes. A restarted member
 * keeps its data dir and rejoins; the initial-cluster flags only matter on first start.
 */
export function etcdCommand(cluster: Pick<Cluster, 'nodes' | 'ip' | 'runId'>, node: string): string[] {
  const ip = cluster.ip(node);
  return [
    ETCD_BIN,
    `--name=${node}`,
    `--data-dir=${ETCD_DATA}`,
    `--listen-peer-urls=http://${ip}:${ETCD_PEER_PORT}`,
    `--initial-advertise-peer-urls=http://${ip}:${ETCD_PEER_PORT}`,
    `--listen-client-urls=http://${ip}:${ETCD_CLIENT_PORT},http://127.0.0.1:${ETCD_CLIENT_PORT}`,
    `--advertise-client-urls=http://${ip}:${ETCD_CLIENT_PORT}`,
    `--initial-cluster=${cluster.nodes.map((n) => `${n}=http://${cluster.ip(n)}:${ETCD_PEER_PORT}`).join(',')}`,
    '--initial-cluster-state=new',
    `--initial-cluster-token=faultline-patroni-${cluster.runId}`,
    '--logger=zap',
    '--log-outputs=stderr',
  ];
}

/** The etcd member of Patroni's DCS on a node, tracked by its pid file. */
export const etcdDaemon = daemon({
  command: (ctx, node) => etcdCommand(ctx.cluster, node),
  comm: 'etcd',
  pidFile: ETCD_PIDFILE,
  logFile: ETCD_LOG,
  faketime: false,
});
