import { toCsr } from './csr-graph.js';
import type { CycleClass } from './cycle-classes.js';
import type { EdgeList } from './edge-list.js';
import { KIND_MASK, orderBits, PROCESS, REALTIME, WR, WW } from './edge-kinds.js';
import { findCycles } from './find-cycles.js';
import type { Inference } from './inference.js';
import { rankOrder } from './rank-order.js';

/** Cycle ids whose edges depend on the full version order (they need rw edges). */
export const ORDER_SENSITIVE = /^(G-single|G-nonadjacent|G2-item)/;

/**
 * When the history leaves some version orders open, a model that forbids rw cycles holds only if
 * some full version order shows none of its forbidden cycles. Tries the inference's few
 * completions, ranked by a topological order of the edges the model commits in order (ww, wr and
 * the session or real-time order it assumes). True: one completion shows no forbidden cycle, so
 * the history is valid for the model; false: undecided (each tried order shows one).
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
  const from: number[] = [];
  const to: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    const kind = edges.kind[e]!;
    if (!(kind & KIND_MASK & (WW | WR | (allowed & (PROCESS | REALTIME))))) continue;
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
  for (let attempt = 0; ; attempt++) {
    const trial = edges.clone();
    if (!inference.complete(trial, rank, attempt)) return false;
    const search = findCycles(toCsr(n, trial), forbidden, budget, 1);
    if (search.witnesses.length === 0 && search.incomplete.length === 0) return true;
  }
}
