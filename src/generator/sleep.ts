import type { Generator } from '../core/generator.js';
import { Anchor } from './anchor.js';

/** Emits nothing for `dt` ns from when it is first asked, then ends (a pause inside phases). */
export function sleep(dtNs: number, anchor = new Anchor()): Generator {
  const gen: Generator = {
    next: (ctx) => (ctx.time >= anchor.at(ctx) + dtNs ? null : 'pending'),
    update: () => gen,
  };
  return gen;
}
