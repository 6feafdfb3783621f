import type { System, SystemContext } from '../src/core/system.js';
import { mathRng } from './math-rng.js';
import { nodesOf } from './targets.js';

/**
 * The nodes a kill or pause op names. `'primary'` is the system's first primary at this moment
 * (for etcd's lock workload, the lock holder's node), or one random node when it names none;
 * `primary` says which it was, for the history.
 */
export async function faultNodes(
  ctx: SystemContext,
  system: System | undefined,
  value: unknown,
): Promise<{ nodes: string[]; primary?: string[] }> {
  if (value !== 'primary') return { nodes: nodesOf(value, ctx.cluster.nodes, mathRng) };
  const primaries = (await system?.primaries?.primaries(ctx).catch(() => [])) ?? [];
  const primary = primaries.find((n) => ctx.cluster.nodes.includes(n));
  return primary === undefined
    ? { nodes: nodesOf('one', ctx.cluster.nodes, mathRng), primary: [] }
    : { nodes: [primary], primary: [primary] };
}
