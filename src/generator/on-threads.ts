import type { GenContext, Generator } from '../core/generator.js';

type Thread = number | 'nemesis';

/** `gen` sees, and is given events of, only the threads that pass `filter`. */
export function onThreads(filter: (thread: Thread) => boolean, gen: Generator): Generator {
  const restrict = (ctx: GenContext): GenContext => ({
    ...ctx,
    threads: ctx.threads.filter(filter),
    free: new Set([...ctx.free].filter(filter)),
  });
  return {
    next(ctx) {
      const r = gen.next(restrict(ctx));
      if (r === null || r === 'pending') return r;
      return { op: r.op, gen: onThreads(filter, r.gen) };
    },
    update: (ctx, event) =>
      filter(event.thread) ? onThreads(filter, gen.update(restrict(ctx), event)) : onThreads(filter, gen),
  };
}

/** Only the client threads. */
export function clients(gen: Generator): Generator {
  return onThreads((t) => t !== 'nemesis', gen);
}

/** Only the nemesis thread. */
export function nemesis(gen: Generator): Generator {
  return onThreads((t) => t === 'nemesis', gen);
}
