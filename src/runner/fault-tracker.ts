import type { FaultKind } from '../core/nemesis.js';
import type { Op } from '../core/op.js';
import { createRng } from '../generator/rng.js';

/** Which fault kinds are in effect, from the nemesis completions recorded so far. */
export class FaultTracker {
  private readonly active = new Set<FaultKind>();
  /** Each kind's start f, learnt by asking it once with a throwaway RNG (start is pure). */
  private readonly startFs: Map<FaultKind, string>;

  constructor(private readonly kinds: readonly FaultKind[]) {
    this.startFs = new Map(kinds.map((k) => [k, k.start(createRng(0)).f]));
  }

  /** Feed every recorded event here. */
  onEvent = (op: Op): void => {
    if (op.process !== 'nemesis' || op.type === 'invoke') return;
    for (const k of this.kinds) {
      if (k.stop.f === op.f) this.active.delete(k);
      else if (this.startFs.get(k) === op.f) this.active.add(k);
    }
  };

  current(): FaultKind[] {
    return [...this.active];
  }
}
