import { FaultlineError } from '../src/core/errors.js';
import type { Nemesis } from '../src/core/nemesis.js';

/** One nemesis that routes each fault op to the part handling its f; setup in order, teardown of all in reverse. */
export function composeNemeses(parts: readonly Nemesis[]): Nemesis {
  const byF = new Map<string, Nemesis>();
  for (const part of parts) {
    for (const f of part.fs) {
      if (byF.has(f))
        throw new FaultlineError(
          'BAD_ARGUMENT',
          `Two nemeses handle "${f}": ${byF.get(f)?.name} and ${part.name}.`,
        );
      byF.set(f, part);
    }
  }
  return {
    name: parts.map((p) => p.name).join('+') || 'none',
    fs: [...byF.keys()],
    async setup(ctx, system) {
      for (const part of parts) await part.setup(ctx, system);
    },
    invoke(ctx, op) {
      const part = byF.get(op.f);
      if (!part) {
        return Promise.reject(
          new FaultlineError(
            'BAD_ARGUMENT',
            `No nemesis handles "${op.f}"; known: ${[...byF.keys()].join(', ')}.`,
          ),
        );
      }
      return part.invoke(ctx, op);
    },
    async teardown(ctx) {
      const errors: unknown[] = [];
      for (const part of [...parts].reverse()) await part.teardown(ctx).catch((e: unknown) => errors.push(e));
      if (errors.length > 0) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `Healing failed: ${errors.map((e) => (e as Error).message).join('; ')}`,
          {
            hint: 'Nodes may still be partitioned, paused or skewed; `faultline clean` removes them.',
          },
        );
      }
    },
  };
}
