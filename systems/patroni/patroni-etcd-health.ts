import { startFailed, type SystemContext } from '../../src/sdk/index.js';
import { ETCD_CLIENT_PORT, ETCD_LOG } from './patroni-paths.js';

/** Why the etcd member on `node` is not healthy (its /health endpoint), or undefined when it is. */
async function etcdUnhealthy(ctx: SystemContext, node: string): Promise<string | undefined> {
  try {
    const r = await fetch(`http://${ctx.cluster.ip(node)}:${ETCD_CLIENT_PORT}/health`, {
      signal: AbortSignal.timeout(2000),
    });
    const body = (await r.json()) as { health?: unknown };
    return body.health === 'true' || body.health === true ? undefined : `health ${JSON.stringify(body)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Waits until every etcd member of the DCS reports itself healthy (it has a Raft leader), or throws
 * SYSTEM_START_FAILED naming each unhealthy node with the last lines of its etcd log.
 */
export async function waitEtcdHealthy(ctx: SystemContext, timeoutMs = 60_000): Promise<void> {
  const { nodes } = ctx.cluster;
  const deadline = Date.now() + timeoutMs;
  let reasons: Record<string, string> = {};
  while (Date.now() < deadline) {
    const answers = await Promise.all(nodes.map(async (n) => [n, await etcdUnhealthy(ctx, n)] as const));
    reasons = Object.fromEntries(answers.filter((a): a is [string, string] => a[1] !== undefined));
    if (Object.keys(reasons).length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw await startFailed(ctx, {
    what: `the etcd cluster of Patroni's DCS to become healthy within ${timeoutMs / 1000} s`,
    reasons,
    logFile: ETCD_LOG,
  });
}
