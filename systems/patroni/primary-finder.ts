import type { SystemContext } from '../../src/sdk/index.js';
import { claimedPrimaries } from './patroni-rest.js';

/**
 * The primary a client should write to now, asked of Patroni's REST API (`GET /primary` on every
 * node). When two members claim it (one about to be demoted), the one the worker is bound to wins,
 * else the first in node order; an error when none does (no leader, or every node unreachable).
 */
export async function findPrimary(ctx: SystemContext, boundNode: string): Promise<string> {
  const claims = await claimedPrimaries(ctx);
  if (claims.length === 0) throw new Error('no Patroni member answers GET /primary with 200 (no leader)');
  return claims.includes(boundNode) ? boundNode : claims[0]!;
}
