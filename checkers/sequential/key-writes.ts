import type { Value } from '../../src/core/op.js';
import { valueKey } from '../models/value-key.js';
import type { SeqOp } from './process-sequences.js';

/** One key's writes in an order: their positions, the ops, and the value each leaves. */
export class KeyWrites {
  readonly at: number[] = [];
  readonly ops: SeqOp[] = [];
  readonly values: string[] = [];

  /** Index of the last write at a position before `slot` (-1: none, the initial value holds). */
  lastBefore(slot: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/**
 * Each partition's writes in `order`, by position: ops other than failed comparisons and reads
 * (a write's value or a cas's new value; a crashed op the order holds took effect).
 */
export function keyWrites(order: readonly SeqOp[], inner: (v: Value) => Value): KeyWrites[] {
  const out: KeyWrites[] = [];
  order.forEach((s, i) => {
    const w = writtenValue(s, inner);
    if (w === undefined) return;
    const k = (out[s.part] ??= new KeyWrites());
    k.at.push(i);
    k.ops.push(s);
    k.values.push(valueKey(w));
  });
  return out;
}

/** The value an op of an order writes, or undefined for reads and failed comparisons. */
export function writtenValue(s: SeqOp, inner: (v: Value) => Value): Value | undefined {
  if (s.op.type === 'fail') return undefined;
  const v = inner(s.op.model.value);
  if (s.op.f === 'write') return v;
  return s.op.f === 'cas' ? (v as Value[])[1]! : undefined;
}
