import type { Value } from '../../src/core/op.js';
import type { PartitionOp } from '../linearizability/partition-op.js';
import { valueKey } from '../models/value-key.js';

/**
 * For register-like models (read, write, cas): the first ok op that needs a value no op of its
 * key ever wrote (by an ok, crashed or pending write or cas) and that is not the initial value.
 * No order can produce such a value, so it refutes sequential consistency at once, whatever the
 * search budget; it holds with repeated values too.
 */
export function findUnwrittenRead(
  ops: readonly PartitionOp[],
  initial: Value,
  inner: (v: Value) => Value,
): { op: PartitionOp; value: Value } | undefined {
  const written = new Set<string>([valueKey(initial)]);
  for (const op of ops) {
    if (op.type === 'fail') continue;
    const v = inner(op.model.value);
    if (op.f === 'write') written.add(valueKey(v));
    else if (op.f === 'cas' && Array.isArray(v)) written.add(valueKey(v[1]!));
  }
  for (const op of ops) {
    if (op.type !== 'ok') continue;
    const v = inner(op.model.value);
    const needed = op.f === 'read' ? v : op.f === 'cas' && Array.isArray(v) ? v[0]! : undefined;
    if (needed !== undefined && !written.has(valueKey(needed))) return { op, value: needed };
  }
  return undefined;
}
