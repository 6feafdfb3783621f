import type { EdgeList } from './edge-list.js';

/** Which txn each external read observed: the inputs of the vector-clock (AWDIT) checks. */
export interface ReadFrom {
  reader: number[];
  key: number[];
  /** Writer txn, or -1 when the read saw the initial (empty/nil) state. */
  writer: number[];
  mop: number[];
  /** List-append only: how many elements of the read show the version (its own appends excluded). */
  len?: number[];
}

/** What a workload's inference adds to a check: data edges, reads-from, and how to explain an edge. */
export interface Inference {
  readFrom: ReadFrom;
  /** Plain-language reason for data edge `e` of the EdgeList. */
  explain(e: number): string;
  /** Why some reads could not be attributed to one writer (values written more than once), or undefined. */
  ambiguous: string | undefined;
  /** List-append only: position of txn t's last append to key k in the version order; 2^31-1 if no read shows it. */
  versionPos?(t: number, k: number): number;
  /** Honest limits of this workload's inference, for the result's notes. */
  notes: string[];
  /** Keys whose version order the history leaves partly open (0: every version order is known). */
  openKeys: number;
  /**
   * Adds to `into` the ww and rw edges of one total version order per open key that extends the
   * known one, breaking ties by `rank` (lower first). `attempt` picks one of a few tie-breaking
   * strategies; returns false when there is no such attempt.
   */
  complete(into: EdgeList, rank: Int32Array, attempt: number): boolean;
}
