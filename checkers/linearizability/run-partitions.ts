import type { Model, ModelOptions } from '../../src/core/model.js';
import type { ModelName } from '../models/index.js';
import type { PartitionLimits } from './check-partition.js';
import type { KeyVerdict } from './decide-partition.js';
import { explainPartition } from './explain-partition.js';
import { InlinePool, WorkerPool, type KeyPool } from './key-pool.js';
import type { KeyTask, SharedLimits } from './key-task.js';
import type { Partition } from './partition-history.js';
import type { PartitionResult } from './partition-result.js';
import type { WorkerSetup } from './worker-message.js';

/** How to run the partitions: on `workers` threads when the model is a registry name, else inline. */
export interface RunOptions {
  model: Model;
  modelName?: ModelName;
  modelOptions: ModelOptions;
  limits: PartitionLimits;
  workers: number;
  /** Stop at the first refuted partition. */
  stopOnFailure: boolean;
}

/** Below this many ops in all, threads cost more than they save. */
const MIN_OPS_FOR_WORKERS = 20_000;
/** The least budget of a round: smaller slices cost more in set-up than they can decide. */
const MIN_SLICE = 16_384;
const GROWTH = 4;

/**
 * The budgets of the rounds, ending at the full budget, each GROWTH times the one before, the first
 * at least MIN_SLICE (31,250 for the default 2M). Counting down from the full budget keeps the
 * restarts' cost under 1/(GROWTH-1) of it for any budget; counting up from MIN_SLICE would, for a
 * budget just above a power of GROWTH, spend more on restarts than on the last round.
 */
export function budgetSlices(full: number): number[] {
  const out = [full];
  while (Math.floor(out[0]! / GROWTH) >= MIN_SLICE) out.unshift(Math.floor(out[0]! / GROWTH));
  return out;
}

/** Partitions largest first (then by index), so one big key does not start last; the order is deterministic. */
function bySizeDescending(parts: readonly Partition[]): number[] {
  return parts.map((_, i) => i).sort((a, b) => parts[b]!.ops.length - parts[a]!.ops.length || a - b);
}

function openPool(parts: readonly Partition[], options: RunOptions, shared: SharedLimits): KeyPool {
  const totalOps = parts.reduce((n, p) => n + p.ops.length, 0);
  const threads = Math.min(options.workers, parts.length);
  if (threads <= 1 || options.modelName === undefined || totalOps < MIN_OPS_FOR_WORKERS)
    return new InlinePool(options.model, parts, shared);
  const setup: WorkerSetup = { model: options.modelName, modelOptions: options.modelOptions, ...shared };
  return new WorkerPool(parts, setup, threads);
}

/** True when the verdict is final at `budget`: decided, or stopped by something a larger slice would not change. */
function final(v: KeyVerdict, budget: number, full: number): boolean {
  return v.result.valid !== 'unknown' || v.stoppedBy !== 'budget' || budget >= full;
}

/**
 * Checks partitions, one result per partition (undefined for those skipped after a refutation).
 * When stopping at the first refutation, keys are interleaved in rounds of growing budget slices
 * (`budgetSlices`), so an easy refutation is never held up behind a hard key; a key undecided
 * within its slice is searched afresh in the next round, which costs less than 1/(GROWTH-1) more.
 * The first round that refutes a key ends the check:
 * the reported key is the first refuted one in size order, and the keys after it in that round are
 * skipped, so the verdict and the key do not depend on the number of workers or machine speed. A
 * key's verdict never depends on the slice: a decided search is exact, and the last slice is the
 * key's full budget. With allFailures every key gets the full budget in one round.
 */
export async function runPartitions(
  parts: readonly Partition[],
  options: RunOptions,
): Promise<(PartitionResult | undefined)[]> {
  const shared: SharedLimits = {};
  if (options.limits.deadline !== undefined) shared.deadline = options.limits.deadline;
  if (options.limits.caps !== undefined) shared.caps = options.limits.caps;
  const full = options.limits.budget;
  const explain = options.limits.counterexample !== false;
  const results = new Array<PartitionResult | undefined>(parts.length).fill(undefined);
  const pool = openPool(parts, options, shared);
  const watchdog = deadlineWatchdog(pool, shared.deadline);
  try {
    let pending = bySizeDescending(parts);
    const slices = options.stopOnFailure ? budgetSlices(full) : [full];
    for (let round = 0; pending.length > 0; round++) {
      const budget = pending.length === 1 ? full : slices[Math.min(round, slices.length - 1)]!;
      // Without a stop at the first refutation, workers explain refuted keys themselves, in parallel.
      const tasks: KeyTask[] = pending.map((id) => ({
        id,
        budget,
        counterexample: explain && !options.stopOnFailure,
      }));
      const verdicts = await pool.run(tasks, options.stopOnFailure);
      const undecided: number[] = [];
      let refuted: number | undefined;
      verdicts.forEach((v, i) => {
        const id = pending[i]!;
        if (v === undefined) return;
        if (!final(v, budget, full)) undecided.push(id);
        else results[id] = v.result;
        if (v.result.valid === false && refuted === undefined) {
          refuted = id;
          if (explain && options.stopOnFailure) explainFirst(options.model, parts[id]!, v, options.limits);
        }
      });
      if (refuted !== undefined && options.stopOnFailure) break;
      if (verdicts.some((v) => v === undefined)) break; // the deadline passed
      pending = undecided;
    }
  } finally {
    if (watchdog) clearTimeout(watchdog);
    pool.close();
  }
  return results;
}

/** The counterexample of the reported key, on the main thread, within the key's full budget. */
function explainFirst(model: Model, part: Partition, v: KeyVerdict, limits: PartitionLimits): void {
  const started = Date.now();
  v.result.counterexample = explainPartition(model, part, v, limits);
  v.result.ms += Date.now() - started;
}

/** The search checks the deadline itself; this only guards against a worker that stops answering. */
function deadlineWatchdog(pool: KeyPool, deadline: number | undefined): NodeJS.Timeout | undefined {
  if (deadline === undefined || !(pool instanceof WorkerPool)) return undefined;
  return setTimeout(() => pool.abandon(), Math.max(0, deadline - Date.now()) + 5_000);
}
