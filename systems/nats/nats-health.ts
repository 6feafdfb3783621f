import { startFailed, type SystemContext } from '../../src/sdk/index.js';
import { NATS_LOG, NATS_MONITOR_PORT } from './nats-paths.js';

/** What a node's monitoring endpoint says: up with the JetStream meta leader it knows, or why not. */
export type NatsHealth = { ok: true; metaLeader: string } | { ok: false; why: string };

/** GETs a JSON document from a node's HTTP monitoring port (2 s). */
async function monitor(ip: string, path: string): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`http://${ip}:${NATS_MONITOR_PORT}${path}`, { signal: AbortSignal.timeout(2000) });
  return { status: r.status, body: (await r.json()) as unknown };
}

/** One node's health: /healthz ok and /jsz naming a meta leader. */
export async function natsHealth(ctx: SystemContext, node: string): Promise<NatsHealth> {
  try {
    const ip = ctx.cluster.ip(node);
    const health = await monitor(ip, '/healthz');
    if (health.status !== 200)
      return { ok: false, why: `healthz ${health.status}: ${JSON.stringify(health.body)}` };
    const jsz = (await monitor(ip, '/jsz')).body as { meta_cluster?: { leader?: string } };
    const leader = jsz.meta_cluster?.leader;
    return leader ? { ok: true, metaLeader: leader } : { ok: false, why: 'no JetStream meta leader yet' };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Waits until every node is healthy and all name the same JetStream meta leader, or throws
 * SYSTEM_START_FAILED naming each node at fault with the tail of its log.
 */
export async function waitNatsHealthy(ctx: SystemContext, timeoutMs = 60_000): Promise<void> {
  const { nodes } = ctx.cluster;
  const deadline = Date.now() + timeoutMs;
  let health: Record<string, NatsHealth> = {};
  while (Date.now() < deadline) {
    health = Object.fromEntries(
      await Promise.all(nodes.map(async (n) => [n, await natsHealth(ctx, n)] as const)),
    );
    const leaders = new Set(Object.values(health).map((h) => (h.ok ? h.metaLeader : '')));
    if (leaders.size === 1 && !leaders.has('')) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  const bad = nodes.filter((n) => !health[n]?.ok);
  const reasons = Object.fromEntries(
    (bad.length > 0 ? bad : nodes).map((n) => {
      const h = health[n];
      return [
        n,
        h === undefined ? 'no answer' : h.ok ? `meta leader ${h.metaLeader} (nodes disagree)` : h.why,
      ];
    }),
  );
  throw await startFailed(ctx, {
    what: `the NATS JetStream cluster to form within ${timeoutMs / 1000} s`,
    reasons,
    logFile: NATS_LOG,
  });
}
