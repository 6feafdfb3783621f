import type { Generator } from '../../src/core/generator.js';
import { fillIn } from '../../src/generator/op-spec.js';

/**
 * Enqueues and dequeues at random, half each: `enqueue x` with x = next, next + 1, ... (each element
 * unique, so every dequeue names the one enqueue it came from) and `dequeue` (value null).
 */
export function queueOps(next = 0): Generator {
  const self: Generator = {
    next(ctx) {
      const enqueue = ctx.rng.int(2) === 0;
      const op = fillIn(enqueue ? { f: 'enqueue', value: next } : { f: 'dequeue', value: null }, ctx);
      if (op === undefined) return 'pending';
      return { op, gen: queueOps(enqueue ? next + 1 : next) };
    },
    update: () => self,
  };
  return self;
}
