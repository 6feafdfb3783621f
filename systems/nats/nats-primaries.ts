import type { SystemContext } from '../../src/sdk/index.js';
import { connectNats } from './nats-connect.js';
import { KV_BUCKET, QUEUE_STREAM } from './nats-paths.js';

/**
 * The nodes leading the KV bucket's or the queue stream's Raft group now (server names are node
 * names), asked of the first node that answers; none when no node answers.
 */
export async function natsPrimaries(ctx: SystemContext): Promise<string[]> {
  for (const node of ctx.cluster.nodes) {
    try {
      const session = await connectNats(ctx.cluster.ip(node));
      try {
        const leaders = await Promise.all(
          [`KV_${KV_BUCKET}`, QUEUE_STREAM].map(
            async (s) => (await session.jsm.streams.info(s)).cluster?.leader,
          ),
        );
        return [...new Set(leaders.filter((l): l is string => l !== undefined && l !== ''))].sort();
      } finally {
        await session.nc.close();
      }
    } catch {
      // Try the next node: this one may be partitioned, paused or killed.
    }
  }
  return [];
}
