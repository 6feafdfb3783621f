import type { SystemContext } from '../../src/core/system.js';
import { askRedis } from './ask-redis.js';
import { MASTER_NAME, SENTINEL_PORT } from './redis-config.js';

/** Asks the Sentinel on `node` about our master: `SENTINEL <subcommand> <master name>`. */
export function askSentinel(ctx: SystemContext, node: string, subcommand: string): Promise<unknown> {
  return askRedis(ctx.cluster.ip(node), SENTINEL_PORT, 'SENTINEL', subcommand, MASTER_NAME);
}

/** The node each reachable Sentinel names as primary now (undefined entries for Sentinels that did not answer). */
export async function sentinelViews(ctx: SystemContext): Promise<Record<string, string | undefined>> {
  const byIp = new Map(ctx.cluster.nodes.map((n) => [ctx.cluster.ip(n), n]));
  const views = await Promise.all(
    ctx.cluster.nodes.map(async (node): Promise<[string, string | undefined]> => {
      try {
        const addr = (await askSentinel(ctx, node, 'get-master-addr-by-name')) as [string, string] | null;
        return [node, addr === null ? undefined : (byIp.get(addr[0]) ?? addr[0])];
      } catch {
        return [node, undefined];
      }
    }),
  );
  return Object.fromEntries(views);
}

/** The primary a majority of Sentinels agree on, or undefined when there is no such majority. */
export function majorityPrimary(
  views: Record<string, string | undefined>,
  nodes: number,
): string | undefined {
  const votes = new Map<string, number>();
  for (const p of Object.values(views)) if (p !== undefined) votes.set(p, (votes.get(p) ?? 0) + 1);
  for (const [p, n] of votes) if (n > nodes / 2) return p;
  return undefined;
}
