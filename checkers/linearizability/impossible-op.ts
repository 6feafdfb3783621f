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
 * when that space is larger than MAX_STATES, or closing it takes more than MAX_STEPS transitions,
 * nothing is concluded and undefined is returned. Returns the partition position of the first
 * such op by call.
 */
export function impossibleOp(model: Model, o: SearchOps): number | undefined {
  const steps = o.kindOps;
  const key = (s: unknown): string | number => (model.id ? model.id(s) : model.hash(s));
  const init = model.init();
  const seen = new Set([key(init)]);
  const states: unknown[] = [init];
  /** 1 when some reachable state allows the kind: a closed space has tried every state with every kind. */
  const possible = new Uint8Array(steps.length);
  let spent = 0;
  for (let i = 0; i < states.length; i++) {
    spent += steps.length;
    if (spent > MAX_STEPS) return undefined;
    for (let k = 0; k < steps.length; k++) {
      const next = model.step(states[i], steps[k]!);
      if (next === null) continue;
      possible[k] = 1;
      const h = key(next);
      if (seen.has(h)) continue;
      if (states.length >= MAX_STATES) return undefined;
      seen.add(h);
      states.push(next);
    }
  }
  for (let id = 0; id < o.nReq; id++) if (!possible[o.kindOf[id]!]) return o.order[id]!;
  return undefined;
}
