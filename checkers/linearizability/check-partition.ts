import type { Model } from '../../src/core/model.js';
import type { SearchCaps } from './search-caps.js';
import { decidePartition } from './decide-partition.js';
import { explainPartition } from './explain-partition.js';
import type { Partition } from './partition-history.js';
import type { PartitionResult } from './partition-result.js';

/** Limits for one partition: `budget` states explored (deterministic), optional wall-clock deadline. */
export interface PartitionLimits {
  budget: number;
  deadline?: number;
  /** Build a shrunk counterexample when the partition is not linearizable (default true). */
  counterexample?: boolean;
  /** Caps on the search's tables (default DEFAULT_CAPS). */
  caps?: SearchCaps;
}

/**
 * Checks one partition synchronously: the verdict, then on failure a counterexample that costs
 * about what the verdict did. Safe to call from a worker thread (plain data in, plain data out).
 */
export function checkPartition(model: Model, part: Partition, limits: PartitionLimits): PartitionResult {
  const started = Date.now();
  const verdict = decidePartition(model, part, limits);
  const result = verdict.result;
  if (result.valid === false && limits.counterexample !== false)
    result.counterexample = explainPartition(model, part, verdict, limits);
  result.ms = Date.now() - started;
  return result;
}
