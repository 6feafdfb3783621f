import type { Op } from '../core/op.js';

// Source positions live outside the ops so they never leak into JSON output or checker results.
const lines = new WeakMap<Op, number>();

/** Remembers the 1-based line of the source file an op was read from. */
export function setSourceLine(op: Op, line: number): void {
  lines.set(op, line);
}

/** The 1-based source line an op was read from, or undefined for ops built in memory. */
export function sourceLineOf(op: Op): number | undefined {
  return lines.get(op);
}

/** "line N" when the op came from a file, otherwise "op #index", for error messages. */
export function describePosition(op: Op, position: number): string {
  const line = lines.get(op);
  return line === undefined ? `op #${position}` : `line ${line}`;
}
