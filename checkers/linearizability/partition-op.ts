import type { ModelOp } from '../../src/core/model.js';
import type { ProcessId, Value } from '../../src/core/op.js';

/**
 * One operation of a partition (one key), as the search sees it. Plain data, so partitions can be
 * posted to worker threads.
 */
export interface PartitionOp {
  /** History index of the invocation. */
  index: number;
  /** History index of the completion, or -1 when the op never completed. */
  completion: number;
  process: ProcessId;
  f: string;
  /** The invocation's value (the inner value for independent histories). */
  invoked: Value;
  /** The completion's value, or null for info and pending ops. */
  returned: Value;
  /** `ok`: must take effect inside its interval; `info`: any time after `call`, or never; `fail`: a failed op that still observed the state. */
  type: 'ok' | 'info' | 'fail';
  /** What the model steps when this op is linearized. */
  model: ModelOp;
  /** Position of the invocation in the history (its index). */
  call: number;
  /** Position of the completion, or Infinity for info ops. */
  ret: number;
}
