import type { Anomaly } from '../../src/core/checker.js';
import type { CausalGraph } from './causal-graph.js';
import { causalOrder, lastInList, type ExtraEdge } from './causal-order.js';
import { cycleOps, describeCycle, describeNode } from './describe-node.js';

/**
 * The extra bad patterns of causal memory (CM): for each process p, HB_p is the smallest
 * transitive relation containing CO such that when a read of p on key x returns w, every other
 * write to x that HB_p-precedes the read HB_p-precedes w (p's reads must be explained by one
 * serialisation). CM fails iff some HB_p is cyclic (CyclicHB) or a read of p of the initial value
 * has a write to its key HB_p-before it (WriteHBInitRead). HB_p is computed to a fixpoint: each
 * round recomputes vector clocks and adds, per read of p and session, the last write in the read's
 * past. Rounds stop when nothing is added (at most one edge per read and session). `coClock` are
 * the vector clocks of CO (acyclic).
 */
export function findCausalMemoryPatterns(g: CausalGraph, coClock: Int32Array): Anomaly | undefined {
  const S = g.sessions;
  for (let p = 0; p < S; p++) {
    const reads = g.sessionNodes[p]!.filter((v) => !g.isWrite[v] && !g.thin[v]);
    if (reads.length === 0) continue;
    const extra: ExtraEdge[] = [];
    const have = new Set<string>();
    for (;;) {
      // The first round of every process starts from CO itself, whose clocks are already known.
      const order = extra.length === 0 ? { acyclic: true as const, clock: coClock } : causalOrder(g, extra);
      if (!order.acyclic) {
        return {
          id: 'CyclicHB',
          message:
            `process ${String(g.processes[p])}'s reads cannot be explained by one order of the writes it depends on: ` +
            describeCycle(g, order.cycle),
          ops: cycleOps(g, order.cycle),
          process: g.processes[p],
          cycle: order.cycle.map((c) => ({ from: g.opIndex[c.from]!, to: g.opIndex[c.to]!, kind: c.kind })),
        };
      }
      const { clock } = order;
      let added = 0;
      for (const r of reads) {
        const w = g.src[r]!;
        const key = g.key[r]!;
        const byKey = g.writesBy.get(key);
        if (byKey === undefined) continue;
        for (const [s, list] of byKey) {
          const last = lastInList(g, list, clock[r * S + s]!);
          if (last < 0 || last === w) continue;
          if (w < 0) {
            const first = list[0]!;
            return {
              id: 'WriteHBInitRead',
              message:
                `${describeNode(g, r)} returned the initial value, but ${describeNode(g, first)} must happen before it ` +
                `given the other values process ${String(g.processes[p])} read`,
              ops: [g.opIndex[first]!, g.opIndex[r]!],
              process: g.processes[p],
            };
          }
          if (clock[w * S + s]! >= g.pos[last]!) continue;
          const id = `${last}>${w}`;
          if (have.has(id)) continue;
          have.add(id);
          extra.push({ from: last, to: w, kind: 'hb', read: r });
          added++;
        }
      }
      if (added === 0) break;
    }
  }
  return undefined;
}
