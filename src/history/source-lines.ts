import type { Op } from '../core/op.js';

// A non-enumerable symbol property: invisible to JSON, Object.keys, spreads and deep equality, and
// much cheaper than a WeakMap entry per op on million-op histories.
const LINE = Symbol('faultline.sourceLine');

/** Remembers the 1-based line of the source file an op was read from. */
export function setSourceLine(op: Op, line: number): void {
  Object.defineProperty(op, LINE, { value: line, enumerable: false, writable: true, configurable: true });
}

/** The 1-based source line an op was read from, or undefined for ops built in memory. */
export function sourceLineOf(op: Op): number | undefined {
  return (op as unknown as { [LINE]?: number })[LINE];
}
