import type { Verdict } from '../../src/core/verdict.js';

/** What one run of the WGL search over one partition found. */
export interface SearchOutcome {
  verdict: Verdict;
  /** Configurations explored (memo entries added): the deterministic budget counts these. */
  explored: number;
  /** Why the verdict is unknown: the state budget or the wall-clock limit ran out. */
  stoppedBy?: 'budget' | 'timeout';
  /** Partition op positions of the deepest linearization found, in linearization order. */
  deepest: number[];
  /** Ops that must take effect (ok and observing fails) linearized at the deepest point. */
  deepestRequired: number;
}
