import type { Model } from '../../src/core/model.js';
import { valueKey } from '../models/value-key.js';
import type { Counterexample, CounterexampleOp, StuckOp } from './counterexample.js';
import { decideLinearizable } from './decide-linearizable.js';
import type { KeyVerdict } from './decide-partition.js';
import type { Partition } from './partition-history.js';
import type { PartitionOp } from './partition-op.js';
import { shrinkFailure, type Shrunk } from './shrink-failure.js';

/** Work units of shrinking at least, so a verdict found without search still gets a small witness. */
const MIN_SHRINK_WORK = 2_000;

/** Limits of a counterexample: the key's budget, an optional deadline. */
export interface ExplainLimits {
  budget: number;
  deadline?: number;
}

function describe(op: PartitionOp, relaxed: boolean): CounterexampleOp {
  const out: CounterexampleOp = {
    index: op.index,
    completion: op.completion,
    process: op.process,
    f: op.f,
    invoked: op.invoked,
    returned: op.returned,
    type: op.type,
  };
  if (relaxed) out.relaxed = true;
  return out;
}

/** One op in words: `read returned 3`, `write 3`, `cas [1,2] crashed` (nil arguments and echoed values left out). */
function show(op: PartitionOp): string {
  const args = op.invoked === null ? '' : ` ${valueKey(op.invoked)}`;
  const echoed = op.type === 'ok' && op.invoked !== null && valueKey(op.returned) === valueKey(op.invoked);
  const ret =
    op.type === 'ok'
      ? echoed
        ? ''
        : ` returned ${valueKey(op.returned)}`
      : op.type === 'fail'
        ? ' failed'
        : ' crashed';
  return `${op.f}${args}${ret} (process ${String(op.process)}, op #${op.index})`;
}

/** The required op with the earliest return that the linearization `deepest` (positions in `ops`) leaves out. */
function firstUnplaced(ops: readonly PartitionOp[], deepest: readonly number[]): number {
  const done = new Set(deepest);
  let blocking = -1;
  ops.forEach((op, pos) => {
    if (!done.has(pos) && op.ret !== Infinity && (blocking < 0 || op.ret < ops[blocking]!.ret))
      blocking = pos;
  });
  return blocking;
}

/** Replays the deepest prefix of a failed search on the shrunk ops and says why nothing can follow it. */
function explain(model: Model, part: Partition, shrunk: Shrunk, limits: ExplainLimits): Counterexample {
  const ops = shrunk.ops;
  const deepest =
    shrunk.deepest ?? decideLinearizable(model, ops, { budget: limits.budget, ...deadline(limits) }).deepest;
  const relaxedIdx = new Set(ops.filter((op) => op.type === 'info').map((op) => op.index));
  const originalType = new Map(part.ops.map((op) => [op.index, op.type]));
  const d = (op: PartitionOp): CounterexampleOp =>
    describe(op, relaxedIdx.has(op.index) && originalType.get(op.index) === 'ok');
  let state = model.init();
  const initialState = model.show(state);
  const prefix: Counterexample['prefix'] = [];
  const done: number[] = [];
  for (const pos of deepest) {
    const op = ops[pos]!;
    const next = model.step(state, op.model);
    if (next === null) break;
    state = next;
    done.push(pos);
    prefix.push({ op: d(op), state: model.show(state) });
  }
  const placed = new Set(done);
  const blockingPos = firstUnplaced(ops, done);
  const stuck: StuckOp[] = [];
  const limit = blockingPos < 0 ? Infinity : ops[blockingPos]!.ret;
  const shown = model.show(state);
  ops.forEach((op, pos) => {
    if (placed.has(pos) || op.call > limit) return;
    const next = model.step(state, op.model);
    if (next === null) {
      stuck.push({
        op: d(op),
        state: shown,
        kind: 'impossible',
        reason: `${show(op)} is impossible in state ${shown}`,
      });
    } else if (op.type !== 'info') {
      const after = model.show(next);
      stuck.push({
        op: d(op),
        state: shown,
        kind: 'dead-end',
        reason: `${show(op)} fits state ${shown} (giving ${after}), but no order of the remaining ops works after it`,
      });
    }
  });
  const out: Counterexample = {
    originalOps: part.ops.length,
    ops: [...ops].sort((a, b) => a.index - b.index).map(d),
    initialState,
    prefix,
    stuck,
  };
  if (part.key !== undefined) out.key = part.key;
  if (blockingPos >= 0) out.blocking = d(ops[blockingPos]!);
  return out;
}

/**
 * The counterexample of a refuted partition, built from its verdict: an op no reachable state
 * allows is a witness alone; otherwise the ops are shrunk from the verdict's deepest linearization
 * within work proportional to the verdict's own (its configurations explored plus its ops), then
 * the longest linearizable prefix of what remains is replayed and the ops stuck after it explained.
 */
export function explainPartition(
  model: Model,
  part: Partition,
  verdict: KeyVerdict,
  limits: ExplainLimits,
): Counterexample {
  const ops = part.ops;
  const work = Math.max(MIN_SHRINK_WORK, verdict.result.explored + ops.length);
  let shrunk: Shrunk;
  if (verdict.impossible !== undefined) {
    shrunk = { ops: [ops[verdict.impossible]!], deepest: [] };
  } else {
    const blocking = firstUnplaced(ops, verdict.deepest);
    const from = blocking < 0 ? undefined : ops[blocking]!.ret;
    shrunk = shrinkFailure(model, ops, { work, trialBudget: limits.budget, ...deadline(limits) }, from);
    if (shrunk.ops.length === ops.length && shrunk.deepest === undefined) shrunk.deepest = verdict.deepest;
  }
  return explain(model, part, shrunk, limits);
}

function deadline(limits: ExplainLimits): { deadline?: number } {
  return limits.deadline === undefined ? {} : { deadline: limits.deadline };
}
