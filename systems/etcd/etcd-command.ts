import type { Cluster } from '../../src/core/remote.js';
import { CLIENT_PORT, ETCD_BIN, ETCD_DATA_ROOT, PEER_PORT } from './etcd-paths.js';

/** The data dir of a member: stable per node name, so a restarted member rejoins with its state. */
export function dataDir(node: string): string {
  return `${ETCD_DATA_ROOT}/${node}.etcd`;
}

/**
 * etcd's command line for `node` in a static cluster of all nodes. The initial-cluster flags only
 * matter on first start; a restart with the same data dir ignores them and rejoins.
 */
export function etcdCommand(cluster: Pick<Cluster, 'nodes' | 'ip' | 'runId'>, node: string): string[] {
  const ip = cluster.ip(node);
  return [
    ETCD_BIN,
    `--name=${node}`,
    `--data-dir=${dataDir(node)}`,
    `--listen-peer-urls=http://${ip}:${PEER_PORT}`,
    `--initial-advertise-peer-urls=http://${ip}:${PEER_PORT}`,
    `--listen-client-urls=http://${ip}:${CLIENT_PORT},http://127.0.0.1:${CLIENT_PORT}`,
    `--advertise-client-urls=http://${ip}:${CLIENT_PORT}`,
    `--initial-cluster=${cluster.nodes.map((n) => `${n}=http://${cluster.ip(n)}:${PEER_PORT}`).join(',')}`,
    '--initial-cluster-state=new',
    `--initial-cluster-token=faultline-${cluster.runId}`,
    '--logger=zap',
    '--log-outputs=stderr',
  ];
}
