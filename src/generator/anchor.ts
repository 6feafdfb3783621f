import type { GenContext } from '../core/generator.js';

/**
 * The time a generator was first asked for an op, fixed on first use. Generators are values, but a
 * 'pending' answer returns no successor, so a timer that must start while pending keeps its start
 * here. This write-once cell is the only mutable state in the library; to restart a timed
 * generator, build a new one (which is why cycle and eachThread take factories).
 */
export class Anchor {
  private time: number | undefined;

  at(ctx: GenContext): number {
    this.time ??= ctx.time;
    return this.time;
  }
}
