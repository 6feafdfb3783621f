import type { Model } from '../../src/core/model.js';
import { decideLinearizable } from './decide-linearizable.js';
import { dropUnobserved } from './drop-unobserved.js';
import type { PartitionOp } from './partition-op.js';

/**
 * Limits of shrinking, in work units: a trial costs the ops it searches plus the configurations it
 * explores, so `work` bounds the whole shrink in the same currency as the verdict that preceded it,
 * and the result does not depend on machine speed.
 */
export interface ShrinkLimits {
  /** Work units for all trials together. */
  work: number;
  /** Configurations one trial may explore at most. */
  trialBudget: number;
  deadline?: number;
}

/** A shrunk witness, with the deepest linearization its last failing search found. */
export interface Shrunk {
  ops: PartitionOp[];
  /** Positions in `ops` of the deepest linearization found; undefined when `ops` were never searched here. */
  deepest?: number[];
}

/** An ok op made optional: it may take effect any time after its call, or never. */
function relax(model: Model, op: PartitionOp): PartitionOp | undefined {
  const m = { f: op.f, value: op.invoked, crashed: true };
  if (op.type !== 'ok' || model.isReadOnly(m) || model.isReadOnly(op.model)) return undefined;
  return { ...op, type: 'info', model: m, ret: Infinity };
}

/** The ops of `ops` invoked by time `t`: those pending at `t` become info (ok writes relaxed, reads dropped). */
function cutAt(model: Model, ops: readonly PartitionOp[], t: number): PartitionOp[] {
  const out: PartitionOp[] = [];
  for (const op of ops) {
    if (op.call > t) continue;
    if (op.ret <= t || op.type === 'info') out.push(op);
    else {
      const r = relax(model, op);
      if (r) out.push(r);
    }
  }
  return out;
}

/** The trials of one shrink, charged against its work bound. */
class Trials {
  spent = 0;
  last: Shrunk | undefined;

  constructor(
    private readonly model: Model,
    private readonly limits: ShrinkLimits,
  ) {}

  get exhausted(): boolean {
    return (
      this.spent >= this.limits.work ||
      (this.limits.deadline !== undefined && Date.now() > this.limits.deadline)
    );
  }

  /** True when `candidate` is refuted within the work left; remembers its search's deepest prefix. */
  fails(candidate: readonly PartitionOp[]): boolean {
    if (this.exhausted) return false;
    this.spent += candidate.length;
    const budget = Math.max(1, Math.min(this.limits.trialBudget, this.limits.work - this.spent));
    const search: { budget: number; deadline?: number } = { budget };
    if (this.limits.deadline !== undefined) search.deadline = this.limits.deadline;
    const outcome = decideLinearizable(this.model, candidate, search);
    this.spent += outcome.explored;
    if (outcome.verdict !== false) return false;
    this.last = { ops: [...candidate], deepest: outcome.deepest };
    return true;
  }
}

/**
 * Shrinks a non-linearizable partition to fewer ops that are still not linearizable, within
 * `limits.work`. Every step only weakens the history, so what remains is a genuine witness: a
 * read-only op is removed, and an ok op that changes the state is relaxed to info (it may have
 * happened at any time after its call, or never) rather than removed, so no read loses the write it
 * saw; an info op is removed only when no remaining op observed its value. It starts from what the
 * verdict's search knew: the ops invoked before the return of `blockingRet`, the first required op
 * its deepest linearization could not place. Then the shortest failing prefix is found by
 * bisection, and chunks of ops are weakened, largest first, until nothing changes or the work runs out.
 */
export function shrinkFailure(
  model: Model,
  ops: readonly PartitionOp[],
  limits: ShrinkLimits,
  blockingRet?: number,
): Shrunk {
  const trials = new Trials(model, limits);
  let current: Shrunk = { ops: [...ops] };
  const rets = [...new Set(ops.filter((op) => op.ret !== Infinity).map((op) => op.ret))].sort(
    (a, b) => a - b,
  );
  let hi = rets.length - 1;
  if (blockingRet !== undefined) {
    const at = rets.indexOf(blockingRet);
    const candidate = cutAt(model, ops, blockingRet);
    if (at >= 0 && at < hi && trials.fails(candidate)) {
      hi = at;
      current = trials.last!;
    }
  }
  let lo = 0;
  while (lo < hi && !trials.exhausted) {
    const mid = (lo + hi) >>> 1;
    if (trials.fails(cutAt(model, ops, rets[mid]!))) {
      hi = mid;
      current = trials.last!;
    } else lo = mid + 1;
  }
  // No prefix cut was refuted: the ops invoked after the last return may still go.
  if (hi >= 0 && lo === hi && current.ops.length === ops.length) {
    const candidate = cutAt(model, ops, rets[hi]!);
    if (candidate.length < ops.length && trials.fails(candidate)) current = trials.last!;
  }
  return weaken(model, current, trials);
}

/**
 * Weakens chunks of ops, halving the chunk size: first removes read-only ops (cheap to search),
 * then relaxes the others to info (each relaxed op widens the search, so fewer are left by then).
 */
function weaken(model: Model, start: Shrunk, trials: Trials): Shrunk {
  const removeReads = (op: PartitionOp): PartitionOp | undefined | 'keep' =>
    model.isReadOnly(op.model) ? undefined : 'keep';
  const relaxWrites = (op: PartitionOp): PartitionOp | undefined | 'keep' =>
    op.type === 'info' || model.isReadOnly(op.model) ? 'keep' : (relax(model, op) ?? 'keep');
  let current = start;
  const dropped = dropUnobserved(model, current.ops);
  if (dropped.length < current.ops.length && trials.fails(dropped)) current = trials.last!;
  for (const weakenOp of [removeReads, relaxWrites]) {
    let size = Math.max(1, current.ops.length >> 1);
    for (;;) {
      let changed = false;
      const ops = current.ops;
      for (let start = ops.length - size; start > -size && !trials.exhausted; start -= size) {
        const from = Math.max(0, start);
        const candidate: PartitionOp[] = [];
        let weakened = false;
        const now = current.ops;
        for (let i = 0; i < now.length; i++) {
          const op = now[i]!;
          const w = i < from || i >= start + size ? 'keep' : weakenOp(op);
          if (w === 'keep') candidate.push(op);
          else {
            weakened = true;
            if (w) candidate.push(w);
          }
        }
        // Dropping unobserved info ops leaves the verdict as it is (dropUnobserved), so the
        // candidate is searched without them, once, and the witness keeps that search's prefix.
        if (weakened && trials.fails(dropUnobserved(model, candidate))) {
          current = trials.last!;
          changed = true;
        }
      }
      if (trials.exhausted) return current;
      if (size > 1) size = Math.max(1, size >> 1);
      else if (!changed) break;
    }
  }
  return current;
}
