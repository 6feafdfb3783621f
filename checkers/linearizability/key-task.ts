import type { Model } from '../../src/core/model.js';
import { decidePartition, type KeyVerdict } from './decide-partition.js';
import { explainPartition } from './explain-partition.js';
import type { Partition } from './partition-history.js';
import type { SearchCaps } from './search-caps.js';

/** One key to decide: partition index, budget of this attempt, and whether to explain a refutation. */
export interface KeyTask {
  id: number;
  budget: number;
  counterexample: boolean;
}

/** Limits every attempt shares: the wall-clock deadline and the tables' caps. */
export interface SharedLimits {
  deadline?: number;
  caps?: SearchCaps;
}

/** Runs one task synchronously (on the main thread or in a worker): the verdict, then the counterexample if asked. */
export function runKeyTask(model: Model, part: Partition, task: KeyTask, shared: SharedLimits): KeyVerdict {
  const started = Date.now();
  const limits = { budget: task.budget, ...shared };
  const verdict = decidePartition(model, part, limits);
  if (verdict.result.valid === false && task.counterexample) {
    verdict.result.counterexample = explainPartition(model, part, verdict, limits);
    verdict.result.ms = Date.now() - started;
  }
  return verdict;
}
