import type { Model } from '../../src/core/model.js';
import { valueKey } from '../models/value-key.js';
import type { Counterexample, CounterexampleOp, StuckOp } from './counterexample.js';
import type { Partition } from './partition-history.js';
import { impossibleOp } from './impossible-op.js';
import type { PartitionOp } from './partition-op.js';
import type { PartitionResult } from './partition-result.js';
import { shrinkFailure } from './shrink-failure.js';
import { decideLinearizable } from './decide-linearizable.js';

/** Limits for one partition: `budget` states explored (deterministic), optional wall-clock deadline. */
export interface PartitionLimits {
  budget: number;
  deadline?: number;
  /** Build a shrunk counterexample when the partition is not linearizable (default true). */
  counterexample?: boolean;
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

/** Replays the deepest prefix of a failed search on `ops` and says why nothing can follow it. */
function explain(
  model: Model,
  part: Partition,
  original: number,
  ops: readonly PartitionOp[],
  budget: number,
): Counterexample {
  const outcome = decideLinearizable(model, ops, { budget });
  const relaxedIdx = new Set(ops.filter((op) => op.type === 'info').map((op) => op.index));
  const originalType = new Map(part.ops.map((op) => [op.index, op.type]));
  const d = (op: PartitionOp): CounterexampleOp =>
    describe(op, relaxedIdx.has(op.index) && originalType.get(op.index) === 'ok');
  let state = model.init();
  const initialState = model.show(state);
  const prefix: Counterexample['prefix'] = [];
  const done = new Set<number>();
  for (const pos of outcome.deepest) {
    const op = ops[pos]!;
    const next = model.step(state, op.model);
    if (next === null) break;
    state = next;
    done.add(pos);
    prefix.push({ op: d(op), state: model.show(state) });
  }
  let blockingPos = -1;
  ops.forEach((op, pos) => {
    if (!done.has(pos) && op.ret !== Infinity && (blockingPos < 0 || op.ret < ops[blockingPos]!.ret))
      blockingPos = pos;
  });
  const stuck: StuckOp[] = [];
  const limit = blockingPos < 0 ? Infinity : ops[blockingPos]!.ret;
  const shown = model.show(state);
  ops.forEach((op, pos) => {
    if (done.has(pos) || op.call > limit) return;
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
    originalOps: original,
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
 * Checks one partition synchronously: the search, then on failure a shrunk counterexample. Safe to
 * call from a worker thread (plain data in, plain data out).
 */
export function checkPartition(model: Model, part: Partition, limits: PartitionLimits): PartitionResult {
  const started = Date.now();
  const search: { budget: number; deadline?: number } = { budget: limits.budget };
  if (limits.deadline !== undefined) search.deadline = limits.deadline;
  const outcome = decideLinearizable(model, part.ops, search);
  const required = part.ops.filter((op) => op.ret !== Infinity).length;
  const result: PartitionResult = {
    valid: outcome.verdict,
    ops: part.ops.length,
    explored: outcome.explored,
    linearized: outcome.deepestRequired,
    required,
    ms: 0,
  };
  if (part.key !== undefined) result.key = part.key;
  if (outcome.verdict === 'unknown') {
    const what =
      outcome.stoppedBy === 'timeout'
        ? 'the time limit ran out'
        : `the budget of ${limits.budget} states ran out`;
    result.unknownReason =
      `${what} after exploring ${outcome.explored} states; at best ${outcome.deepestRequired} of ${required} ` +
      `required ops were linearized. Raise --budget or --timeout to search further.`;
  } else if (outcome.verdict === false && limits.counterexample !== false) {
    const shrinkLimits: { trialBudget: number; maxTrials: number; deadline?: number } = {
      trialBudget: Math.min(limits.budget, Math.max(20_000, outcome.explored * 2)),
      maxTrials: 300,
      deadline: Math.min(limits.deadline ?? Infinity, Date.now() + 2_000),
    };
    // An op no reachable state allows is a witness on its own; otherwise shrink by search.
    const alone = impossibleOp(model, part.ops);
    const shrunk = alone === undefined ? shrinkFailure(model, part.ops, shrinkLimits) : [part.ops[alone]!];
    result.counterexample = explain(model, part, part.ops.length, shrunk, limits.budget);
  }
  result.ms = Date.now() - started;
  return result;
}
