import type { Model } from '../../src/core/model.js';
import { dropUnobserved } from './drop-unobserved.js';
import type { PartitionOp } from './partition-op.js';
import { decideLinearizable } from './decide-linearizable.js';

/** Limits of shrinking: each trial is one search with `trialBudget` states; at most `maxTrials` trials. */
export interface ShrinkLimits {
  trialBudget: number;
  maxTrials: number;
  deadline?: number;
}

/** An ok op made optional: it may take effect any time after its call, or never. */
function relax(model: Model, op: PartitionOp): PartitionOp | undefined {
  const m = { f: op.f, value: op.invoked, crashed: true };
  if (op.type !== 'ok' || model.isReadOnly(m) || model.isReadOnly(op.model)) return undefined;
  return { ...op, type: 'info', model: m, ret: Infinity };
}

/**
 * Shrinks a non-linearizable partition to fewer ops that are still not linearizable. Every step
 * only weakens the history, so what remains is a genuine witness: a read-only op is
 * removed, and an ok op that changes the state is relaxed to info (it may have happened at any
 * time after its call, or never) rather than removed, so no read loses the write it saw; an info op
 * is removed only when no remaining op observed its value. First the shortest failing prefix is
 * found by bisection, then chunks of ops are weakened, largest first, until nothing changes.
 */
export function shrinkFailure(
  model: Model,
  ops: readonly PartitionOp[],
  limits: ShrinkLimits,
): PartitionOp[] {
  let trials = 0;
  const fails = (candidate: readonly PartitionOp[]): boolean => {
    if (trials >= limits.maxTrials || (limits.deadline !== undefined && Date.now() > limits.deadline))
      return false;
    trials++;
    const search: { budget: number; deadline?: number } = { budget: limits.trialBudget };
    if (limits.deadline !== undefined) search.deadline = limits.deadline;
    return decideLinearizable(model, candidate, search).verdict === false;
  };

  // The shortest failing prefix: cut at the return of a required op.
  const cut = (t: number): PartitionOp[] => {
    const out: PartitionOp[] = [];
    for (const op of ops) {
      if (op.call > t) continue;
      if (op.ret <= t) out.push(op);
      else if (op.type === 'info') out.push(op);
      else {
        const r = relax(model, op);
        if (r) out.push(r);
      }
    }
    return out;
  };
  const rets = [...new Set(ops.filter((op) => op.ret !== Infinity).map((op) => op.ret))].sort(
    (a, b) => a - b,
  );
  let current: PartitionOp[] = [...ops];
  let lo = 0;
  let hi = rets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const candidate = cut(rets[mid]!);
    if (fails(candidate)) {
      hi = mid;
      current = candidate;
    } else lo = mid + 1;
  }
  if (hi >= 0 && lo === hi && current.length === ops.length) {
    const candidate = cut(rets[hi]!);
    if (candidate.length < current.length && fails(candidate)) current = candidate;
  }

  // Weaken chunks of ops, halving the chunk size: first remove read-only ops (cheap to search),
  // then relax the others to info (each relaxed op widens the search, so fewer are left by then).
  const removeReads = (op: PartitionOp): PartitionOp | undefined | 'keep' =>
    model.isReadOnly(op.model) ? undefined : 'keep';
  const relaxWrites = (op: PartitionOp): PartitionOp | undefined | 'keep' =>
    op.type === 'info' || model.isReadOnly(op.model) ? 'keep' : (relax(model, op) ?? 'keep');
  current = dropUnobserved(model, current);
  for (const weaken of [removeReads, relaxWrites]) {
    let size = Math.max(1, current.length >> 1);
    for (;;) {
      let changed = false;
      for (let start = current.length - size; start > -size; start -= size) {
        const from = Math.max(0, start);
        const candidate: PartitionOp[] = [];
        let weakened = false;
        for (let i = 0; i < current.length; i++) {
          const op = current[i]!;
          const w = i < from || i >= start + size ? 'keep' : weaken(op);
          if (w === 'keep') candidate.push(op);
          else {
            weakened = true;
            if (w) candidate.push(w);
          }
        }
        if (weakened && fails(candidate)) {
          current = dropUnobserved(model, candidate);
          changed = true;
        }
      }
      if (trials >= limits.maxTrials) break;
      if (size > 1) size = Math.max(1, size >> 1);
      else if (!changed) break;
    }
  }
  return current;
}
