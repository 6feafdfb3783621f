import { FaultlineError } from '../src/core/errors.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { Cluster } from '../src/core/remote.js';
import type { SystemContext } from '../src/core/system.js';
import type { Grudge } from './grudge.js';
import { iptablesChain } from './iptables-chain.js';
import { linkGrudge, lossGrudge } from './loss-grudge.js';
import { mathRng } from './math-rng.js';
import { onNodes } from './on-nodes.js';
import {
  checkLink,
  checkProbability,
  checkTargets,
  probabilityText,
  type PacketLossOptions,
} from './packet-loss-options.js';
import { nodesOf, pickNodes, TARGETS, type Target } from './targets.js';

export const PACKET_START = 'start-packet-loss';
export const PACKET_STOP = 'stop-packet-loss';

/** faultline's own chain for packet-loss rules: heal and teardown touch nothing else of the firewall. */
export const PACKET_CHAIN = iptablesChain('packet');

/** The probability a fault op uses when it names none. */
export const DEFAULT_LOSS = 0.1;

/** Node targets a schedule draws from by default: one node's links, a minority's, or every link. */
export const PACKET_TARGETS: readonly Target[] = ['one', 'minority', 'all'];

const HINT =
  'The node needs NET_ADMIN (given by createCluster), the iptables package and the kernel statistic match (xt_statistic).';

/**
 * iptables commands that make `node` drop each packet it receives from a peer of its grudge with
 * `probability`. Only arriving packets are matched (`-s peer`; the chain is also jumped to from
 * OUTPUT, where no such rule matches), so each direction of a link loses packets once, at its
 * receiving end.
 */
export function packetLossScript(
  grudge: Grudge,
  node: string,
  probability: number,
  ip: (node: string) => string,
): string {
  const p = probabilityText(checkProbability(probability, 'probability'));
  const rules = (grudge[node] ?? []).map(
    (peer) => `-s ${ip(peer)} -m statistic --mode random --probability ${p} -j DROP`,
  );
  return PACKET_CHAIN.replace(rules);
}

/** A TEST-NET-1 address (RFC 5737): never a peer, so a probe rule for it drops nothing. */
const PROBE_IP = '192.0.2.1';

async function run(cluster: Cluster, node: string, script: string): Promise<void> {
  const r = await cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 20_000 });
  if (r.exitCode !== 0) {
    throw new FaultlineError(
      'NODE_EXEC_FAILED',
      `iptables (statistic match) failed on ${node} (exit ${r.exitCode}): ${r.stderr.trim()}`,
      { hint: HINT },
    );
  }
}

/** A start value checked against the cluster: the probability and a grudge of known nodes. */
interface LossSpec {
  probability: number;
  grudge: Grudge;
  target?: string;
  link?: [string, string];
}

/** Reads a start op's value: a probability, a target, or `{ probability?, grudge? | link? | target? }`. */
export function lossSpec(value: Value, nodes: readonly string[]): LossSpec {
  if (typeof value === 'number')
    return { probability: checkProbability(value, 'probability'), grudge: lossGrudge(nodes, nodes) };
  const spec = (typeof value === 'string' ? { target: value } : (value ?? {})) as Record<string, Value>;
  if (typeof spec !== 'object' || Array.isArray(spec)) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `A ${PACKET_START} value must be an object, got ${JSON.stringify(value)}.`,
    );
  }
  const probability = checkProbability(spec['probability'] ?? DEFAULT_LOSS, 'probability');
  if (spec['grudge'] !== undefined) return { probability, grudge: checkGrudge(spec['grudge'], nodes) };
  if (Array.isArray(spec['link'])) {
    const link = checkLink(spec['link'], nodes, 'link');
    return { probability, link, grudge: linkGrudge(...link) };
  }
  const target = spec['target'] ?? 'all';
  if (typeof target !== 'string')
    throw new FaultlineError('BAD_ARGUMENT', `target must be one of ${TARGETS.join(', ')}.`);
  checkTargets([target]);
  return { probability, target, grudge: lossGrudge(nodesOf(target, nodes, mathRng), nodes) };
}

/** A hand-written grudge: every key and peer a node of the cluster. */
function checkGrudge(value: Value, nodes: readonly string[]): Grudge {
  const ok =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.entries(value).every(
      ([node, peers]) =>
        nodes.includes(node) &&
        Array.isArray(peers) &&
        peers.every((p) => typeof p === 'string' && nodes.includes(p) && p !== node),
    );
  if (!ok) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `grudge must map nodes to lists of other nodes, got ${JSON.stringify(value)}.`,
      {
        hint: `Nodes: ${nodes.join(', ')}.`,
      },
    );
  }
  return value as Grudge;
}

/**
 * Random packet loss by iptables `statistic --mode random` DROP rules in the `faultline-packet`
 * chain. `start-packet-loss` takes `{ probability, grudge }` (see lossSpec for the short forms) and
 * replaces the rules on every node; `stop-packet-loss` flushes them, teardown removes the chain.
 */
export function packetLossNemesis(): Nemesis {
  return {
    name: 'packet-loss',
    fs: [PACKET_START, PACKET_STOP],
    async setup(ctx) {
      const { cluster } = ctx;
      // A rule for an address no peer has proves that iptables and its statistic match work here.
      const probe = packetLossScript({ probe: ['test-net'] }, 'probe', 0.5, () => PROBE_IP);
      const errors = await onNodes(cluster.nodes, async (node) => {
        await run(cluster, node, probe);
        await run(cluster, node, PACKET_CHAIN.flush);
      });
      if (Object.keys(errors).length > 0) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `Cannot inject packet loss on ${Object.keys(errors).join(', ')}: ${JSON.stringify(errors)}`,
          { hint: HINT },
        );
      }
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      const { cluster } = ctx;
      if (op.f === PACKET_STOP) {
        const errors = await onNodes(cluster.nodes, (node) => run(cluster, node, PACKET_CHAIN.flush));
        return result({ healed: [...cluster.nodes] }, errors);
      }
      let spec: LossSpec;
      try {
        spec = lossSpec(op.value, cluster.nodes);
      } catch (error) {
        // A bad hand-written fault op is recorded as not applied, never thrown into the run.
        return { type: 'info', value: op.value, error: (error as Error).message };
      }
      const errors = await onNodes(cluster.nodes, (node) =>
        run(
          cluster,
          node,
          packetLossScript(spec.grudge, node, spec.probability, (n) => cluster.ip(n)),
        ),
      );
      return result({ ...spec }, errors);
    },
    async teardown(ctx) {
      const errors = await onNodes(ctx.cluster.nodes, (node) => run(ctx.cluster, node, PACKET_CHAIN.remove));
      if (Object.keys(errors).length > 0) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `Removing packet loss failed: ${JSON.stringify(errors)}`,
          {
            hint: HINT,
          },
        );
      }
    },
  };
}

function result(value: { [key: string]: Value }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

/**
 * The packet-loss fault for schedules, its options checked now, before any container exists. Each
 * start makes the fixed `link` lossy, or draws nodes for one of `targets` and makes their links lossy.
 */
export function packetLossFault(
  nodes: readonly string[],
  options: PacketLossOptions = {},
  targets: readonly Target[] = PACKET_TARGETS,
): FaultKind {
  if (nodes.length < 2) {
    throw new FaultlineError('BAD_ARGUMENT', `Packet loss needs at least 2 nodes, got ${nodes.length}.`, {
      hint: 'Use --nodes 2 or more with --nemesis packet.',
    });
  }
  const probability = checkProbability(options.probability ?? DEFAULT_LOSS);
  const link = options.link ? checkLink(options.link, nodes) : undefined;
  const draw = checkTargets(targets);
  return {
    name: 'packet',
    start(rng): FaultOp {
      if (link) return { f: PACKET_START, value: { probability, link, grudge: linkGrudge(...link) } };
      const target = rng.pick(draw);
      return {
        f: PACKET_START,
        value: { probability, target, grudge: lossGrudge(pickNodes(target, nodes, rng), nodes) },
      };
    },
    stop: { f: PACKET_STOP, value: null },
  };
}
