import { startFailed, type SystemContext } from '../../src/sdk/index.js';
import { RABBITMQ_LOG, erlangNode } from './rabbitmq-paths.js';
import { rabbitmqctl } from './rabbitmqctl.js';

/** The Erlang nodes that `node` sees running in its cluster, or why it cannot say. */
export async function runningNodes(
  ctx: SystemContext,
  node: string,
): Promise<{ ok: true; running: string[] } | { ok: false; why: string }> {
  const r = await ctx.cluster.remote
    .exec(node, ['bash', '-c', rabbitmqctl(node, ['cluster_status', '--formatter', 'json'])], {
      timeoutMs: 30_000,
    })
    .catch((e: unknown) => ({ exitCode: -1, stdout: '', stderr: String(e) }));
  if (r.exitCode !== 0)
    return { ok: false, why: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ') };
  try {
    const status = JSON.parse(r.stdout) as { running_nodes?: string[] };
    return { ok: true, running: status.running_nodes ?? [] };
  } catch {
    return { ok: false, why: `unreadable cluster_status: ${r.stdout.slice(0, 200)}` };
  }
}

/**
 * Waits until every node sees all nodes running in one cluster, or throws SYSTEM_START_FAILED
 * naming each node at fault with the tail of its log.
 */
export async function waitRabbitmqCluster(ctx: SystemContext, timeoutMs = 90_000): Promise<void> {
  const { nodes } = ctx.cluster;
  const want = nodes.map(erlangNode).sort().join(',');
  const deadline = Date.now() + timeoutMs;
  const reasons: Record<string, string> = {};
  while (Date.now() < deadline) {
    const seen = await Promise.all(nodes.map((n) => runningNodes(ctx, n)));
    for (const [i, s] of seen.entries()) {
      const node = nodes[i]!;
      if (!s.ok) reasons[node] = s.why;
      else if ([...s.running].sort().join(',') !== want)
        reasons[node] = `sees running ${s.running.join(', ')}`;
      else delete reasons[node];
    }
    if (Object.keys(reasons).length === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw await startFailed(ctx, {
    what: `the RabbitMQ cluster of ${nodes.length} nodes to form within ${timeoutMs / 1000} s`,
    reasons,
    logFile: RABBITMQ_LOG,
  });
}
