import type { Model } from '../../src/core/model.js';
import type { SeqOp } from './process-sequences.js';

/**
 * Whether `order` proves sequential consistency: it holds every op of `sequences` that must take
 * effect (ok and failed comparisons; crashed ops may be left out), each once, in each process's
 * program order, and steps legally through the model, one state per partition.
 */
export function isWitness(
  model: Model,
  order: readonly SeqOp[],
  sequences: readonly SeqOp[][],
  partitions: number,
): boolean {
  const rank = new Map<SeqOp, number>();
  for (const [i, s] of order.entries()) {
    if (rank.has(s)) return false;
    rank.set(s, i);
  }
  let covered = 0;
  for (const seq of sequences) {
    let last = -1;
    for (const s of seq) {
      const at = rank.get(s);
      if (at === undefined) {
        if (s.op.type !== 'info') return false;
        continue;
      }
      if (at < last) return false;
      last = at;
      covered++;
    }
  }
  return covered === order.length && replays(model, order, partitions);
}

/** Whether `order` steps legally through the model, one state per partition. */
function replays(model: Model, order: readonly SeqOp[], partitions: number): boolean {
  const states = new Array<unknown>(partitions).fill(model.init());
  for (const s of order) {
    const next = model.step(states[s.part], s.op.model);
    if (next === null) return false;
    states[s.part] = next;
  }
  return true;
}
