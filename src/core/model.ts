import type { FailedCasReading } from './failed-cas.js';
import type { Value } from './op.js';

/**
 * An operation as a sequential model sees it. For an `ok` op, `value` is the completion's value
 * (what a read returned); for an `info` op it is the invocation's value and `crashed` is true, so
 * the model must accept any result it would have returned.
 */
export interface ModelOp {
  f: string;
  value: Value;
  crashed: boolean;
}

/**
 * A sequential specification, used by the linearizability and sequential-consistency checkers.
 * States are immutable: `step` returns a new state, or null when the op is impossible from `state`.
 */
export interface Model<S = unknown> {
  name: string;
  description: string;
  /** The functions this model understands, e.g. ['read', 'write', 'cas']. */
  fs: readonly string[];
  init(): S;
  step(state: S, op: ModelOp): S | null;
  /** A string equal for equal states and different otherwise: the memo key. */
  hash(state: S): string;
  /**
   * Optional, for speed: an integer equal for equal states and different otherwise. When present
   * the linearizability search interns states by it instead of `hash` (see docs/linearizability.md).
   */
  id?(state: S): number;
  /** Why `op` is not a valid input for this model, or undefined when it is. Called on invocations and completions. */
  validate(f: string, value: Value, type: 'invoke' | 'ok' | 'fail' | 'info'): string | undefined;
  /** Human-readable rendering of a state, for counterexamples. */
  show(state: S): string;
  /** True when the op cannot change the state (reads): a crashed one may be dropped. */
  isReadOnly(op: ModelOp): boolean;
  /** Partition key of a keyed model (kv): ops on different keys never interact, so each key is checked alone. */
  key?(op: ModelOp): Value;
  /**
   * What a `fail` completion still tells, as a read-only op the search must place inside the op's
   * interval, or undefined to drop it. Only for fails that observed the state without changing it:
   * a cas whose comparison failed (see ModelOptions.failedCas) says the register lacked the expected value.
   */
  failedOp?(f: string, invoked: Value, error: Value | undefined): ModelOp | undefined;
  /** The value an op installs if it takes effect, for dropping `info` writes whose value nobody observed. */
  written?(op: ModelOp): { value: Value } | undefined;
  /** The value an op proves the state held; 'nothing' when none; 'unknown' when it constrains the state otherwise. */
  observed?(op: ModelOp): { value: Value } | 'nothing' | 'unknown';
}

/** Options every model factory accepts. */
export interface ModelOptions {
  /** Initial value; null (nil) unless configured. */
  initial?: Value;
  /** When true an ok read of nil matches any state (Knossos's register models do this). */
  nilReadsUnknown?: boolean;
  /**
   * How a failed cas is read. A fail marked `error: 'cas-mismatch'` (CAS_MISMATCH) always says the
   * register lacked the expected value; otherwise `ignore` (default) drops the fail, and `observe`
   * also reads a bare fail (no `error`) as a failed comparison.
   */
  failedCas?: FailedCasReading;
}

export type ModelFactory = (options?: ModelOptions) => Model;
