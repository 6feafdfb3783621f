import { withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { CheckResult } from '../../src/core/checker.js';
import type { History } from '../../src/core/op.js';
import { AnomalySink } from './anomaly-sink.js';
import { EdgeList } from './edge-list.js';
import { inferListAppend } from './list-append-inference.js';
import { inferRwRegister } from './rw-register-inference.js';
import { TRANSACTIONAL_ANOMALIES } from './transactional-anomalies.js';
import { readTxnHistory, type TxnWorkload } from './txn-history.js';
import { weakIsolation, type WeakLevel } from './weak-isolation.js';

/**
 * Only the near-linear vector-clock pass (AWDIT-style): read committed (Biswas & Enea's axiom,
 * stronger than Adya's PL-2), read atomic, or transactional causal consistency. Needs unique
 * writes: when a value is written twice the verdict is 'unknown' unless a violation is found.
 * Anomalies of the per-key inference (aborted reads, ...) are not part of this verdict.
 */
export function checkWeakIsolation(
  history: History,
  options: { workload: TxnWorkload; level: WeakLevel },
): CheckResult {
  const started = performance.now();
  const h = readTxnHistory(history, options.workload);
  const edges = new EdgeList();
  const sink = new AnomalySink();
  const inf =
    options.workload === 'list-append'
      ? inferListAppend(h, sink, edges)
      : inferRwRegister(h, sink, edges, { realtime: false, process: false, graph: false });
  const r = weakIsolation(
    h,
    inf.readFrom,
    options.level,
    options.workload === 'list-append'
      ? { list: edges, explain: inf.explain, versionPos: inf.versionPos }
      : undefined,
  );
  const valid = r.valid === true && inf.ambiguous ? 'unknown' : r.valid;
  const unknownReason = valid === 'unknown' ? (r.unknownReason ?? inf.ambiguous) : undefined;
  return withAnomalyKinds(
    {
      checker: `weak-isolation/${options.level}`,
      valid,
      anomalies: r.anomalies,
      ...(unknownReason === undefined ? {} : { unknownReason }),
      stats: {
        txns: h.n,
        microOps: h.mopKind.length,
        ...r.stats,
        ms: Math.round(performance.now() - started),
      },
    },
    TRANSACTIONAL_ANOMALIES,
  );
}
