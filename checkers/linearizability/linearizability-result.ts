import type { CheckResult } from '../../src/core/checker.js';
import type { Counterexample } from './counterexample.js';
import type { PartitionResult } from './partition-result.js';

/** The result of checkLinearizability: one entry per key, and the first counterexample when invalid. */
export interface LinearizabilityResult extends CheckResult {
  checker: 'linearizability';
  /** The model the history was checked against. */
  model: string;
  /** Per-key results (one entry when the history is not keyed); keys skipped after an early stop are absent. */
  keys: PartitionResult[];
  /** Keys never checked because another key was refuted first (allFailures off). */
  skippedKeys: number;
  /** The counterexample of the first refuted key. */
  counterexample?: Counterexample;
}
