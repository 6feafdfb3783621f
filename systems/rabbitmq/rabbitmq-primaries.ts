import type { SystemContext } from '../../src/sdk/index.js';
import { QUEUE_NAME } from './rabbitmq-paths.js';
import { rabbitmqctl } from './rabbitmqctl.js';

/**
 * The node leading the workload's queue now (the quorum queue's Raft leader, or the classic
 * queue's master), asked of the first node that answers; none when no node answers.
 */
export async function rabbitmqPrimaries(ctx: SystemContext): Promise<string[]> {
  for (const node of ctx.cluster.nodes) {
    const script = rabbitmqctl(node, ['list_queues', 'name', 'leader', 'pid', '--formatter', 'json']);
    const r = await ctx.cluster.remote
      .exec(node, ['bash', '-c', script], { timeoutMs: 10_000 })
      .catch(() => undefined);
    if (r === undefined || r.exitCode !== 0) continue;
    try {
      const rows = JSON.parse(r.stdout) as { name: string; leader?: string; pid?: string }[];
      const q = rows.find((row) => row.name === QUEUE_NAME);
      const owner = q?.leader ?? /<([^.]+)\./.exec(q?.pid ?? '')?.[1];
      const host = /@(.+)$/.exec(owner ?? '')?.[1];
      if (host && ctx.cluster.nodes.includes(host)) return [host];
    } catch {
      // Not JSON (e.g. a warning): ask the next node.
    }
  }
  return [];
}
