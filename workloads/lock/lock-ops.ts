import type { GenContext, GenEvent, Generator } from '../../src/core/generator.js';
import { fillIn } from '../../src/generator/op-spec.js';

export interface LockOpsOptions {
  /** A hold lasts up to this long: a random wait before the guarded write and another before the release (ns). */
  maxHoldNs: number;
}

/** Where one thread is in its cycle: the op it issues next, for which hold token, and not before when. */
interface LockStep {
  f: 'acquire' | 'write' | 'release';
  /** Holds this thread started so far: its tokens are `<thread>.<n>`. */
  n: number;
  /** ns; 0 means at once. */
  at: number;
}

/** After a failed acquire or release, wait this long before the next try, so a down node is not hammered (ns). */
const RETRY_NS = 100e6;

const token = (thread: number | 'nemesis', n: number): string => `${String(thread)}.${n}`;

/** The step after `event` completed the op of `step`. */
function after(step: LockStep, event: GenEvent, ctx: GenContext, options: LockOpsOptions): LockStep {
  const hold = (): number => ctx.time + Math.floor(ctx.rng.next() * (options.maxHoldNs / 2));
  switch (step.f) {
    case 'acquire':
      // Granted: hold, then write under the lock. Not granted, or unknown: a fresh hold with a new token.
      if (event.type === 'ok') return { f: 'write', n: step.n, at: hold() };
      return { f: 'acquire', n: step.n + 1, at: event.type === 'fail' ? ctx.time + RETRY_NS : 0 };
    case 'write':
      // Whatever the write did, the hold must end with a release (from a new process after an info).
      return { f: 'release', n: step.n, at: event.type === 'info' ? 0 : hold() };
    case 'release':
      // A failed release certainly left the lock held: release it again.
      return event.type === 'fail'
        ? { f: 'release', n: step.n, at: ctx.time + RETRY_NS }
        : { f: 'acquire', n: step.n + 1, at: 0 };
  }
}

/**
 * One thread's lock cycle, for `eachThread`: acquire a fresh token `<thread>.<n>`; once granted,
 * wait, write the token to the guarded register (`write [token, token]`), wait, release the token.
 * A hold that was granted always ends with a release of its token, even when its write crashed,
 * so the mutex model sees it end; an acquire that failed or crashed is followed by a fresh token.
 */
export function lockOps(options: LockOpsOptions, step: LockStep = { f: 'acquire', n: 0, at: 0 }): Generator {
  const self: Generator = {
    next(ctx) {
      const thread = ctx.threads[0];
      if (thread === undefined) return null;
      const t = token(thread, step.n);
      const value = step.f === 'write' ? [t, t] : t;
      const op = fillIn({ f: step.f, value, thread, time: Math.max(ctx.time, step.at) }, ctx);
      return op === undefined ? 'pending' : { op, gen: lockOps(options, step) };
    },
    update: (ctx, event) => lockOps(options, after(step, event, ctx, options)),
  };
  return self;
}
