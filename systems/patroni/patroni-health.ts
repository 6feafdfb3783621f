import { startFailed, type SystemContext } from '../../src/sdk/index.js';
import { isPrimaryRole, patroniGet, type PatroniStatus } from './patroni-rest.js';
import { PATRONI_LOG } from './patroni-paths.js';

/** One member's health as `GET /patroni` reports it, or why it gave no usable answer. */
export type MemberHealth = { ok: true; status: PatroniStatus } | { ok: false; why: string };

async function memberHealth(ctx: SystemContext, node: string): Promise<MemberHealth> {
  try {
    const { status, body } = await patroniGet(ctx, node, '/patroni');
    if (typeof body !== 'object' || body === null)
      return { ok: false, why: `HTTP ${status}: ${String(body)}` };
    return { ok: true, status: body as PatroniStatus };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Why the cluster is not healthy yet, per node, or an empty object when it is: every member runs,
 * exactly one is primary, and the primary reports every other member as a streaming replica.
 */
export function unhealthyMembers(
  nodes: readonly string[],
  health: Readonly<Record<string, MemberHealth>>,
): Record<string, string> {
  const why: Record<string, string> = {};
  const primaries = nodes.filter((n) => {
    const h = health[n];
    return h?.ok === true && isPrimaryRole(h.status.role);
  });
  for (const n of nodes) {
    const h = health[n];
    if (h === undefined) why[n] = 'no answer';
    else if (!h.ok) why[n] = h.why;
    else if (h.status.state !== 'running') why[n] = `state ${String(h.status.state)}`;
  }
  if (primaries.length !== 1) {
    for (const n of nodes) why[n] ??= `${primaries.length} members report role primary`;
    return why;
  }
  const primary = health[primaries[0]!] as { ok: true; status: PatroniStatus };
  const streaming = new Set(
    (primary.status.replication ?? []).filter((r) => r.state === 'streaming').map((r) => r.application_name),
  );
  for (const n of nodes) {
    if (n !== primaries[0] && !streaming.has(n)) why[n] ??= `not streaming from the primary ${primaries[0]!}`;
  }
  return why;
}

/**
 * Waits until Patroni reports one primary and N-1 streaming replicas, or throws
 * SYSTEM_START_FAILED naming each node at fault with the last lines of its Patroni log.
 */
export async function waitPatroniHealthy(ctx: SystemContext, timeoutMs = 120_000): Promise<string> {
  const { nodes } = ctx.cluster;
  const deadline = Date.now() + timeoutMs;
  let why: Record<string, string> = { [nodes[0]!]: 'not asked yet' };
  let health: Record<string, MemberHealth> = {};
  while (Date.now() < deadline) {
    health = Object.fromEntries(
      await Promise.all(nodes.map(async (n) => [n, await memberHealth(ctx, n)] as const)),
    );
    why = unhealthyMembers(nodes, health);
    if (Object.keys(why).length === 0) {
      return nodes.find((n) => {
        const h = health[n];
        return h?.ok === true && isPrimaryRole(h.status.role);
      })!;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw await startFailed(ctx, {
    what: `Patroni to report one primary and ${nodes.length - 1} streaming replicas within ${timeoutMs / 1000} s`,
    reasons: why,
    logFile: PATRONI_LOG,
  });
}
