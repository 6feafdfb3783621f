import type { History } from '../../src/core/op.js';
import type { Workload, WorkloadOptions } from '../../src/core/workload.js';
import { checkLinearizability } from '../../checkers/linearizability/check-linearizability.js';
import { checkLock } from '../../checkers/lock/check-lock.js';
import { eachThread } from '../../src/generator/each-thread.js';
import { lockOps } from './lock-ops.js';

/** Longest hold by default: up to 1 s between grant and release, well under a lease of a few seconds. */
const DEFAULT_MAX_HOLD_MS = 1000;

function maxHoldNs(options: WorkloadOptions): number {
  const v = options['maxHoldMs'];
  return (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_HOLD_MS) * 1e6;
}

/** The lock's own ops (acquire, release) and the nemesis events: what the mutex model is checked on. */
export function lockOpsOnly(history: History): History {
  return history.filter((op) => op.process === 'nemesis' || op.f === 'acquire' || op.f === 'release');
}

/**
 * One lock shared by every worker. Each worker acquires it under a fresh owner token, holds it for
 * a random short time, writes its token to a plain register the lock guards, and releases it.
 * Acquire and release are checked for linearizability with the owner-aware mutex model; the lock
 * checker names each pair of overlapping holds and what both holders wrote under the lock.
 */
export const lockWorkload: Workload = {
  name: 'lock',
  description:
    'acquire, hold briefly, write a guarded register, release: mutual exclusion (mutex model, linearizable)',
  generator: (options) => eachThread(() => lockOps({ maxHoldNs: maxHoldNs(options) })),
  checkers: () => [
    {
      name: 'linearizability',
      check: (history) => checkLinearizability(lockOpsOnly(history), { model: 'mutex', timeoutMs: 120_000 }),
    },
    { name: 'lock', check: (history) => checkLock(history) },
  ],
};
