import type { ProcessId, Value } from '../../src/core/op.js';

/** One op of a counterexample, as recorded in the history. */
export interface CounterexampleOp {
  /** History index of the invocation. */
  index: number;
  /** History index of the completion, or -1. */
  completion: number;
  process: ProcessId;
  f: string;
  invoked: Value;
  /** What the op returned (ok), or null. */
  returned: Value;
  /** How the checker treated it: ok, info (may take effect any time after its call, or never), or a failed op that observed the state. */
  type: 'ok' | 'info' | 'fail';
  /** True when the op was ok in the history and the shrinker relaxed it to info. */
  relaxed?: boolean;
}

/** Why an op cannot be linearized next, after the longest linearizable prefix. */
export interface StuckOp {
  op: CounterexampleOp;
  /** The model state at that point (rendered by the model). */
  state: string;
  /** `impossible`: the model rejects the op in that state; `dead-end`: it fits, but nothing can follow it. */
  kind: 'impossible' | 'dead-end';
  reason: string;
}

/** A small, actionable witness that one partition is not linearizable. */
export interface Counterexample {
  /** The key of the partition, when the history is keyed. */
  key?: Value;
  /** Ops in the partition before shrinking. */
  originalOps: number;
  /** The fewest ops found that still cannot be linearized (by history index). */
  ops: CounterexampleOp[];
  initialState: string;
  /** The longest linearizable prefix of the shrunk ops, in linearization order, with the state after each. */
  prefix: { op: CounterexampleOp; state: string }[];
  /** The op that had to take effect before it returned but could not. */
  blocking?: CounterexampleOp;
  /** Every op that could have gone next, and why it does not work. */
  stuck: StuckOp[];
}
