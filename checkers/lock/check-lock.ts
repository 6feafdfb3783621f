import { anomalyKinds, withAnomalyKinds } from '../../src/core/anomaly-kind.js';
import type { Anomaly, CheckResult, Checker } from '../../src/core/checker.js';
import type { History, Op } from '../../src/core/op.js';
import { showValue } from '../models/show-value.js';
import type { ClientOp } from '../set/client-ops.js';
import { faultsBetween, lockHolds, type LockHold } from './lock-holds.js';

/** Every anomaly id this checker can report: the one place each is defined. */
const anomalies = anomalyKinds([
  {
    id: 'overlapping-holds',
    name: 'overlapping holds',
    description:
      'An acquire was invoked after another hold was granted and returned ok before anything could have released that hold: two clients held the lock at once.',
  },
]);

const seconds = (op: Op | undefined): string => (op === undefined ? '?' : `${(op.time / 1e9).toFixed(3)} s`);

function describeGuarded(ops: readonly ClientOp[]): string {
  if (ops.length === 0) return 'nothing guarded';
  return ops
    .map((g) => `${g.invoke.f} ${showValue(g.invoke.value)} (${g.outcome}, op #${g.invoke.index})`)
    .join(', ');
}

function describeFaults(faults: readonly Op[]): string {
  if (faults.length === 0) return 'no fault event in between';
  return `faults meanwhile: ${faults.map((f) => `${f.f} ${showValue(f.value)} at ${seconds(f)}`).join('; ')}`;
}

/** The anomaly for `second` acquiring inside `first`'s hold, with what both did and the faults. */
function overlap(history: History, first: LockHold, second: LockHold): Anomaly {
  const a = first.acquire;
  const b = second.acquire;
  const rel = first.release;
  const released =
    rel === undefined
      ? 'never released it'
      : `released it only from ${seconds(rel.invoke)} (op #${rel.invoke.index}, ${rel.outcome}${
          rel.complete?.type === 'ok' ? `: ${showValue(rel.complete.value)}` : ''
        })`;
  return {
    id: 'overlapping-holds',
    message:
      `process ${String(b.invoke.process)} acquired the lock as ${showValue(second.owner)} at ${seconds(b.complete)} ` +
      `(op #${b.invoke.index}, on ${b.invoke.node ?? '?'}) while process ${String(a.invoke.process)} held it as ` +
      `${showValue(first.owner)}: granted at ${seconds(a.complete)} (op #${a.invoke.index}, on ${a.invoke.node ?? '?'}), ` +
      `${released}. Under the lock, ${showValue(first.owner)} did: ${describeGuarded(first.guarded)}; ` +
      `${showValue(second.owner)} did: ${describeGuarded(second.guarded)}. ` +
      `${describeFaults(faultsBetween(history, first.from, b.completedAt))}.`,
    ops: [a.invoke.index, b.invoke.index, ...(rel ? [rel.invoke.index] : [])],
    holders: [first.owner, second.owner],
  };
}

/**
 * Mutual exclusion of a lock history (ops `acquire`, `release` and guarded ops, each naming its
 * owner token as value or first element): reports every acquire that certainly took effect inside
 * another owner's certain hold. Each such pair makes the history non-linearizable for the mutex
 * model, so this never reports what the model allows; it explains what linearizability rejects.
 */
export function checkLock(history: History): CheckResult {
  const holds = lockHolds(history);
  const found: Anomaly[] = [];
  for (const second of holds) {
    const b = second.acquire;
    for (const first of holds) {
      if (first === second) continue;
      if (first.from < b.invokedAt && b.completedAt < first.until)
        found.push(overlap(history, first, second));
    }
  }
  const guarded = holds.flatMap((h) => h.guarded);
  return withAnomalyKinds(
    {
      checker: 'lock',
      valid: found.length === 0,
      anomalies: found,
      stats: {
        holds: holds.length,
        overlapping: found.length,
        guardedOps: guarded.length,
        guardedOk: guarded.filter((g) => g.outcome === 'ok').length,
        guardedInfo: guarded.filter((g) => g.outcome === 'info').length,
      },
    },
    anomalies,
  );
}

/** The lock checker as a registry entry. */
export const lockChecker: Checker<Record<string, never>> = {
  name: 'lock',
  description:
    'Mutual exclusion of a lock: finds acquires granted inside another owner’s hold, with what each holder did under the lock.',
  anomalies,
  check: (history) => checkLock(history),
};
