/** One event of a history: an invocation or its completion. */

/** `fail`: certainly did not happen. `info`: may have happened, now or at any later time. */
export type OpType = 'invoke' | 'ok' | 'fail' | 'info';

/** Client processes are numbered; the nemesis uses the literal `"nemesis"`. */
export type ProcessId = number | 'nemesis';

/**
 * A value as it appears in a history. JSON-shaped: EDN keywords become strings without the colon,
 * EDN sets become arrays (sorted when read from EDN), nil becomes null.
 */
export type Value = null | boolean | number | bigint | string | Value[] | { [key: string]: Value };

export interface Op {
  /** Position in the history, 0-based and dense after reading. */
  index: number;
  type: OpType;
  process: ProcessId;
  /** The function, e.g. `read`, `write`, `cas`, `txn`, `start-partition`. */
  f: string;
  value: Value;
  /** Nanoseconds since the start of the test (monotonic). */
  time: number;
  /** The node a client talked to, when known. */
  node?: string;
  /** A database or client error, for fail/info completions. */
  error?: Value;
  /** Any other fields the recorder added (kept verbatim). */
  [extra: string]: unknown;
}

export type History = readonly Op[];

export const OP_TYPES: readonly OpType[] = ['invoke', 'ok', 'fail', 'info'];

export function isClientOp(op: Op): boolean {
  return op.process !== 'nemesis';
}
