import { FaultlineError } from '../src/core/errors.js';
import type { FaultKind, FaultOp, FaultResult, Nemesis } from '../src/core/nemesis.js';
import type { Value } from '../src/core/op.js';
import type { Cluster } from '../src/core/remote.js';
import type { SystemContext } from '../src/core/system.js';
import { onNodes } from './on-nodes.js';

/** faultline's own chain in the raw table: partitions (filter INPUT/OUTPUT) never flush it. */
export const LOSS_CHAIN = 'FAULTLINE-LOSS';

/** Two nodes whose traffic, both ways, loses packets. */
export type Link = readonly [string, string];

export interface PacketLossValue {
  [key: string]: Value;
  /** Chance that one packet crossing a lossy link, in one direction, is dropped. */
  probability: number;
  links: [string, string][];
}

/** Every pair of distinct nodes. */
export function allLinks(nodes: readonly string[]): [string, string][] {
  return nodes.flatMap((a, i) => nodes.slice(i + 1).map((b): [string, string] => [a, b]));
}

/** The peers whose packets `node` drops: each link is lossy at its receiving end only, so once per direction. */
export function lossyPeers(links: readonly Link[], node: string): string[] {
  const peers = links.flatMap(([a, b]) => (a === node ? [b] : b === node ? [a] : []));
  return [...new Set(peers)].sort();
}

/** Removes the chain and its jump; then fails if the chain is still there. */
export const HEAL_LOSS = [
  `while iptables -w -t raw -D PREROUTING -j ${LOSS_CHAIN} 2>/dev/null; do :; done`,
  `{ iptables -w -t raw -F ${LOSS_CHAIN} 2>/dev/null; iptables -w -t raw -X ${LOSS_CHAIN} 2>/dev/null; true; }`,
  `! iptables -w -t raw -S ${LOSS_CHAIN} >/dev/null 2>&1`,
].join('; ');

/** iptables commands that make `node` drop each packet from its lossy peers with `probability`. */
export function packetLossScript(
  node: string,
  links: readonly Link[],
  probability: number,
  ip: (node: string) => string,
): string {
  const lines = [
    `{ iptables -w -t raw -N ${LOSS_CHAIN} 2>/dev/null || iptables -w -t raw -F ${LOSS_CHAIN}; }`,
    `{ iptables -w -t raw -C PREROUTING -j ${LOSS_CHAIN} 2>/dev/null || iptables -w -t raw -I PREROUTING 1 -j ${LOSS_CHAIN}; }`,
  ];
  for (const peer of lossyPeers(links, node)) {
    lines.push(
      `iptables -w -t raw -A ${LOSS_CHAIN} -s ${ip(peer)} -m statistic --mode random --probability ${probability} -j DROP`,
    );
  }
  return lines.join(' && ');
}

/** Checks a loss probability: a number in (0, 1]. */
export function checkProbability(p: unknown, what = '--packet-loss'): number {
  if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 1) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `${what} must be a probability above 0 and at most 1, got ${String(p)}.`,
      {
        hint: `For example ${what} 0.1 drops one packet in ten on each lossy link, each way.`,
      },
    );
  }
  return p;
}

/** Checks a link: two distinct nodes of the cluster. */
export function checkLink(link: readonly string[], nodes: readonly string[], what = '--packet-link'): Link {
  const [a, b] = link;
  if (
    link.length !== 2 ||
    a === undefined ||
    b === undefined ||
    a === b ||
    !nodes.includes(a) ||
    !nodes.includes(b)
  ) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `${what} must name two different nodes, got "${link.join(',')}".`,
      {
        hint: `Use two of ${nodes.join(', ')}, e.g. ${what} ${nodes.slice(0, 2).join(',')}.`,
      },
    );
  }
  return [a, b];
}

async function run(cluster: Cluster, node: string, script: string): Promise<void> {
  const r = await cluster.remote.exec(node, ['sh', '-c', script], { timeoutMs: 20_000 });
  if (r.exitCode !== 0) {
    throw new FaultlineError(
      'NODE_EXEC_FAILED',
      `iptables (raw table, statistic match) failed on ${node} (exit ${r.exitCode}): ${r.stderr.trim()}`,
      { hint: 'The node needs NET_ADMIN, the iptables package and the kernel xt_statistic match.' },
    );
  }
}

function result(value: { [key: string]: Value }, errors: Record<string, Value>): FaultResult {
  return Object.keys(errors).length === 0 ? { type: 'info', value } : { type: 'info', value, error: errors };
}

/**
 * Random packet loss by iptables `statistic` DROP rules in a faultline-owned chain of the raw table.
 * `start-packet-loss` takes `{ probability, links }` (links default: every pair of nodes) or just a
 * probability; `stop-packet-loss` heals by removing the chain. Setup checks the rules work.
 */
export function packetLossNemesis(): Nemesis {
  return {
    name: 'packet-loss',
    fs: ['start-packet-loss', 'stop-packet-loss'],
    async setup(ctx) {
      const { cluster } = ctx;
      // A rule for a TEST-NET-1 address (RFC 5737, never a peer) proves the raw table and the
      // statistic match work before the run; then it is removed again.
      const errors = await onNodes(cluster.nodes, async (node) => {
        await run(
          cluster,
          node,
          packetLossScript(node, [[node, 'probe']], 0.5, () => '192.0.2.1'),
        );
        await run(cluster, node, HEAL_LOSS);
      });
      if (Object.keys(errors).length > 0) {
        throw new FaultlineError('NODE_EXEC_FAILED', `Cannot inject packet loss: ${JSON.stringify(errors)}`, {
          hint: 'The node needs NET_ADMIN, the iptables package and the kernel xt_statistic match.',
        });
      }
    },
    async invoke(ctx: SystemContext, op: FaultOp): Promise<FaultResult> {
      const { cluster } = ctx;
      if (op.f === 'stop-packet-loss') {
        const errors = await onNodes(cluster.nodes, (node) => run(cluster, node, HEAL_LOSS));
        return result({ healed: [...cluster.nodes] }, errors);
      }
      const spec = (typeof op.value === 'number' ? { probability: op.value } : (op.value ?? {})) as Partial<{
        probability: number;
        links: string[][];
      }>;
      let probability: number;
      let links: [string, string][];
      try {
        probability = checkProbability(spec.probability ?? 0.1, 'probability');
        links = (spec.links ?? allLinks(cluster.nodes)).map((l): [string, string] => {
          const [a, b] = checkLink(l, cluster.nodes, 'link');
          return [a, b];
        });
      } catch (error) {
        // A bad hand-written fault op is recorded as not applied, never thrown into the run.
        return { type: 'info', value: op.value, error: (error as Error).message };
      }
      const errors = await onNodes(cluster.nodes, (node) =>
        run(
          cluster,
          node,
          packetLossScript(node, links, probability, (n) => cluster.ip(n)),
        ),
      );
      return result({ probability, links } satisfies PacketLossValue, errors);
    },
    async teardown(ctx) {
      await onNodes(ctx.cluster.nodes, (node) => run(ctx.cluster, node, HEAL_LOSS));
    },
  };
}

export interface PacketLossOptions {
  /** Chance of dropping a packet on a lossy link, per direction (default 0.1). */
  probability?: number;
  /** Only this link is lossy; without it each fault draws all links or those of one random node. */
  link?: readonly string[];
}

/** The packet-loss fault for schedules: validates its options now, before any container exists. */
export function packetLossFault(nodes: readonly string[], options: PacketLossOptions = {}): FaultKind {
  if (nodes.length < 2) {
    throw new FaultlineError('BAD_ARGUMENT', `Packet loss needs at least 2 nodes, got ${nodes.length}.`, {
      hint: 'Use --nodes 2 or more with --nemesis packet.',
    });
  }
  const probability = checkProbability(options.probability ?? 0.1);
  const fixed = options.link ? checkLink(options.link, nodes) : undefined;
  return {
    name: 'packet',
    start(rng): FaultOp {
      let links: [string, string][];
      if (fixed) links = [[fixed[0], fixed[1]]];
      else if (nodes.length < 3 || rng.next() < 0.5) links = allLinks(nodes);
      else {
        const node = rng.pick(nodes);
        links = nodes.filter((n) => n !== node).map((n): [string, string] => [node, n]);
      }
      return { f: 'start-packet-loss', value: { probability, links } };
    },
    stop: { f: 'stop-packet-loss', value: null },
  };
}
