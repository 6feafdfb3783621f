import type { Anomaly } from '../../src/core/checker.js';
import type { Value } from '../../src/core/op.js';
import type { EdgeList } from './edge-list.js';
import { edgeName, type EdgeName } from './edge-kinds.js';
import type { TxnHistory } from './txn-history.js';
import { txnName } from './txn-names.js';

/** One edge of a reported cycle, by history index of the invocations, so a report can draw it. */
export interface CycleStep {
  txn: number;
  edge: EdgeName;
  to: number;
  reason: string;
  /** The key a data edge was inferred from (absent for process and real-time edges). */
  key?: Value;
}

/** A cycle anomaly: the explanation of each edge joined into one message, plus the structured cycle. */
export function cycleAnomaly(
  h: TxnHistory,
  list: EdgeList,
  edgeIds: readonly number[],
  id: string,
  explain: (e: number) => string,
  lead = '',
): Anomaly {
  const cycle: CycleStep[] = edgeIds.map((e) => ({
    txn: h.inv[list.from[e]!]!,
    edge: edgeName(list.kind[e]!),
    to: h.inv[list.to[e]!]!,
    reason: explain(e),
    ...(list.key[e]! >= 0 ? { key: h.keyNames[list.key[e]!] as Value } : {}),
  }));
  const first = txnName(h, list.from[edgeIds[0]!]!);
  const message =
    `${id}: ${lead}${cycle.map((c) => c.reason).join('; ')}. ` +
    `So ${first} < ${first}: a cycle of ${cycle.length} transactions (${cycle.map((c) => c.edge).join(', ')}).`;
  return { id, message, ops: cycle.map((c) => c.txn), cycle };
}
