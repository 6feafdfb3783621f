import type { SystemContext } from '../../src/core/system.js';
import { EtcdLockApi } from './etcd-lock-api.js';
import { prefixEnd } from './etcd-kv.js';
import { LOCK_NAME, nodeIndexOf } from './lock-lease.js';

/**
 * The node whose client holds the lock now ([] when free or unknown): the oldest key under the
 * lock's prefix is the holder's, and its lease id names the client's node. Asks the nodes in turn
 * (a paused or cut-off one does not answer) with a linearizable read of at most 2 s each.
 */
export async function lockHolderNodes(ctx: SystemContext): Promise<string[]> {
  const prefix = `${LOCK_NAME}/`;
  for (const node of ctx.cluster.nodes) {
    const api = new EtcdLockApi(ctx.cluster.ip(node));
    try {
      const lease = await api.oldestLease(prefix, prefixEnd(prefix), AbortSignal.timeout(2000));
      if (lease === undefined) return [];
      const holder = ctx.cluster.nodes[nodeIndexOf(lease)];
      return holder === undefined ? [] : [holder];
    } catch {
      continue;
    } finally {
      api.close();
    }
  }
  return [];
}
