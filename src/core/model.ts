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
  /** Why `op` is not a valid input for this model, or undefined when it is. Called on invocations and completions. */
  validate(f: string, value: Value, type: 'invoke' | 'ok' | 'fail' | 'info'): string | undefined;
  /** Human-readable rendering of a state, for counterexamples. */
  show(state: S): string;
  /** True when the op cannot change the state (reads): a crashed one may be dropped. */
  isReadOnly(op: ModelOp): boolean;
}

/** Options every model factory accepts. */
export interface ModelOptions {
  /** Initial value; null (nil) unless configured. */
  initial?: Value;
  /** When true an ok read of nil matches any state (Knossos's register models do this). */
  nilReadsUnknown?: boolean;
}

export type ModelFactory = (options?: ModelOptions) => Model;
