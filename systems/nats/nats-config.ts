import type { Cluster } from '../../src/sdk/index.js';
import { NATS_CLIENT_PORT, NATS_CLUSTER_PORT, NATS_DATA, NATS_MONITOR_PORT } from './nats-paths.js';

/**
 * nats-server's configuration on `node`: JetStream with file storage under NATS_DATA, a route to
 * every node (a static full mesh), HTTP monitoring, and `sync_interval` when `sync` is not `default`.
 */
export function natsConfig(cluster: Cluster, node: string, sync: string): string {
  const routes = cluster.nodes.map((n) => `    nats://${cluster.ip(n)}:${NATS_CLUSTER_PORT}`);
  return [
    `server_name: ${node}`,
    `listen: 0.0.0.0:${NATS_CLIENT_PORT}`,
    `http: 0.0.0.0:${NATS_MONITOR_PORT}`,
    'jetstream {',
    `  store_dir: "${NATS_DATA}"`,
    ...(sync === 'default' ? [] : [`  sync_interval: ${sync === 'always' ? 'always' : `"${sync}"`}`]),
    '}',
    'cluster {',
    '  name: faultline',
    `  listen: 0.0.0.0:${NATS_CLUSTER_PORT}`,
    '  routes: [',
    ...routes,
    '  ]',
    '}',
    '',
  ].join('\n');
}
