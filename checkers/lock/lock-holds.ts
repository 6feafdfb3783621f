import type { History, Op, Value } from '../../src/core/op.js';
import { lockOwner } from '../models/mutex.js';
import { clientOps, type ClientOp } from '../set/client-ops.js';
import { valueKey } from '../models/value-key.js';

/**
 * One certain hold of a lock: an acquire that completed ok, up to the earliest invocation of a
 * release that could free it after it took effect: one by the same owner (or anonymous, owner
 * null), not failed (ok, info or pending), completing after the acquire was invoked. A failed
 * release certainly did not happen, so the hold goes on past it.
 */
export interface LockHold {
  owner: Value;
  acquire: ClientOp;
  /** The release that may end the hold first, or undefined when none could (held to the end). */
  release: ClientOp | undefined;
  /** History positions: the acquire's completion, and that release's invocation (Infinity if none). */
  from: number;
  until: number;
  /** Guarded ops (not acquire or release) of the same owner invoked inside the hold. */
  guarded: ClientOp[];
}

/** A release by `owner` frees a hold of `holder` in the mutex model (null is anonymous, matching any). */
function frees(holder: Value, owner: Value): boolean {
  return holder === null || owner === null || valueKey(holder) === valueKey(owner);
}

/** The holds of a lock history, in acquire order; ops other than acquire/release name their owner the same way and are the guarded ones. */
export function lockHolds(history: History): LockHold[] {
  const ops = clientOps(history);
  const releases = ops.filter((o) => o.invoke.f === 'release' && o.outcome !== 'fail');
  const holds: LockHold[] = [];
  for (const o of ops) {
    if (o.invoke.f !== 'acquire' || o.outcome !== 'ok') continue;
    const owner = lockOwner(o.invoke.value);
    let release: ClientOp | undefined;
    for (const r of releases) {
      if (r.completedAt < o.invokedAt || !frees(owner, lockOwner(r.invoke.value))) continue;
      if (release === undefined || r.invokedAt < release.invokedAt) release = r;
    }
    const until = release?.invokedAt ?? Infinity;
    const key = valueKey(owner);
    const guarded = ops.filter(
      (g) =>
        g.invoke.f !== 'acquire' &&
        g.invoke.f !== 'release' &&
        valueKey(lockOwner(g.invoke.value)) === key &&
        g.invokedAt > o.completedAt &&
        g.invokedAt < until,
    );
    holds.push({ owner, acquire: o, release, from: o.completedAt, until, guarded });
  }
  return holds;
}

/** Nemesis events (their completions: what the fault did) between two history positions. */
export function faultsBetween(history: History, from: number, until: number): Op[] {
  const end = Math.min(until, history.length);
  const out: Op[] = [];
  for (let i = from; i < end; i++) {
    const op = history[i]!;
    if (op.process === 'nemesis' && op.type !== 'invoke') out.push(op);
  }
  return out;
}
