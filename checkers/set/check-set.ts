import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import { HistoryError } from '../../src/core/errors.js';
import type { History, Value } from '../../src/core/op.js';
import { clientOps } from './client-ops.js';
import { showValue } from '../models/show-value.js';
import { valueKey } from '../models/value-key.js';

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'lost',
    name: 'lost element',
    description:
      'An acknowledged add completed before the final read began, but the read does not contain it: the database lost it.',
  },
  {
    id: 'unexpected',
    name: 'unexpected element',
    description: 'The final read contains an element that no add attempted, or whose only add failed.',
  },
]);

/** Elements by outcome, as found by the set checker. */
export interface SetReport {
  /** Acknowledged adds missing from the final read. */
  lost: Value[];
  /** Elements read that were never attempted, or whose adds all failed. */
  unexpected: Value[];
  /** Adds with unknown outcome (info or pending) that the final read contains. */
  recovered: Value[];
  /** Acknowledged adds that ran concurrently with the final read and are missing: allowed. */
  concurrentMissing: Value[];
}

/**
 * Checks a set workload: ops `add x` and a final `read` returning an array. Uses the last ok read.
 * Only adds that completed before that read was invoked must appear; adds concurrent with it may
 * or may not. A failed add means the element was certainly not added, so reading it is unexpected.
 */
export function checkSet(history: History): CheckResult {
  const ops = clientOps(history);
  const reads = ops.filter((o) => o.invoke.f === 'read' && o.outcome === 'ok');
  const final = reads.at(-1);
  const adds = ops.filter((o) => o.invoke.f === 'add');
  const stats = { attempted: adds.length, ok: 0, fail: 0, info: 0, reads: reads.length };
  for (const a of adds) stats[a.outcome]++;
  if (final === undefined) {
    return {
      checker: 'set',
      valid: 'unknown',
      anomalies: [],
      unknownReason: 'the history has no successful read, so no element can be checked',
      stats,
    };
  }
  const readValue = final.complete!.value;
  if (!Array.isArray(readValue)) {
    throw new HistoryError(`the final read (op #${final.invoke.index}) returned a non-array value`, {
      hint: 'A set read must return the array of elements.',
    });
  }
  const present = new Map<string, Value>();
  for (const v of readValue) present.set(valueKey(v), v);

  // Per element: one ok add that finished before the read, any ok add, any uncertain or failed add.
  const mustAppear = new Map<string, number>();
  const acked = new Map<string, Value>();
  const uncertain = new Set<string>();
  const failed = new Map<string, number>();
  for (const a of adds) {
    const key = valueKey(a.invoke.value);
    if (a.outcome === 'ok') {
      acked.set(key, a.invoke.value);
      if (a.completedAt < final.invokedAt) mustAppear.set(key, a.invoke.index);
    } else if (a.outcome === 'info') uncertain.add(key);
    else failed.set(key, a.invoke.index);
  }
  const report: SetReport = { lost: [], unexpected: [], recovered: [], concurrentMissing: [] };
  const found: Anomaly[] = [];
  for (const [key, v] of acked) {
    if (present.has(key)) continue;
    const index = mustAppear.get(key);
    if (index === undefined) {
      report.concurrentMissing.push(v);
      continue;
    }
    report.lost.push(v);
    found.push({
      id: 'lost',
      message: `add ${showValue(v)} was acknowledged before the final read began, but the read lacks it`,
      ops: [index, final.invoke.index],
      element: v,
    });
  }
  for (const [key, v] of present) {
    if (acked.has(key)) continue;
    if (uncertain.has(key)) {
      report.recovered.push(v);
      continue;
    }
    report.unexpected.push(v);
    const failedAt = failed.get(key);
    found.push({
      id: 'unexpected',
      message:
        failedAt === undefined
          ? `the final read contains ${showValue(v)}, which no add attempted`
          : `the final read contains ${showValue(v)}, but its add failed (certainly not applied)`,
      ops: failedAt === undefined ? [final.invoke.index] : [failedAt, final.invoke.index],
      element: v,
    });
  }
  return withAnomalyKinds(
    {
      checker: 'set',
      valid: found.length === 0,
      anomalies: found,
      stats: { ...stats, lost: report.lost.length, recovered: report.recovered.length, read: present.size },
      ...report,
    },
    anomalies,
  );
}

/** The set checker as a registry entry. */
export const setChecker: Checker<Record<string, never>> = {
  name: 'set',
  description: 'Adds of unique elements followed by a final read: finds lost and unexpected elements.',
  anomalies,
  check: (history) => checkSet(history),
};
