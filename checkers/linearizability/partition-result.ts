import type { Value } from '../../src/core/op.js';
import type { Verdict } from '../../src/core/verdict.js';
import type { Counterexample } from './counterexample.js';

/** The verdict on one partition (one key, or the whole history). */
export interface PartitionResult {
  /** The key, when the history is keyed. */
  key?: Value;
  valid: Verdict;
  /** Ops searched (after dropping fails, crashed reads and unobserved info writes). */
  ops: number;
  /** Configurations explored. */
  explored: number;
  /** Required ops linearized at the deepest point of the search. */
  linearized: number;
  /** Ops that had to be linearized (ok ops and failed ops that observed the state). */
  required: number;
  /** What stopped an undecided search: its budget, the time limit, or a table's memory cap. */
  stoppedBy?: 'budget' | 'timeout' | 'memory';
  /** Why the verdict is unknown, with how far the search got. */
  unknownReason?: string;
  counterexample?: Counterexample;
  /** Milliseconds spent, search and shrinking. */
  ms: number;
}
