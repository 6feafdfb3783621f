import { FaultlineError } from '../src/core/errors.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { Cluster } from '../src/core/remote.js';
import type { System, SystemContext } from '../src/core/system.js';
import {
  completeGrudge,
  effectiveMode,
  grudgeFor,
  PARTITION_MODES,
  type Grudge,
  type PartitionMode,
} from './grudge.js';
import { iptablesChain } from './iptables-chain.js';
import { mathRng } from './math-rng.js';
import { onNodes } from './on-nodes.js';

/** faultline's own chain for partition rules: heal touches nothing else of the node's firewall. */
export const PARTITION_CHAIN = iptablesChain('partition');

/** iptables commands that make `node` drop every packet from and to the peers of its grudge. */
export function partitionScript(grudge: Grudge, node: string, ip: (node: string) => string): string {
  const rules = (grudge[node] ?? []).flatMap((peer) => [`-s ${ip(peer)} -j DROP`, `-d ${ip(peer)} -j DROP`]);
  return PARTITION_CHAIN.replace(rules);
}

const HEAL = PARTITION_CHAIN.flush;
const REMOVE = PARTITION_CHAIN.remove;

async function run(cluster: Cluster, node: string, script: string): Promise<void> {
  const r = await cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 20_000 });
  if (r.exitCode !== 0) {
    throw new FaultlineError(
      'NODE_EXEC_FAILED',
      `iptables failed on ${node} (exit ${r.exitCode}): ${r.stderr.trim()}`,
      {
        hint: 'The node needs the NET_ADMIN capability and the iptables package (both given by createCluster).',
      },
    );
  }
}

/**
 * Network partitions by iptables DROP rules inside the nodes. `start-partition` takes
 * `{ mode, grudge }` (or just a mode name, then the grudge is drawn here); `stop-partition` heals.
 * Mode `primary` without a grudge isolates the node the system reports as primary at that moment.
 */
export function partitionNemesis(): Nemesis {
  let system: System | undefined;
  return {
    name: 'partition',
    fs: ['start-partition', 'stop-partition'],
    async setup(ctx, sys) {
      system = sys;
      const errors = await onNodes(ctx.cluster.nodes, (node) => run(ctx.cluster, node, HEAL));
      if (Object.keys(errors).length > 0) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `Cannot use iptables on ${Object.keys(errors).join(', ')}: ${JSON.stringify(errors)}`,
          {
            hint: 'The node needs the NET_ADMIN capability and the iptables package (both given by createCluster).',
          },
        );
      }
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      const { cluster } = ctx;
      if (op.f === 'stop-partition') {
        const errors = await onNodes(cluster.nodes, (node) => run(cluster, node, HEAL));
        return result({ healed: [...cluster.nodes] }, errors);
      }
      const spec = op.value as { mode?: PartitionMode; grudge?: Grudge } | PartitionMode | null;
      const mode = effectiveMode(
        (typeof spec === 'string' ? spec : spec?.mode) ?? 'one',
        cluster.nodes.length,
      );
      let grudge = typeof spec === 'object' && spec?.grudge ? spec.grudge : undefined;
      let primary: string | undefined;
      if (!grudge && mode === 'primary') {
        primary = (await system?.primaries?.primaries(ctx).catch(() => []))?.[0];
        grudge = primary
          ? completeGrudge([[primary], cluster.nodes.filter((n) => n !== primary)])
          : undefined;
      }
      grudge ??= grudgeFor(mode, cluster.nodes, mathRng);
      const errors = await onNodes(cluster.nodes, (node) =>
        run(
          cluster,
          node,
          partitionScript(grudge, node, (n) => cluster.ip(n)),
        ),
      );
      return result(primary ? { mode, primary, grudge } : { mode, grudge }, errors);
    },
    async teardown(ctx) {
      await onNodes(ctx.cluster.nodes, (node) => run(ctx.cluster, node, REMOVE));
    },
  };
}

function result(value: { [key: string]: Value }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

/** The partition fault for schedules: each start draws one of `modes` and its grudge from the seeded rng. */
export function partitionFault(
  nodes: readonly string[],
  modes: readonly PartitionMode[] = PARTITION_MODES,
): FaultKind {
  return {
    name: 'partition',
    start(rng): FaultOp {
      const mode = effectiveMode(rng.pick(modes), nodes.length);
      // Who is primary is only known when the fault starts: the nemesis records the grudge it used.
      if (mode === 'primary') return { f: 'start-partition', value: { mode } };
      return { f: 'start-partition', value: { mode, grudge: grudgeFor(mode, nodes, rng) } };
    },
    stop: { f: 'stop-partition', value: null },
  };
}
