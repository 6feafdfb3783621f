import { toCsr } from './csr-graph.js';
import type { CycleClass } from './cycle-classes.js';
import type { EdgeList } from './edge-list.js';
import { KIND_MASK, orderBits, PROCESS, REALTIME, RW, WR, WW } from './edge-kinds.js';
import { findCycles } from './find-cycles.js';
import type { Inference } from './inference.js';
import { rankOrder } from './rank-order.js';

/** Cycle ids whose edges depend on the full version order (they need rw edges). */
export const ORDER_SENSITIVE = /^(G-single|G-nonadjacent|G2-item)/;

/**
 * When the history leaves some version orders open, a model that forbids rw cycles holds only if
 * some full version order shows none of its forbidden cycles. Tries the inference's few
 * completions under two rankings: first a topological order of the edges the model commits in
 * order (ww, wr and the session or real-time order it assumes), then one that also follows the rw
 * edges. The second is what a model forbidding every cycle needs: when the known graph is acyclic,
 * ww edges along a topological order of all of it close no cycle, however many unobserved appends
 * an open key has. True: one completion shows no forbidden cycle, so the history is valid for the
 * model; false: undecided (each tried order shows one).
 */
export function someCompletionAcyclic(
  n: number,
  edges: EdgeList,
  inference: Inference,
  forbidden: readonly CycleClass[],
  budget: number,
): boolean {
  let allowed = 0;
  for (const c of forbidden) allowed |= c.allowed;
  const committed = WW | WR | (allowed & (PROCESS | REALTIME));
  const ranks = [committed, ...(allowed & RW ? [committed | RW] : [])];
  for (const kinds of ranks) {
    const rank = rankBy(n, edges, kinds, allowed);
    for (let attempt = 0; ; attempt++) {
      const trial = edges.clone();
      if (!inference.complete(trial, rank, attempt)) break;
      const search = findCycles(toCsr(n, trial), forbidden, budget, 1);
      if (search.witnesses.length === 0 && search.incomplete.length === 0) return true;
    }
  }
  return false;
}

/**
 * Each txn's place in a topological order of the edges of `kinds` whose version order comes from
 * an order the model assumes (`allowed`); txns on cycles follow in index order.
 */
function rankBy(n: number, edges: EdgeList, kinds: number, allowed: number): Int32Array {
  const from: number[] = [];
  const to: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    const kind = edges.kind[e]!;
    if (!(kind & KIND_MASK & kinds)) continue;
    if (orderBits(kind) & ~allowed) continue;
    from.push(edges.from[e]!);
    to.push(edges.to[e]!);
  }
  const order = rankOrder(
    Array.from({ length: n }, (_, t) => t),
    from,
    to,
    (t) => t,
  );
  const rank = new Int32Array(n);
  order.forEach((t, i) => (rank[t] = i));
  return rank;
}
