import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import { HistoryError } from '../../src/core/errors.js';
import type { History, Value } from '../../src/core/op.js';
import { clientOps } from '../set/client-ops.js';
import { showValue } from '../models/show-value.js';
import { valueKey } from '../models/value-key.js';

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'lost',
    name: 'lost element',
    description:
      'An acknowledged enqueue was never dequeued, although the queue was drained at the end: the database lost it.',
  },
  {
    id: 'unexpected',
    name: 'unexpected element',
    description: 'A dequeue returned an element that no enqueue attempted, or whose enqueues all failed.',
  },
  {
    id: 'duplicated',
    name: 'duplicated element',
    description: 'An element was dequeued more times than it was enqueued.',
  },
]);

/** Counts of one element across the history. */
interface Tally {
  value: Value;
  ok: number;
  uncertain: number;
  failed: number;
  dequeued: number;
  enqueueOps: number[];
  dequeueOps: number[];
}

/** How the checker reads an element dequeued more often than it was enqueued. */
export interface TotalQueueOptions {
  /**
   * `exactly-once` (default): such an element is a `duplicated` anomaly. `at-least-once`: the
   * queue promises only at-least-once delivery (a redelivery after a lost ack is allowed), so it is
   * counted in `duplicated` and the stats but does not make the history invalid.
   */
  delivery?: 'exactly-once' | 'at-least-once';
}

/**
 * Checks a total queue: `enqueue x`, `dequeue` returning an element (null or fail when empty) and
 * `drain` returning the array of all elements left. Every dequeued element must have been enqueued
 * (not by a failed op) at least as often as it was dequeued; an acknowledged enqueue must be
 * dequeued or drained. Lost elements can only be judged when an ok drain ends the history; without
 * one the verdict is unknown unless another anomaly already makes it invalid.
 */
export function checkTotalQueue(history: History, options: TotalQueueOptions = {}): CheckResult {
  const duplicatesAllowed = options.delivery === 'at-least-once';
  const ops = clientOps(history);
  const tallies = new Map<string, Tally>();
  const tally = (value: Value): Tally => {
    const key = valueKey(value);
    let t = tallies.get(key);
    if (t === undefined) {
      t = { value, ok: 0, uncertain: 0, failed: 0, dequeued: 0, enqueueOps: [], dequeueOps: [] };
      tallies.set(key, t);
    }
    return t;
  };
  let drains = 0;
  let lastDrainAt = -1;
  let lastEnqueueInvokedAt = -1;
  const stats = { enqueues: 0, dequeues: 0, drained: 0 };
  for (const o of ops) {
    if (o.invoke.f === 'enqueue') {
      stats.enqueues++;
      const t = tally(o.invoke.value);
      t.enqueueOps.push(o.invoke.index);
      if (o.outcome === 'ok') t.ok++;
      else if (o.outcome === 'info') t.uncertain++;
      else t.failed++;
      if (o.outcome !== 'fail') lastEnqueueInvokedAt = Math.max(lastEnqueueInvokedAt, o.invokedAt);
    } else if (o.invoke.f === 'dequeue' && o.outcome === 'ok') {
      const v = o.complete!.value;
      if (v === null) continue;
      stats.dequeues++;
      const t = tally(v);
      t.dequeued++;
      t.dequeueOps.push(o.invoke.index);
    } else if (o.invoke.f === 'drain' && o.outcome === 'ok') {
      const v = o.complete!.value;
      if (!Array.isArray(v)) {
        throw new HistoryError(`drain (op #${o.invoke.index}) returned a non-array value`, {
          hint: 'A drain returns the array of elements it removed.',
        });
      }
      drains++;
      lastDrainAt = Math.max(lastDrainAt, o.invokedAt);
      for (const x of v) {
        stats.drained++;
        const t = tally(x);
        t.dequeued++;
        t.dequeueOps.push(o.invoke.index);
      }
    }
  }
  const found: Anomaly[] = [];
  const report = {
    lost: [] as Value[],
    unexpected: [] as Value[],
    duplicated: [] as Value[],
    recovered: [] as Value[],
  };
  // Lost is judged only when a drain started after every enqueue that may have happened.
  const drained = drains > 0 && lastDrainAt > lastEnqueueInvokedAt;
  for (const t of tallies.values()) {
    const possible = t.ok + t.uncertain;
    const shown = showValue(t.value);
    if (t.dequeued > 0 && possible === 0) {
      report.unexpected.push(t.value);
      found.push({
        id: 'unexpected',
        message:
          t.failed > 0
            ? `${shown} was dequeued, but its enqueue failed (certainly not applied)`
            : `${shown} was dequeued, but no enqueue attempted it`,
        ops: [...t.enqueueOps, ...t.dequeueOps],
        element: t.value,
      });
    } else if (t.dequeued > possible) {
      report.duplicated.push(t.value);
      if (!duplicatesAllowed)
        found.push({
          id: 'duplicated',
          message: `${shown} was dequeued ${t.dequeued} times but enqueued at most ${possible}`,
          ops: [...t.enqueueOps, ...t.dequeueOps],
          element: t.value,
        });
    }
    if (t.dequeued > t.ok && t.uncertain > 0) report.recovered.push(t.value);
    if (drained && t.dequeued < t.ok) {
      report.lost.push(t.value);
      found.push({
        id: 'lost',
        message: `${shown} was enqueued ${t.ok} time(s) with acknowledgement but dequeued ${t.dequeued} time(s)`,
        ops: [...t.enqueueOps, ...t.dequeueOps],
        element: t.value,
      });
    }
  }
  const result: CheckResult = {
    checker: 'total-queue',
    valid: found.length === 0,
    anomalies: found,
    stats: {
      ...stats,
      lost: report.lost.length,
      recovered: report.recovered.length,
      duplicated: report.duplicated.length,
    },
    ...report,
  };
  if (found.length === 0 && !drained) {
    result.valid = 'unknown';
    result.unknownReason =
      'no successful drain started after the last enqueue, so lost elements cannot be told from ones still queued';
  }
  return withAnomalyKinds(result, anomalies);
}

/** The total-queue checker as a registry entry. */
export const totalQueueChecker: Checker<TotalQueueOptions> = {
  name: 'total-queue',
  description: 'Enqueues, dequeues and a final drain: finds lost, unexpected and duplicated elements.',
  anomalies,
  check: (history, options) => checkTotalQueue(history, options),
};
