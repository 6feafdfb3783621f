import type { Model } from '../../src/core/model.js';
import type { SearchOps } from './search-ops.js';

/** States explored at most when closing the model's state space; beyond it nothing is concluded. */
const MAX_STATES = 256;
/** Transitions computed at most (states × op kinds); beyond it nothing is concluded. */
const MAX_STEPS = 100_000;

/**
 * Finds a required op that is impossible in every state the model can reach with these ops in any
 * order (a read of a value nobody wrote, say). Such an op refutes the partition without a search.
 * The reachable states are closed by breadth-first search over the op kinds, ignoring real time;
 * when that space is larger than MAX_STATES, nothing is concluded and undefined is returned.
 * Returns the partition position of the first such op by call.
 */
export function impossibleOp(model: Model, o: SearchOps): number | undefined {
  const steps = o.kindOps;
  if (steps.length * MAX_STATES > MAX_STEPS) return undefined;
  const key = (s: unknown): string | number => (model.id ? model.id(s) : model.hash(s));
  const init = model.init();
  const seen = new Set([key(init)]);
  const states: unknown[] = [init];
  for (let i = 0; i < states.length; i++) {
    for (const m of steps) {
      const next = model.step(states[i], m);
      if (next === null) continue;
      const h = key(next);
      if (seen.has(h)) continue;
      if (states.length >= MAX_STATES) return undefined;
      seen.add(h);
      states.push(next);
    }
  }
  const possible = new Int8Array(steps.length); // 0 unknown, 1 possible, -1 impossible
  for (let id = 0; id < o.nReq; id++) {
    const k = o.kindOf[id]!;
    if (possible[k] === 0) possible[k] = states.some((s) => model.step(s, steps[k]!) !== null) ? 1 : -1;
    if (possible[k] === -1) return o.order[id]!;
  }
  return undefined;
}
