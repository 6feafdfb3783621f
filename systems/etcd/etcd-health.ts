import { FaultlineError } from '../../src/core/errors.js';
import type { SystemContext } from '../../src/core/system.js';
import { EtcdKv } from './etcd-kv.js';
import { ETCD_LOG } from './etcd-paths.js';

/** What each member reports: healthy with the leader it knows, or why not. */
export type MemberHealth = { ok: true; memberId: string; leader: string } | { ok: false; why: string };

/** Asks every member for its status (one attempt, 2 s each). */
export async function memberHealth(
  ctx: SystemContext,
  nodes: readonly string[],
): Promise<Record<string, MemberHealth>> {
  const out: Record<string, MemberHealth> = {};
  await Promise.all(
    nodes.map(async (node) => {
      const kv = new EtcdKv(ctx.cluster.ip(node));
      try {
        const s = await kv.status(AbortSignal.timeout(2000));
        out[node] =
          s.leader !== '0' && s.leader !== ''
            ? { ok: true, memberId: s.memberId, leader: s.leader }
            : { ok: false, why: 'no leader' };
      } catch (error) {
        out[node] = { ok: false, why: (error as Error).message };
      } finally {
        kv.close();
      }
    }),
  );
  return out;
}

/**
 * Waits until every member answers and all agree on one elected leader, or throws
 * SYSTEM_START_FAILED with each unhealthy member's reason and the tail of its log.
 */
export async function waitHealthy(
  ctx: SystemContext,
  nodes: readonly string[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let health: Record<string, MemberHealth> = {};
  while (Date.now() < deadline) {
    health = await memberHealth(ctx, nodes);
    const leaders = new Set(Object.values(health).map((h) => (h.ok ? h.leader : 'none')));
    if (leaders.size === 1 && !leaders.has('none')) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  const bad = nodes.filter((n) => !health[n]?.ok);
  const tails = await Promise.all(
    (bad.length > 0 ? bad : nodes).map(async (node) => {
      const r = await ctx.cluster.remote.exec(node, ['tail', '-n', '15', ETCD_LOG]).catch(() => undefined);
      return `--- ${node}: ${JSON.stringify(health[node])}\n${r?.stdout ?? '(no log)'}`;
    }),
  );
  throw new FaultlineError(
    'SYSTEM_START_FAILED',
    `etcd did not become healthy within ${timeoutMs / 1000} s.\n${tails.join('\n')}`,
    {
      hint: 'Read the log tails above; `--keep` keeps the containers for a closer look.',
    },
  );
}
