import type { Model, ModelOp } from '../../src/core/model.js';
import { valueKey } from '../models/value-key.js';
import type { PartitionOp } from './partition-op.js';

/** States explored at most when closing the model's state space; beyond it nothing is concluded. */
const MAX_STATES = 256;

/**
 * Finds a required op that is impossible in every state the model can reach with these ops in any
 * order (a read of a value nobody wrote, say). Such an op refutes the partition without a search.
 * The reachable states are closed by breadth-first search over all the ops, ignoring real time; when
 * that space is larger than MAX_STATES, nothing is concluded and undefined is returned.
 */
export function impossibleOp(model: Model, ops: readonly PartitionOp[]): number | undefined {
  const kinds = new Map<string, ModelOp>();
  for (const op of ops)
    kinds.set(`${op.model.f}\u0000${op.model.crashed ? 1 : 0}\u0000${valueKey(op.model.value)}`, op.model);
  const steps = [...kinds.values()];
  if (steps.length * MAX_STATES > 100_000) return undefined;
  const init = model.init();
  const seen = new Set([model.hash(init)]);
  const states: unknown[] = [init];
  for (let i = 0; i < states.length; i++) {
    for (const m of steps) {
      const next = model.step(states[i], m);
      if (next === null) continue;
      const h = model.hash(next);
      if (seen.has(h)) continue;
      if (states.length >= MAX_STATES) return undefined;
      seen.add(h);
      states.push(next);
    }
  }
  const possible = new Map<ModelOp, boolean>();
  for (let pos = 0; pos < ops.length; pos++) {
    const op = ops[pos]!;
    if (op.ret === Infinity) continue;
    let ok = possible.get(op.model);
    if (ok === undefined) {
      ok = states.some((s) => model.step(s, op.model) !== null);
      possible.set(op.model, ok);
    }
    if (!ok) return pos;
  }
  return undefined;
}
