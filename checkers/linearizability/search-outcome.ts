import type { CapName } from './search-caps.js';
import type { Verdict } from '../../src/core/verdict.js';

/** What one run of the WGL search over one partition found. */
export interface SearchOutcome {
  verdict: Verdict;
  /** Configurations explored (memo entries added): the deterministic budget counts these. */
  explored: number;
  /** Why the verdict is unknown: the state budget, the wall-clock limit, or a table's memory cap. */
  stoppedBy?: 'budget' | 'timeout' | 'memory';
  /** The cap reached, when stoppedBy is 'memory'. */
  cap?: CapName;
  /** Partition op positions of the deepest linearization found, in linearization order. */
  deepest: number[];
  /** Ops that must take effect (ok and observing fails) linearized at the deepest point. */
  deepestRequired: number;
  /** Partition position of a required op no reachable state allows, when that refuted the partition without a search. */
  impossible?: number;
}
