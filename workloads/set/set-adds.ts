import type { Generator } from '../../src/core/generator.js';
import { fillIn } from '../../src/generator/op-spec.js';

/** Adds 0, 1, 2, ... in order: every element is attempted once, so each is unique. */
export function setAdds(next = 0): Generator {
  const self: Generator = {
    next(ctx) {
      const op = fillIn({ f: 'add', value: next }, ctx);
      return op === undefined ? 'pending' : { op, gen: setAdds(next + 1) };
    },
    update: () => self,
  };
  return self;
}
