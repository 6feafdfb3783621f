import { FaultlineError, type Cluster, type SystemContext } from '../../src/sdk/index.js';
import {
  NATS_BIN,
  NATS_CLIENT_PORT,
  NATS_CLUSTER_PORT,
  NATS_CONFIG,
  NATS_DATA,
  NATS_MONITOR_PORT,
} from './nats-paths.js';

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

/**
 * Has the server on `node` test its configuration (`nats-server -t`). A server without
 * sync_interval (before 2.10, like Debian 12's 2.9.10) makes `--sync` a BAD_ARGUMENT; any other
 * complaint is SYSTEM_START_FAILED with the server's words.
 */
export async function checkNatsConfig(ctx: SystemContext, node: string): Promise<void> {
  const r = await ctx.cluster.remote.exec(node, ['sh', '-c', `${NATS_BIN} -c ${NATS_CONFIG} -t 2>&1`], {
    timeoutMs: 30_000,
  });
  if (r.exitCode === 0) return;
  const said = `${r.stdout}${r.stderr}`.trim();
  if (/unknown field "sync_interval"/.test(said)) {
    const version = (await ctx.cluster.remote.exec(node, [NATS_BIN, '--version'])).stdout.trim();
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--sync ${String(ctx.options['sync'])}: ${version} on ${node} has no sync_interval setting (it came with nats-server 2.10).`,
      {
        hint: 'Omit --sync to run the server with its own policy (2.9 syncs its file store every 2 minutes), or run nats-server 2.10+ (e.g. on your own hosts with --ssh).',
      },
    );
  }
  throw new FaultlineError(
    'SYSTEM_START_FAILED',
    `nats-server rejected its configuration on ${node}:\n${said}`,
    {
      hint: 'Read the configuration in the run directory (logs/<node>/nats.conf).',
    },
  );
}
