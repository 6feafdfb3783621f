import type { GenContext, GenOp } from '../core/generator.js';
import type { Value } from '../core/op.js';

/** An op as a workload writes it; `thread` and `time` are filled in when it is emitted. */
export interface OpSpec {
  f: string;
  value: Value;
  thread?: number | 'nemesis';
  time?: number;
}

/**
 * Completes `spec` for `ctx`: a random free thread (seeded, so load spreads over nodes) and the
 * current time. Returns undefined when the requested thread, or every thread, is busy.
 */
export function fillIn(spec: OpSpec, ctx: GenContext): GenOp | undefined {
  let thread = spec.thread;
  if (thread === undefined) {
    const free = ctx.threads.filter((t) => ctx.free.has(t));
    if (free.length === 0) return undefined;
    thread = free.length === 1 ? free[0]! : ctx.rng.pick(free);
  } else if (!ctx.free.has(thread)) {
    return undefined;
  }
  return { f: spec.f, value: spec.value, thread, time: spec.time ?? ctx.time };
}
