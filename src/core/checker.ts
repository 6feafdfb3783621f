import type { AnomalyKinds } from './anomaly-kind.js';
import type { History } from './op.js';
import type { Verdict } from './verdict.js';

/** One thing a checker found wrong, or one reason it could not decide. */
export interface Anomaly {
  /** Stable id from the checker's `anomalies` table, e.g. `G1c`, `lost`, `nonlinearizable`. */
  id: string;
  /** A sentence a person can act on. */
  message: string;
  /** History indexes of the ops involved (invocations), for reports to mark. */
  ops?: number[];
  /** Anything else the report needs to draw it (structured, JSON-serialisable). */
  [detail: string]: unknown;
}

export interface CheckResult {
  /** The checker's name, e.g. `linearizability`. */
  checker: string;
  valid: Verdict;
  anomalies: Anomaly[];
  /** Why the verdict is unknown, when it is. */
  unknownReason?: string;
  /** What each reported anomaly id means: the checker's catalog entries for the ids above (see withAnomalyKinds). */
  anomalyKinds?: AnomalyKinds;
  /** Counters: ops checked, states explored, milliseconds, ... */
  stats?: Record<string, number>;
  /** Checker-specific structured output (JSON-serialisable). */
  [detail: string]: unknown;
}

/**
 * A checker is a pure function from a history to a result, written like a lint rule: a name, a
 * description, the anomalies it can report, and `check`. No I/O.
 */
export interface Checker<Options = Record<string, unknown>> {
  name: string;
  description: string;
  /** Every anomaly id this checker can report: its catalog entry (the one place the id is defined). */
  anomalies: AnomalyKinds;
  check(history: History, options: Options): CheckResult | Promise<CheckResult>;
}
