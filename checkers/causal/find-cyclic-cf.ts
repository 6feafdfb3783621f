import type { Anomaly } from '../../src/core/checker.js';
import type { CausalGraph } from './causal-graph.js';
import { causalOrder, lastInList, type ExtraEdge } from './causal-order.js';
import { cycleOps, describeCycle } from './describe-node.js';

/**
 * CyclicCF, the extra bad pattern of causal convergence (CCv): all replicas must agree on one
 * arbitration order of writes that extends CO. A read r of key x that returns w forces every other
 * write to x in r's causal past before w (the conflict relation CF). CCv fails iff CO ∪ CF is
 * cyclic. Per read, only the last write of each session in r's causal past needs an edge (earlier
 * ones precede it in program order), so there are at most sessions edges per read.
 * `clock` are the vector clocks of CO, which must be acyclic.
 */
export function findCyclicCf(g: CausalGraph, clock: Int32Array): Anomaly | undefined {
  const S = g.sessions;
  const extra: ExtraEdge[] = [];
  for (let r = 0; r < g.n; r++) {
    if (g.isWrite[r] || g.thin[r]) continue;
    const w = g.src[r]!;
    if (w < 0) continue;
    const byKey = g.writesBy.get(g.key[r]!);
    if (byKey === undefined) continue;
    for (const [s, list] of byKey) {
      const last = lastInList(g, list, clock[r * S + s]!);
      if (last < 0 || last === w) continue;
      if (clock[w * S + s]! >= g.pos[last]!) continue; // already last ->co w
      extra.push({ from: last, to: w, kind: 'cf', read: r });
    }
  }
  const order = causalOrder(g, extra);
  if (order.acyclic) return undefined;
  return {
    id: 'CyclicCF',
    message: `no single order of writes explains every read: ${describeCycle(g, order.cycle)}`,
    ops: cycleOps(g, order.cycle),
    cycle: order.cycle.map((c) => ({ from: g.opIndex[c.from]!, to: g.opIndex[c.to]!, kind: c.kind })),
  };
}
