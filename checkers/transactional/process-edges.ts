import type { EdgeList } from './edge-list.js';
import { PROCESS } from './edge-kinds.js';
import { FAIL, type TxnHistory } from './txn-history.js';

/** Adds an edge from each non-aborted txn to the next non-aborted txn of the same process. */
export function addProcessEdges(h: TxnHistory, out: EdgeList): void {
  const last = new Int32Array(h.processNames.length).fill(-1);
  for (let t = 0; t < h.n; t++) {
    if (h.status[t] === FAIL) continue;
    const p = h.proc[t]!;
    if (last[p]! >= 0) out.add(last[p]!, t, PROCESS);
    last[p] = t;
  }
}
