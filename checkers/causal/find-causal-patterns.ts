import type { Anomaly } from '../../src/core/checker.js';
import type { CausalGraph } from './causal-graph.js';
import { causalOrder, lastInList, precedes } from './causal-order.js';
import { cycleOps, describeCycle, describeNode } from './describe-node.js';

/** The bad patterns of causal consistency (CC) found, and the causal order when it is acyclic. */
export interface CausalPatterns {
  anomalies: Anomaly[];
  /** Vector clocks of the causal order (po ∪ wr)+; undefined when it is cyclic. */
  clock?: Int32Array;
  /** How many reads matched each pattern (anomalies hold at most `limit` of them). */
  counts: Record<string, number>;
}

/**
 * Finds the CC bad patterns of Bouajjani et al. (POPL 2017) in a differentiated history:
 * ThinAirRead, CyclicCO, WriteCOInitRead (a read of the initial value although a write to its key
 * causally precedes it) and WriteCORead (a read returns w although another write to the key sits
 * causally between w and the read). CO is (po ∪ wr)+, kept as vector clocks: the only candidates
 * for the middle write of WriteCORead are, per session, the last write to the key in the read's
 * causal past, because a later write of a session is causally after its earlier ones.
 */
export function findCausalPatterns(g: CausalGraph, limit = 20): CausalPatterns {
  const anomalies: Anomaly[] = [];
  const counts: Record<string, number> = {};
  const report = (a: Anomaly): void => {
    counts[a.id] = (counts[a.id] ?? 0) + 1;
    if (counts[a.id]! <= limit) anomalies.push(a);
  };
  for (const a of findThinAirReads(g)) report(a);
  const order = causalOrder(g);
  if (!order.acyclic) {
    report({
      id: 'CyclicCO',
      message: `the causal order (program order plus read-from) has a cycle: ${describeCycle(g, order.cycle)}`,
      ops: cycleOps(g, order.cycle),
      cycle: order.cycle.map((c) => ({ from: g.opIndex[c.from]!, to: g.opIndex[c.to]!, kind: c.kind })),
    });
    return { anomalies, counts };
  }
  const { clock } = order;
  const S = g.sessions;
  for (let r = 0; r < g.n; r++) {
    if (g.isWrite[r] || g.thin[r]) continue;
    const key = g.key[r]!;
    const w = g.src[r]!;
    const byKey = g.writesBy.get(key);
    if (byKey === undefined) continue;
    for (const [s, list] of byKey) {
      const limitPos = clock[r * S + s]!;
      if (w < 0) {
        const first = list[0]!;
        if (g.pos[first]! <= limitPos) {
          report({
            id: 'WriteCOInitRead',
            message: `${describeNode(g, r)} returned the initial value, but ${describeNode(g, first)} causally precedes it`,
            ops: [g.opIndex[first]!, g.opIndex[r]!],
          });
          break;
        }
        continue;
      }
      const last = lastInList(g, list, limitPos);
      if (last >= 0 && last !== w && precedes(g, clock, w, last)) {
        report({
          id: 'WriteCORead',
          message:
            `${describeNode(g, r)} returned the value of ${describeNode(g, w)}, but ${describeNode(g, last)} ` +
            `comes causally after that write and causally before the read, so the read returned an overwritten value`,
          ops: [g.opIndex[w]!, g.opIndex[last]!, g.opIndex[r]!],
        });
        break;
      }
    }
  }
  return { anomalies, counts, clock };
}

/** One ThinAirRead anomaly per read of a value that no write that happened wrote. */
export function findThinAirReads(g: CausalGraph): Anomaly[] {
  return g.thinAir.map((t) => ({
    id: 'ThinAirRead',
    message:
      t.others !== undefined
        ? `${describeNode(g, t.node)} returned a value nobody wrote, and reads of its key returned ${t.others} such values; at most one can be the initial value`
        : t.failedWrite === undefined
          ? `${describeNode(g, t.node)} returned a value that no write wrote and that is not the initial value`
          : `${describeNode(g, t.node)} returned a value whose only write (op #${t.failedWrite}) failed, so it never happened`,
    ops: t.failedWrite === undefined ? [g.opIndex[t.node]!] : [t.failedWrite, g.opIndex[t.node]!],
  }));
}
