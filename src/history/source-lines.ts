import type { Op, OpType, ProcessId, Value } from '../core/op.js';

/**
 * An op read from a file, which remembers the 1-based line it was read from in a private field:
 * invisible to JSON, Object.keys, spreads, structured clones and deep equality. Set in the
 * constructor, it costs what a plain field costs; a non-enumerable property (Object.defineProperty)
 * cost about 2 µs per op, and a WeakMap entry per op weighs on the collector for million-op histories.
 */
export class ReadOp implements Op {
  [extra: string]: unknown;
  index: number;
  type: OpType;
  process: ProcessId;
  f: string;
  value: Value;
  time: number;
  declare node?: string;
  declare error?: Value;
  readonly #line: number;

  constructor(
    line: number,
    index: number,
    type: OpType,
    process: ProcessId,
    f: string,
    value: Value,
    time: number,
  ) {
    this.index = index;
    this.type = type;
    this.process = process;
    this.f = f;
    this.value = value;
    this.time = time;
    this.#line = line;
  }

  /** The line `op` was read from, when it is a ReadOp. */
  static lineOf(op: object): number | undefined {
    return #line in op ? op.#line : undefined;
  }
}

/** The 1-based source line an op was read from, or undefined for ops built in memory. */
export function sourceLineOf(op: Op): number | undefined {
  return ReadOp.lineOf(op);
}
