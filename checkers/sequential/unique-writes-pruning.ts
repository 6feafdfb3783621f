import type { Value } from '../../src/core/op.js';
import type { Partition } from '../linearizability/partition-history.js';
import { valueKey } from '../models/value-key.js';
import type { SeqOp } from './process-sequences.js';
import type { UniqueWritesPruning } from './sequential-search.js';

/**
 * Observers and writers of each value, for pruning the whole-history search when values are
 * unique per key. A failed comparison (type fail) is neither: it needs the register *not* to hold
 * its expected value and writes nothing, so counting it would forbid legal orders (a false alarm).
 * Crashed ops observe nothing the search must wait for: they may never take effect.
 */
export function uniqueWritesPruning(
  sequences: readonly SeqOp[][],
  partitions: readonly Partition[],
  initial: Value,
  inner: (v: Value) => Value,
): UniqueWritesPruning {
  const observers = new Map<string, [number, number][]>();
  sequences.forEach((seq, p) =>
    seq.forEach((s, i) => {
      if (s.op.type !== 'ok') return;
      const v = inner(s.op.model.value);
      const seen = s.op.f === 'read' ? v : s.op.f === 'cas' ? (v as Value[])[0]! : undefined;
      if (seen === undefined) return;
      const k = `${s.part}|${valueKey(seen)}`;
      const list = observers.get(k);
      if (list === undefined) observers.set(k, [[p, i]]);
      else list.push([p, i]);
    }),
  );
  return {
    observers,
    written: (s) => {
      if (s.op.type === 'fail') return undefined;
      const v = inner(s.op.model.value);
      const w = s.op.f === 'write' ? v : s.op.f === 'cas' ? (v as Value[])[1]! : undefined;
      return w === undefined ? undefined : `${s.part}|${valueKey(w)}`;
    },
    initial: partitions.map((_, part) => `${part}|${valueKey(initial)}`),
  };
}
